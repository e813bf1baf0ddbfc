import type { MentionVia } from './mention-types.js'

/** A mention before it becomes an `EntityMention`: an atom span plus what was decided about it. */
export interface Candidate {
  readonly first: number
  readonly last: number
  readonly start: number
  readonly end: number
  readonly kind: 'person' | 'org'
  readonly entityId: string | null
  /** Set for knowledge-base and coreference mentions; computed from the surface otherwise. */
  readonly canonical: string | null
  readonly confidence: number
  readonly via: MentionVia
  /** Which rule proposed an unknown organisation ("cue-noun", "slot:org-verb"): a scorer feature. */
  readonly rule?: string
  /** A listed company this longer name absorbs ("Bosch" in "Bosch Venture Capital"). */
  readonly replaces?: Candidate
}
