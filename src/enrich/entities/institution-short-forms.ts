import { foldName, splitAtoms } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { isCapitalized, separatorBefore, type TextModel } from './text-model.js'

/**
 * Nouns that head the names of institutions and, after a definite article, stand for the whole
 * name once the text has given it: "the Commission" for the European Commission, "die Kommission"
 * for the EU-Kommission, "the Institute" for the Allen Institute for AI. German entries also match
 * the end of a compound in the name ("Bundesministerium" → "das Ministerium").
 */
const INSTITUTION_NOUNS = {
  en: [
    'commission',
    'parliament',
    'council',
    'court',
    'agency',
    'authority',
    'ministry',
    'department',
    'foundation',
    'institute',
    'university',
    'senate',
    'committee',
    'bureau',
  ],
  de: [
    'kommission',
    'parlament',
    'gericht',
    'gerichtshof',
    'agentur',
    'behörde',
    'ministerium',
    'stiftung',
    'institut',
    'universität',
    'hochschule',
    'senat',
    'ausschuss',
  ],
} as const

const FOLDED_NOUNS = {
  en: INSTITUTION_NOUNS.en.map(foldName),
  de: INSTITUTION_NOUNS.de.map(foldName),
} as const

const ARTICLES = {
  en: new Set(['the']),
  de: new Set(['der', 'die', 'das', 'des', 'dem', 'den']),
} as const

/**
 * Resolves an institution's bare head noun after a definite article ("the Commission", "die
 * Kommission") to the organisation the same text named in full before it. Never alone: without an
 * earlier full name, or when two organisations named in the text share the noun, the short form
 * stays unresolved. The noun must be capitalised in running text (not in a Title Case headline).
 *
 * @example
 * // "The European Commission opened a probe. The Commission said ..." → "Commission" is the
 * // European Commission
 * resolveInstitutionShortForms(model, kb, placedOrgs, owners)
 */
export function resolveInstitutionShortForms(
  model: TextModel,
  kb: KnowledgeBase,
  orgs: readonly Candidate[],
  owners: readonly (Candidate | undefined)[],
): Candidate[] {
  if (model.lang === 'other' || orgs.length === 0) return []
  const nouns = FOLDED_NOUNS[model.lang]
  const articles = ARTICLES[model.lang]
  // noun → the organisations whose full names hold it, with where each is first named
  const byNoun = new Map<string, Map<string, { org: Candidate; start: number }>>()
  for (const org of orgs) {
    if (org.kind !== 'org') continue
    const key = org.entityId ?? org.canonical ?? model.text.slice(org.start, org.end)
    for (const noun of orgHeadNouns(org, model, kb, nouns)) {
      const holders = byNoun.get(noun) ?? new Map<string, { org: Candidate; start: number }>()
      const known = holders.get(key)
      if (known === undefined || org.start < known.start)
        holders.set(key, { org, start: org.start })
      byNoun.set(noun, holders)
    }
  }
  if (byNoun.size === 0) return []

  const found: Candidate[] = []
  const { atoms } = model
  for (let i = 1; i < atoms.length; i++) {
    const atom = atoms[i]
    const article = atoms[i - 1]
    if (atom === undefined || article === undefined || owners[i] !== undefined) continue
    if (!isCapitalized(atom.text) || model.sentenceStart[i] || model.headline[i]) continue
    if (!articles.has(article.lower) || !/^\s+$/.test(separatorBefore(model, i))) continue
    let noun = model.folded[i] ?? ''
    let end = atom.end
    // German genitive: "des Instituts"
    if (!byNoun.has(noun) && model.lang === 'de' && noun.endsWith('s')) {
      noun = noun.slice(0, -1)
      end -= 1
    }
    const holders = byNoun.get(noun)
    if (holders === undefined || holders.size !== 1) continue
    const [only] = holders.values()
    if (only === undefined || only.start >= atom.start) continue
    found.push({
      first: i,
      last: i,
      start: atom.start,
      end,
      kind: 'org',
      entityId: only.org.entityId,
      canonical: only.org.canonical ?? model.text.slice(only.org.start, only.org.end),
      confidence: 0.75,
      via: 'coreference',
    })
  }
  return found
}

// A known entity's name and aliases give the same nouns in every text: computed once per language.
const knownHeadNouns = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>()

/** The institution nouns of the mention's surface plus, for a known entity, its name and aliases. */
function orgHeadNouns(
  org: Candidate,
  model: TextModel,
  kb: KnowledgeBase,
  nouns: readonly string[],
): Set<string> {
  const compounds = model.lang === 'de'
  const found = headNouns([model.text.slice(org.start, org.end)], nouns, compounds)
  const entity = org.entityId === null ? undefined : kb.entities.get(org.entityId)
  if (entity === undefined) return found
  let table = knownHeadNouns.get(kb)
  if (table === undefined) {
    table = new Map()
    knownHeadNouns.set(kb, table)
  }
  const key = `${model.lang}:${entity.id}`
  let known = table.get(key)
  if (known === undefined) {
    known = headNouns([entity.name, ...(entity.aliases ?? [])], nouns, compounds)
    table.set(key, known)
  }
  for (const noun of known) found.add(noun)
  return found
}

/**
 * The institution nouns inside names of two or more words (a bare "Commission" is no name); with
 * `compounds`, also at the end of a German compound ("Bundesministerium" → "ministerium").
 */
function headNouns(
  names: readonly string[],
  nouns: readonly string[],
  compounds: boolean,
): Set<string> {
  const found = new Set<string>()
  for (const name of names) {
    const words = splitAtoms(name)
    if (words.length < 2) continue
    for (const word of words) {
      if (!isCapitalized(word.text)) continue
      const folded = foldName(word.text)
      for (const key of nouns) {
        if (
          folded === key ||
          (compounds && folded.length > key.length + 2 && folded.endsWith(key))
        ) {
          found.add(key)
        }
      }
    }
  }
  return found
}
