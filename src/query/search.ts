import { sql } from 'kysely'
import { UsageError } from '../errors.js'
import type { Db } from '../store/database.js'
import { round, STORY_AT, type StoryFilter, storyWhere } from './story-filter.js'

export interface SearchOptions extends StoryFilter {
  /** Only articles mentioning this entity (an id from resolveEntity). */
  readonly entityId?: number | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
  /** Pass the query to FTS5 as written (AND, OR, NOT, NEAR, "phrases", prefix*). */
  readonly raw?: boolean | undefined
  /** Markers around matched terms in snippets (default `[` and `]`). */
  readonly highlight?: readonly [string, string] | undefined
}

export interface SearchRow {
  readonly rank: number
  readonly article_id: number
  readonly story_at: string
  readonly source_id: string
  readonly language: string | null
  readonly title: string | null
  readonly url: string
  /** Text around the matches, matched terms between the highlight markers. */
  readonly snippet: string
  /** bm25 relevance (lower is better; title matches weigh 5× text matches). */
  readonly score: number
}

/**
 * Quotes every word, the way Datasette escapes search input, so `GPT-4o`, `C++` or `AT&T` are
 * searched as words instead of failing as FTS5 syntax; a trailing `*` stays a prefix search.
 * @example toFtsQuery('GPT-4o hires') // '"GPT-4o" "hires"'
 */
export function toFtsQuery(query: string): string {
  const words = query.split(/\s+/).filter((w) => w !== '')
  return words
    .map((w) => {
      const prefix = w.length > 1 && w.endsWith('*')
      const bare = (prefix ? w.slice(0, -1) : w).replaceAll('"', '""')
      return `"${bare}"${prefix ? '*' : ''}`
    })
    .join(' ')
}

/**
 * Full-text search over article titles and texts (FTS5 `articles_fts`, migration 0005), ranked
 * by bm25 with titles weighted 5:1, with snippets. Ties are broken by article id.
 * @example await searchArticles(db, 'Übernahme', { languages: ['de'], since: '2026-11-01T00:00:00.000Z' })
 */
export async function searchArticles(
  db: Db,
  query: string,
  options: SearchOptions = {},
): Promise<SearchRow[]> {
  const match = options.raw ? query : toFtsQuery(query)
  if (match.trim() === '') throw new UsageError('search: the query is empty')
  const [open, close] = options.highlight ?? ['[', ']']
  try {
    const result = await sql<Omit<SearchRow, 'rank'>>`
      SELECT a.id AS article_id, ${STORY_AT} AS story_at, a.source_id, a.language, a.title,
        a.canonical_url AS url,
        snippet(articles_fts, 1, ${open}, ${close}, '…', 24) AS snippet,
        bm25(articles_fts, 5.0, 1.0) AS score
      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH ${match} AND ${storyWhere(options)}
        ${options.entityId === undefined ? sql`` : sql`AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ${options.entityId})`}
      ORDER BY score, a.id
      LIMIT ${options.limit ?? 20} OFFSET ${options.offset ?? 0}`.execute(db)
    return result.rows.map((r, i) => ({
      rank: (options.offset ?? 0) + i + 1,
      ...r,
      score: round(r.score, 4),
    }))
  } catch (error) {
    // A syntax error in a --raw query is the user's to fix, not a crash.
    if (options.raw && /fts5|syntax/i.test(String((error as Error).message))) {
      throw new UsageError(
        `search: ${JSON.stringify(query)} is not a valid FTS5 query: ${(error as Error).message}`,
      )
    }
    throw error
  }
}
