import { foldName } from '../../knowledge/atoms.js'
import type { EntityMention } from '../entities/mention-types.js'
import { type TokenizedSentence, tokenizeSentence } from './move-tokens.js'
import { splitSentences } from './split-sentences.js'

// Subject pronouns that stand for the last person named.
const PRONOUNS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['he', 'she']),
  de: new Set(['er', 'sie']),
}

/** Where a person is named (or referred to by a pronoun) in one sentence. */
export interface PersonSighting {
  readonly sentence: TokenizedSentence
  /** Index of the person's token (the name, or the pronoun) in `sentence.tokens`. */
  readonly token: number
  readonly viaPronoun: boolean
}

/** One person of the text, with every sentence that speaks of them. */
export interface PersonCandidate {
  readonly key: string
  readonly canonical: string
  readonly entityId: string | null
  readonly sightings: readonly PersonSighting[]
}

/** One organisation of the text, with every place it is named. */
export interface OrgCandidate {
  readonly key: string
  readonly canonical: string
  readonly entityId: string | null
  readonly places: readonly { readonly sentence: TokenizedSentence; readonly token: number }[]
}

/** Everything the move scorer looks at: sentences as tokens, the people and the organisations. */
export interface MoveCandidates {
  readonly text: string
  readonly lang: string
  readonly sentences: readonly TokenizedSentence[]
  readonly persons: readonly PersonCandidate[]
  readonly orgs: readonly OrgCandidate[]
}

/**
 * The high-recall candidate generator: every person of the text with every sentence that names
 * them (a sentence whose subject is "he"/"sie" and that names nobody speaks of the last person
 * named), and every organisation with every place it is named. The scorer decides which of them
 * state a move and which organisation fills which end.
 */
export function moveCandidates(
  text: string,
  lang: string,
  mentions: readonly EntityMention[],
): MoveCandidates {
  const sentences = splitSentences(text, lang).map((span, i) =>
    tokenizeSentence(text, span, i, mentions),
  )
  const persons = new Map<string, { c: PersonCandidate; sightings: PersonSighting[] }>()
  const orgs = new Map<string, { c: OrgCandidate; places: OrgCandidate['places'][number][] }>()
  let last: string | null = null
  for (const sentence of sentences) {
    let named = false
    sentence.tokens.forEach((token, i) => {
      const m = token.mention
      if (m === null) return
      if (m.kind === 'person') {
        const key = m.entityId ?? foldName(m.canonical)
        let entry = persons.get(key)
        if (entry === undefined) {
          const sightings: PersonSighting[] = []
          entry = {
            c: { key, canonical: m.canonical, entityId: m.entityId, sightings },
            sightings,
          }
          persons.set(key, entry)
        }
        // one sighting per sentence: its first mention
        if (entry.sightings.at(-1)?.sentence !== sentence) {
          entry.sightings.push({ sentence, token: i, viaPronoun: false })
        }
        named = true
        last = key
      } else {
        const key = m.entityId ?? `name:${m.canonical.toLowerCase()}`
        let entry = orgs.get(key)
        if (entry === undefined) {
          const places: OrgCandidate['places'][number][] = []
          entry = { c: { key, canonical: m.canonical, entityId: m.entityId, places }, places }
          orgs.set(key, entry)
        }
        entry.places.push({ sentence, token: i })
      }
    })
    if (!named && last !== null) {
      const pronoun = pronounAt(sentence, PRONOUNS[lang] ?? (PRONOUNS['en'] as ReadonlySet<string>))
      if (pronoun >= 0) {
        persons.get(last)?.sightings.push({ sentence, token: pronoun, viaPronoun: true })
      }
    }
  }
  return {
    text,
    lang,
    sentences,
    persons: [...persons.values()].map((e) => e.c),
    orgs: [...orgs.values()].map((e) => e.c),
  }
}

/** The first subject pronoun among the first tokens of a sentence, or -1. */
function pronounAt(sentence: TokenizedSentence, pronouns: ReadonlySet<string>): number {
  const limit = Math.min(sentence.tokens.length, 8)
  for (let i = 0; i < limit; i++) {
    const token = sentence.tokens[i]
    if (token !== undefined && token.mention === null && pronouns.has(token.text)) return i
  }
  return -1
}
