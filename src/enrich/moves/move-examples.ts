import type { Example } from '../../learn/linear-model.js'
import type { MoveCandidates, PersonCandidate, PersonSighting } from './move-candidates.js'
import { MoveFeaturizer, type MoveHint } from './move-features.js'
import type { MovePatterns } from './pattern-types.js'

/** A move an annotator wrote down for a text (the training side of the scorer). */
export interface GoldMove {
  readonly person: string
  readonly kind: string
  readonly from: string | null
  readonly to: string | null
  /** The sentence(s) that state it, as written; null when the whole text is the evidence. */
  readonly evidence: string | null
}

/** How predicted canonical names are compared with gold names (aliases, legal forms, ...). */
export interface NameMatcher {
  samePerson(predicted: string, gold: string): boolean
  sameOrg(predicted: string, gold: string): boolean
}

export interface MoveExamples {
  readonly kind: Example[]
  readonly slot: Example[]
}

/**
 * Training examples of one annotated text: every sighting of every person, labelled with the kind
 * of the gold move it states (or `none`), and, for each gold move, every organisation labelled
 * `to`, `from` or `none`. People with an optional (defensible, not required) move teach nothing.
 */
export function moveExamples(
  candidates: MoveCandidates,
  patterns: MovePatterns,
  gold: readonly GoldMove[],
  optional: readonly GoldMove[],
  names: NameMatcher,
  hints: readonly MoveHint[] = [],
): MoveExamples {
  const featurizer = new MoveFeaturizer(candidates, patterns, hints)
  const kind: Example[] = []
  const slot: Example[] = []
  for (const person of candidates.persons) {
    if (optional.some((m) => names.samePerson(person.canonical, m.person))) continue
    const moves = gold.filter((m) => names.samePerson(person.canonical, m.person))
    const aligned = moves.map((m) => person.sightings.filter((s) => states(s, m)))
    // A move whose evidence names the person nowhere we saw them cannot label their sentences.
    if (moves.length > 0 && aligned.every((a) => a.length === 0)) continue
    for (const sighting of person.sightings) {
      const index = aligned.findIndex((a) => a.includes(sighting))
      const label = index < 0 ? 'none' : (moves[index] as GoldMove).kind
      kind.push({ features: featurizer.sightingFeatures(sighting, person), label })
    }
    moves.forEach((move, i) => {
      const best = aligned[i]?.[0]
      if (best === undefined) return
      slot.push(...slotExamples(featurizer, person, best, move, candidates, names))
    })
  }
  return { kind, slot }
}

function slotExamples(
  featurizer: MoveFeaturizer,
  person: PersonCandidate,
  best: PersonSighting,
  move: GoldMove,
  candidates: MoveCandidates,
  names: NameMatcher,
): Example[] {
  return candidates.orgs.map((org) => {
    const to = move.to !== null && names.sameOrg(org.canonical, move.to)
    const from = move.from !== null && names.sameOrg(org.canonical, move.from)
    const label = to ? 'to' : from ? 'from' : 'none'
    return { features: featurizer.slotFeatures(person, best, org, move.kind), label }
  })
}

/** True when the sighting's sentence is (part of) the move's evidence. */
function states(sighting: PersonSighting, move: GoldMove): boolean {
  if (move.evidence === null) return true
  const sentence = squash(sighting.sentence.span.text)
  const evidence = squash(move.evidence)
  if (sentence === '' || evidence === '') return false
  return evidence.includes(sentence) || sentence.includes(evidence)
}

function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}
