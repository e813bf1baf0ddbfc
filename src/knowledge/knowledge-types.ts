import type { PhraseIndex } from './phrase-index.js'

/**
 * One entry of `organizations.json` / `people.json`, or of a user file with the same shape.
 * Only `id`, `name` and `kind` are required; the rest defaults to empty.
 */
export interface KnowledgeEntity {
  readonly id: string
  readonly name: string
  readonly kind: 'person' | 'org'
  readonly type?: string
  readonly aliases?: readonly string[]
  readonly formerNames?: readonly string[]
  readonly parent?: string | null
  readonly wikidata?: string | null
  readonly country?: string | null
  /** The name is also a common word or place ("Apple", "X", "Amazon", "Der Spiegel"). */
  readonly ambiguous?: boolean
  /** People only: organisations they are known for. */
  readonly orgs?: readonly string[]
  /**
   * People only: the family name, set for names that outlets write in either order (Chinese,
   * Japanese and Korean names: "Liang Wenfeng" and "Wenfeng Liang", "Masayoshi Son" and "Son
   * Masayoshi"). The loader adds the other order of every two-word alias that contains it, and it,
   * not the last word, is the surname that short mentions resolve to.
   */
  readonly familyName?: string
}

/** What an alias points at. */
export interface AliasTarget {
  readonly entityId: string
  readonly kind: 'person' | 'org'
}

/** A legal form ("GmbH", "Inc.") is dropped from canonical names; a brand word ("Labs") is kept. */
export interface SuffixInfo {
  readonly legalForm: boolean
  /** Strong suffixes make an organisation on their own; weak ones ("AI", "Research") need more. */
  readonly strong: boolean
}

/** The lookup structures the recognizer needs, built once by `loadKnowledgeBase`. */
export interface KnowledgeBase {
  readonly entities: ReadonlyMap<string, KnowledgeEntity>
  /** Every name, alias and former name of every entity. */
  readonly aliases: PhraseIndex<AliasTarget>
  /** Folded surname (last atoms of a person's names) → ids of the known people who carry it. */
  readonly surnames: ReadonlyMap<string, readonly string[]>
  /** Lowercased first names that confirm an unknown person. */
  readonly firstNames: ReadonlySet<string>
  /** Lowercased first names that are also common words ("Will", "Mark" in German "Mark"): need more. */
  readonly ambiguousFirstNames: ReadonlySet<string>
  /** Role and title phrases per language; value is the normalised role ("ceo"). */
  readonly roles: Readonly<Record<'en' | 'de', PhraseIndex<string>>>
  /** Honorifics and academic titles, stripped from people's names ("Prof. Dr."). */
  readonly titlePrefixes: PhraseIndex<true>
  readonly legalSuffixes: PhraseIndex<SuffixInfo>
  /** Phrases that announce an organisation right after them ("the startup", "bei", "joined"). */
  readonly cues: Readonly<Record<'en' | 'de', PhraseIndex<string>>>
  /** Folded strings that are never entities on their own ("KI", "FAQ", "Privacy Policy"). */
  readonly stopNames: ReadonlySet<string>
}
