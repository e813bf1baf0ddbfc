/** Normalised roles, the values of `role-words.json` (its data test checks against this list). */
export const ROLE_VALUES = [
  'ceo',
  'cto',
  'chief_scientist',
  'vp',
  'director',
  'head',
  'researcher',
  'engineer',
  'founder',
  'board',
  'other',
] as const

export type RoleNormalized = (typeof ROLE_VALUES)[number]

/**
 * departure: leaves, destination not stated; hire: joins an existing organisation ("leaves X for
 * Y" is one hire); founding: founds or co-founds; promotion: new role in the same organisation.
 */
export type MoveKind = 'departure' | 'hire' | 'founding' | 'promotion'

/** Rumours and denials are kept apart from reported moves in every count. */
export type MoveStatus = 'reported' | 'rumored' | 'denied'

/** Where a move was read: the sentence(s) and their UTF-16 offsets in the article text. */
export interface MoveEvidence {
  readonly sentence: string
  readonly start: number
  readonly end: number
}

/** One talent move read from one text. Names are the canonical names of the recognised entities. */
export interface TalentMove {
  readonly person: string
  readonly personId: string | null
  /** The role as written ("Direktor für Generative KI"). */
  readonly role: string | null
  readonly roleNormalized: RoleNormalized | null
  readonly fromOrg: string | null
  readonly fromOrgId: string | null
  readonly toOrg: string | null
  readonly toOrgId: string | null
  readonly kind: MoveKind
  readonly status: MoveStatus
  /** ISO date: YYYY-MM-DD, or YYYY-MM-01 when the text gives only a month. */
  readonly happenedAt: string | null
  /** 'sentence' when a date was read from the evidence, else the article's published time. */
  readonly happenedFrom: 'sentence' | 'published'
  /** 0..1: how complete and unambiguous the reading is. */
  readonly confidence: number
  readonly evidence: MoveEvidence
}
