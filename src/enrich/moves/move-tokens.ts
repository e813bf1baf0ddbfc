import type { EntityMention } from '../entities/mention-types.js'
import type { SentenceSpan } from './split-sentences.js'

/** One token of a sentence: a word or sign (lower-cased), or a whole recognised name. */
export interface MoveToken {
  /** Lower-cased word, or `<person>` / `<org>` for a recognised name. */
  readonly text: string
  readonly start: number
  readonly end: number
  readonly mention: EntityMention | null
}

/** A sentence cut into tokens, with its index in the text. */
export interface TokenizedSentence {
  readonly index: number
  readonly span: SentenceSpan
  readonly tokens: readonly MoveToken[]
}

// Words (with inner apostrophes, dots of abbreviations, ampersands), numbers, and single signs;
// a hyphen is its own token so "Meta-Chef" reads as <org> - chef.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}'’&]*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]/gu

/**
 * Cuts a sentence into tokens; each recognised mention inside it becomes one `<person>` or `<org>`
 * token, so the scorer's features speak of slots, never of particular names.
 *
 * @example
 * tokenizeSentence(text, span, 0, mentions).tokens.map((t) => t.text)
 * // ['<org>', 'hires', '<person>', 'as', 'chief', 'economist']
 */
export function tokenizeSentence(
  text: string,
  span: SentenceSpan,
  index: number,
  mentions: readonly EntityMention[],
): TokenizedSentence {
  const tokens: MoveToken[] = []
  const inside = mentions
    .filter((m) => m.start >= span.start && m.end <= span.end)
    .sort((a, b) => a.start - b.start)
  let at = span.start
  const words = (from: number, to: number) => {
    const piece = text.slice(from, to)
    TOKEN.lastIndex = 0
    for (let m = TOKEN.exec(piece); m !== null; m = TOKEN.exec(piece)) {
      tokens.push({
        text: m[0].toLowerCase(),
        start: from + m.index,
        end: from + m.index + m[0].length,
        mention: null,
      })
    }
  }
  for (const mention of inside) {
    if (mention.start < at) continue
    words(at, mention.start)
    tokens.push({
      text: mention.kind === 'person' ? '<person>' : '<org>',
      start: mention.start,
      end: mention.end,
      mention,
    })
    at = mention.end
  }
  words(at, span.end)
  return { index, span, tokens }
}
