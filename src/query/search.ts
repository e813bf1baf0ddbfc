import { sql } from 'kysely'
import { UsageError } from '../errors.js'
import type { Db } from '../store/database.js'
import { round, STORY_AT, type StoryFilter, storyWhere } from './story-filter.js'

/**
 * Matches ranked per search: the most recently stored ones when a query matches more (FTS5
 * computes bm25 for every match, 200,000 of them for two common words: 300 ms). Set
 * `rankWindow: 0` (`--rank-all`) to rank every match.
 */
export const SEARCH_RANK_WINDOW = 10_000

export interface SearchOptions extends StoryFilter {
  /** Only articles mentioning this entity (an id from resolveEntity). */
  readonly entityId?: number | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
  /** Pass the query to FTS5 as written (AND, OR, NOT, NEAR, "phrases", prefix*). */
  readonly raw?: boolean | undefined
  /** Markers around matched terms in snippets (default `[` and `]`). */
  readonly highlight?: readonly [string, string] | undefined
  /** Rank only the N most recently stored matches (default {@link SEARCH_RANK_WINDOW}); 0 = all. */
  readonly rankWindow?: number | undefined
}

export interface SearchResult {
  readonly rows: SearchRow[]
  /**
   * Set when more stories matched than the rank window: the rows are the best of the
   * `rankWindow` most recently stored matches.
   */
  readonly rankedLatest: number | null
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
  return (await searchArticlesRanked(db, query, options)).rows
}

/**
 * {@link searchArticles}, saying whether the ranking was limited to the most recent matches.
 * Three steps: the id of the N-th most recent match (FTS5 walks matches in rowid order, no
 * ranking), bm25 over the matches from there on, snippets for the page of rows shown only.
 */
export async function searchArticlesRanked(
  db: Db,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const match = options.raw ? query : toFtsQuery(query)
  if (match.trim() === '') throw new UsageError('search: the query is empty')
  const [open, close] = options.highlight ?? ['[', ']']
  const window = options.rankWindow ?? SEARCH_RANK_WINDOW
  const where = sql`articles_fts MATCH ${match} AND ${storyWhere(options)}
    ${options.entityId === undefined ? sql`` : sql`AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ${options.entityId})`}`
  const from = sql`articles_fts JOIN articles a ON a.id = articles_fts.rowid`
  try {
    let floor: number | null = null
    if (window > 0) {
      // The window's oldest match, and whether one more lies beyond it.
      const edge = await sql<{ id: number }>`
        SELECT a.id FROM ${from} WHERE ${where}
        ORDER BY articles_fts.rowid DESC LIMIT 2 OFFSET ${window - 1}`.execute(db)
      if (edge.rows.length === 2) floor = edge.rows[0]?.id ?? null
    }
    const ranked = await sql<{ id: number; score: number }>`
      SELECT a.id, bm25(articles_fts, 5.0, 1.0) AS score FROM ${from}
      WHERE ${where} ${floor === null ? sql`` : sql`AND articles_fts.rowid >= ${floor}`}
      ORDER BY score, a.id
      LIMIT ${options.limit ?? 20} OFFSET ${options.offset ?? 0}`.execute(db)
    if (ranked.rows.length === 0) return { rows: [], rankedLatest: floor === null ? null : window }
    const details = await sql<Omit<SearchRow, 'rank' | 'score'> & { id: number }>`
      SELECT a.id, a.id AS article_id, ${STORY_AT} AS story_at, a.source_id, a.language, a.title,
        a.canonical_url AS url,
        snippet(articles_fts, 1, ${open}, ${close}, '…', 24) AS snippet
      FROM ${from}
      WHERE articles_fts MATCH ${match} AND articles_fts.rowid IN (${sql.join(ranked.rows.map((r) => r.id))})`.execute(
      db,
    )
    const byId = new Map(details.rows.map((d) => [d.id, d]))
    const rows = ranked.rows.map((r, i) => {
      const { id: _, ...d } = byId.get(r.id) as Omit<SearchRow, 'rank' | 'score'> & { id: number }
      return { rank: (options.offset ?? 0) + i + 1, ...d, score: round(r.score, 4) }
    })
    return { rows, rankedLatest: floor === null ? null : window }
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
