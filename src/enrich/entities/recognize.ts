import { foldName, splitAtoms } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { loadKnowledgeBase } from '../../knowledge/load-knowledge.js'
import type { Candidate } from './candidate.js'
import { canonicalName, withoutGenitive } from './canonical-name.js'
import { type ContextCandidate, contextCandidates } from './context-features.js'
import { judgeContextCandidates, type NameScorer, shippedNameScorer } from './context-names.js'
import { type FullName, resolveShortForms } from './coreference.js'
import { findUnknownOrgs } from './find-orgs.js'
import { findUnknownPeople } from './find-people.js'
import { resolveInstitutionShortForms } from './institution-short-forms.js'
import { type AcceptedMatch, judgeKnownMatches } from './judge-known.js'
import { findKnownNames } from './known-names.js'
import type { EntityMention } from './mention-types.js'
import { findNameGroups } from './name-groups.js'
import { withNationalUnit } from './national-units.js'
import { buildTextModel, type TextModel } from './text-model.js'

export type { EntityMention, MentionVia } from './mention-types.js'

export interface RecognizeOptions {
  /** The learned scorer for the names no rule found; null for rules only. Default: the shipped one. */
  readonly nameScorer?: NameScorer | null
  /** For training: receives the runs no rule claimed, before they are scored. */
  readonly onCandidates?: (candidates: readonly ContextCandidate[], model: TextModel) => void
}

/**
 * Finds the people and organisations a text names. Pure and synchronous; the knowledge base is
 * built once and shared (pass your own to include user entities).
 *
 * Order of the rules, each claiming atoms the earlier ones left free:
 * 1. knowledge-base names and aliases, judged in context (`judgeKnownMatches`);
 * 2. unknown people (first name, role word, speech verb), which may take a known one-word company
 *    name as surname ("Peter Bosch");
 * 3. unknown organisations (legal suffix, role compound, cue phrase);
 * 4. short forms (surnames, first words of organisation names) resolved to the full names above;
 * 5. a learned model over the shape and context of names (`context-features.ts`,
 *    `context-names.ts`) confirms or vetoes the unknown organisations of step 3 and reads what is
 *    left of the capitalised runs: organisations and people no rule recognised;
 * 6. an institution's head noun after an article ("the Commission") resolved to the institution
 *    the text named in full before it.
 *
 * Canonical names: the knowledge-base name for known entities; for unknown ones the surface with
 * spaces collapsed, possessives dropped and, for organisations, a trailing legal form dropped
 * ("Quantiq GmbH" → "Quantiq") while brand words stay ("Lumora Labs").
 *
 * @example
 * recognizeEntities("Meta-Chef Mark Zuckerberg will mehr Rechenzentren.", 'de')
 * // [{ surface: 'Meta', kind: 'org', canonical: 'Meta', via: 'kb', ... },
 * //  { surface: 'Mark Zuckerberg', kind: 'person', canonical: 'Mark Zuckerberg', via: 'kb', ... }]
 */
export function recognizeEntities(
  text: string,
  lang: 'en' | 'de' | (string & {}),
  kb: KnowledgeBase = loadKnowledgeBase(),
  options: RecognizeOptions = {},
): EntityMention[] {
  const model = buildTextModel(text, lang)
  const accepted = judgeKnownMatches(findKnownNames(model, kb), model, kb)
  const kbOwners: (AcceptedMatch | undefined)[] = new Array(model.atoms.length)
  for (const match of accepted) {
    for (let i = match.first; i <= match.last; i++) kbOwners[i] = match
  }
  const groups = findNameGroups(model)
  const people = findUnknownPeople(model, kb, groups, kbOwners)

  const owners: (Candidate | undefined)[] = new Array(model.atoms.length)
  const placed: Candidate[] = []
  const place = (c: Candidate): boolean => {
    for (let i = c.first; i <= c.last; i++) if (owners[i] !== undefined) return false
    for (let i = c.first; i <= c.last; i++) owners[i] = c
    placed.push(c)
    return true
  }
  // Vetoed organisations leave, and so do the short forms that pointed at them.
  const unplace = (gone: ReadonlySet<Candidate>) => {
    const names = new Set(
      [...gone].map((c) => canonicalName(text.slice(c.start, c.end), 'org', kb)),
    )
    const keep = placed.filter(
      (c) =>
        !gone.has(c) &&
        !(c.via === 'coreference' && c.kind === 'org' && names.has(c.canonical ?? '')),
    )
    placed.length = 0
    owners.fill(undefined)
    for (const c of keep) place(c)
  }
  const known = accepted.map((m) => withNationalUnit(model, kb, fromKnown(m, kb)))
  for (const c of known) if (c.kind === 'person') place(c)
  // people found by a role or a speech verb alone go to the scorer with the weak organisations
  const proposedPeople = people.filter(place).filter((c) => c.via === 'role' || c.via === 'speech')
  // A listed company named like a person of this text ("Meijer" after "Erik Meijer") is that
  // person's surname: the person wins.
  const surnames = new Set(
    placed
      .filter((c) => c.kind === 'person')
      .map((c) => splitAtoms(c.canonical ?? text.slice(c.start, c.end)))
      .filter((atoms) => atoms.length >= 2)
      .map((atoms) => foldName((atoms.at(-1) as { text: string }).text)),
  )
  for (const c of known) {
    if (c.kind !== 'org') continue
    if (c.last === c.first && surnames.has(foldName(text.slice(c.start, c.end)))) continue
    place(c)
  }
  const unknownOrgs = findUnknownOrgs(model, kb, groups, owners)
  const absorbed = new Set(
    unknownOrgs.flatMap((c) => (c.replaces === undefined ? [] : [c.replaces])),
  )
  if (absorbed.size > 0) unplace(absorbed)
  const proposed = unknownOrgs.filter(place)
  for (const c of resolveShortForms(model, kb, fullNamesOf(placed, text, kb), owners)) place(c)
  const scorer = options.nameScorer === undefined ? shippedNameScorer() : options.nameScorer
  if (scorer !== null || options.onCandidates !== undefined) {
    const candidates = contextCandidates(model, kb, groups, owners, [
      ...proposedPeople,
      ...proposed,
    ])
    options.onCandidates?.(candidates, model)
    if (scorer !== null) {
      const verdict = judgeContextCandidates(model, candidates, scorer)
      if (verdict.vetoed.size > 0) unplace(verdict.vetoed)
      for (const c of verdict.found) place(c)
    }
  }
  const orgs = placed.filter((c) => c.kind === 'org' && c.via !== 'coreference')
  for (const c of resolveInstitutionShortForms(model, kb, orgs, owners)) place(c)

  const mentions: EntityMention[] = []
  for (const c of placed.sort((a, b) => a.start - b.start)) {
    const surface = text.slice(c.start, c.end)
    let canonical = c.canonical ?? canonicalName(surface, c.kind, kb)
    if (c.kind === 'org' && c.canonical === null && model.lang === 'de') {
      canonical = withoutGenitive(canonical, text)
    }
    if (canonical === '' || (c.entityId === null && kb.stopNames.has(foldName(canonical)))) continue
    mentions.push({
      start: c.start,
      end: c.end,
      surface,
      kind: c.kind,
      entityId: c.entityId,
      canonical,
      confidence: c.confidence,
      via: c.via,
    })
  }
  return mentions
}

function fromKnown(match: AcceptedMatch, kb: KnowledgeBase): Candidate {
  const entity = kb.entities.get(match.target.entityId)
  return {
    first: match.first,
    last: match.last,
    start: match.start,
    end: match.end,
    kind: match.target.kind,
    entityId: match.target.entityId,
    canonical: entity?.name ?? match.alias.phrase,
    confidence: match.confidence,
    via: 'kb',
  }
}

/** Full names whose short forms may follow: people's surnames, organisations' first words. */
function fullNamesOf(placed: readonly Candidate[], text: string, kb: KnowledgeBase): FullName[] {
  const names: FullName[] = []
  for (const c of placed) {
    const canonical = c.canonical ?? canonicalName(text.slice(c.start, c.end), c.kind, kb)
    const atoms = splitAtoms(canonical)
    if (atoms.length < 2) continue
    // a family name the knowledge base knows beats the last word ("Liang Wenfeng" → "Liang")
    const family = c.entityId === null ? undefined : kb.entities.get(c.entityId)?.familyName
    const key =
      family !== undefined
        ? splitAtoms(family).at(-1)
        : c.kind === 'person'
          ? atoms.at(-1)
          : atoms[0]
    if (key === undefined || key.text.length < 2) continue
    if (c.kind === 'org' && (c.entityId !== null || kb.stopNames.has(foldName(key.text)))) continue
    names.push({ kind: c.kind, entityId: c.entityId, canonical, keys: [foldName(key.text)] })
  }
  return names
}
