import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { DETERMINERS } from './context-words.js'
import { roleAt } from './cue-lookup.js'
import { isCapitalized, separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/** A person or organisation already named in full, by canonical name. */
export interface FullName {
  readonly kind: 'person' | 'org'
  readonly entityId: string | null
  readonly canonical: string
  /** Folded short forms: a person's surname, an organisation's first word. */
  readonly keys: readonly string[]
}

/**
 * Resolves short forms inside one text. A surname ("Zuckerberg", "Parikh", German genitive
 * "Altmans") or the first word of a multi-word organisation name ("Lumora" after "Lumora Labs")
 * becomes a mention of the full name found elsewhere in the same text. When no full name is in the
 * text, a surname that belongs to exactly one person of the knowledge base still resolves ("Musk
 * said ...", "Hochreiter gründete ...") if its capital is informative or a verb follows it.
 * A surname that is also a function word resolves only mid-sentence: "Parikh und Das" is the person,
 * "Das sagte ..." is the article.
 *
 * @example
 * resolveShortForms(model, kb, [{ kind: 'person', entityId: null, canonical: 'Priya Raman', keys: ['raman'] }], owners)
 */
export function resolveShortForms(
  model: TextModel,
  kb: KnowledgeBase,
  fullNames: readonly FullName[],
  owners: readonly (Candidate | undefined)[],
): Candidate[] {
  const byKey = new Map<string, FullName[]>()
  for (const full of fullNames) {
    for (const key of full.keys) {
      const list = byKey.get(key) ?? []
      if (!list.some((f) => f.canonical === full.canonical)) list.push(full)
      byKey.set(key, list)
    }
  }
  const found: Candidate[] = []
  const { atoms } = model
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]
    if (atom === undefined || owners[i] !== undefined || !isCapitalized(atom.text)) continue
    const sepBefore = separatorBefore(model, i)
    if (i > 0 && /^[-‑'’]$/.test(sepBefore)) continue
    if (/^[-‑]$/.test(separatorAfter(model, i)) && roleAt(model, kb, i + 1) === null) continue
    const folded = model.folded[i] ?? ''
    const genitive = model.lang !== 'en' && folded.length > 3 && folded.endsWith('s')
    const keys = genitive ? [folded, folded.slice(0, -1)] : [folded]
    const functionWord = kb.stopNames.has(folded)
    if (functionWord && model.sentenceStart[i] && model.lang !== 'en') continue
    for (const key of keys) {
      const matches = byKey.get(key)
      const end = key.length < folded.length ? atom.end - 1 : atom.end
      if (matches !== undefined && matches.length === 1 && matches[0] !== undefined) {
        const full = matches[0]
        found.push(
          shortForm(model, i, end, full.kind, full.entityId, full.canonical, 'coreference', 0.8),
        )
        break
      }
      if (matches !== undefined) break
      const known = knownSurname(model, kb, i, key, key !== keys[0])
      if (known !== null) {
        found.push(shortForm(model, i, end, 'person', known.id, known.name, 'kb', 0.7))
        break
      }
    }
  }
  return found
}

function knownSurname(
  model: TextModel,
  kb: KnowledgeBase,
  i: number,
  key: string,
  genitive: boolean,
): { id: string; name: string } | null {
  const ids = kb.surnames.get(key)
  if (ids === undefined || ids.length !== 1 || ids[0] === undefined) return null
  const atom = model.atoms[i]
  if (atom === undefined || key.length < 4) return null
  if (kb.firstNames.has(key) || kb.stopNames.has(key) || model.headline[i]) return null
  if (kb.aliases.has(key)) return null
  if (roleAt(model, kb, i) !== null) return null
  const prev = model.atoms[i - 1]
  if (prev !== undefined && DETERMINERS.has(prev.lower)) return null
  const possessive = /^['’]$/.test(separatorAfter(model, i)) && model.atoms[i + 1]?.lower === 's'
  if (model.sentenceStart[i] && !genitive && !possessive) {
    const next = model.atoms[i + 1]
    if (next === undefined || isCapitalized(next.text) || !/^\s+$/.test(separatorAfter(model, i))) {
      return null
    }
  }
  const entity = kb.entities.get(ids[0])
  return entity === undefined ? null : { id: entity.id, name: entity.name }
}

function shortForm(
  model: TextModel,
  i: number,
  end: number,
  kind: 'person' | 'org',
  entityId: string | null,
  canonical: string,
  via: 'coreference' | 'kb',
  confidence: number,
): Candidate {
  return {
    first: i,
    last: i,
    start: model.atoms[i]?.start ?? 0,
    end,
    kind,
    entityId,
    canonical,
    confidence,
    via,
  }
}
