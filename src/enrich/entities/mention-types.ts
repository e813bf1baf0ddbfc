/** How a mention was recognised, strongest first. */
export type MentionVia =
  | 'kb'
  | 'first-name'
  | 'role'
  | 'speech'
  | 'legal-suffix'
  | 'cue'
  | 'coreference'
  /** No rule, but the learned scorer read it from its context (`context-names.ts`). */
  | 'context'

/** One recognised name in a text. Offsets are UTF-16 code units, `end` exclusive. */
export interface EntityMention {
  readonly start: number
  readonly end: number
  /** The text as written, without a possessive or genitive ending. */
  readonly surface: string
  readonly kind: 'person' | 'org'
  /** The knowledge-base id, or null for an entity the knowledge base does not hold. */
  readonly entityId: string | null
  /** The one name of the entity: the knowledge-base name, or a normalised surface. */
  readonly canonical: string
  /** 0..1: how sure the rule that found it is. */
  readonly confidence: number
  readonly via: MentionVia
}
