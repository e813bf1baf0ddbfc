import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'

/** The publication time the made-up move examples are read against. */
export const PUBLISHED = '2025-06-20T08:00:00Z'

/**
 * The reported moves of a text, one line each: `person kind from>to` (`-` for no organisation),
 * so a test states the whole answer of a short made-up article in one array.
 */
export function reportedMoves(text: string, lang: 'en' | 'de'): string[] {
  return analyzeMoves(text, lang, { publishedAt: PUBLISHED })
    .filter((m) => m.status === 'reported')
    .map((m) => `${m.person} ${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'}`)
}
