import { type RawBuilder, sql } from 'kysely'
import type { Bucket } from './range.js'

/**
 * Filters every read-side query takes. Times are ISO-8601 UTC; `since` is inclusive, `until`
 * exclusive. Stories, not copies: articles with `duplicate_of` set (a copy of another story
 * stored under a second URL, or syndicated by another source) are left out unless
 * `includeDuplicates` is true, so one story covered by five outlets' wire copies counts once.
 */
export interface StoryFilter {
  readonly since?: string | undefined
  readonly until?: string | undefined
  readonly sources?: readonly string[] | undefined
  readonly languages?: readonly string[] | undefined
  readonly includeDuplicates?: boolean | undefined
}

/**
 * When a story happened: its published time, or when it was fetched for pages that gave none.
 * The expression matches the `articles_story_at` index (migration 0005) textually; keep the
 * articles alias `a` in every query that uses it.
 */
export const STORY_AT = sql<string>`coalesce(a.published_at, a.fetched_at)`

/** Where a query reads the story attributes a {@link StoryFilter} tests. */
interface StoryColumns {
  readonly original: RawBuilder<unknown>
  readonly time: RawBuilder<string>
  readonly source: RawBuilder<unknown>
  readonly language: RawBuilder<unknown>
}

function filterTerms(filter: StoryFilter, columns: StoryColumns): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = []
  if (!filter.includeDuplicates) terms.push(columns.original)
  if (filter.since) terms.push(sql`${columns.time} >= ${filter.since}`)
  if (filter.until) terms.push(sql`${columns.time} < ${filter.until}`)
  if (filter.sources && filter.sources.length > 0)
    terms.push(sql`${columns.source} IN (${sql.join(filter.sources)})`)
  if (filter.languages && filter.languages.length > 0)
    terms.push(sql`${columns.language} IN (${sql.join(filter.languages)})`)
  if (terms.length === 0) terms.push(sql`1`)
  return sql.join(terms, sql` AND `)
}

const ARTICLE_COLUMNS: StoryColumns = {
  original: sql`a.duplicate_of IS NULL`,
  time: STORY_AT,
  source: sql`a.source_id`,
  language: sql`a.language`,
}

const MENTION_COLUMNS: StoryColumns = {
  original: sql`m.is_duplicate = 0`,
  time: sql<string>`m.story_at`,
  source: sql`m.source_id`,
  language: sql`m.language`,
}

/** The WHERE conditions of a {@link StoryFilter} over `articles a` (always at least one term). */
export function storyWhere(filter: StoryFilter): RawBuilder<unknown> {
  return filterTerms(filter, ARTICLE_COLUMNS)
}

/**
 * The same conditions as {@link storyWhere} over `mentions m`, from the story attributes each
 * mention carries (migration 0009): counting an entity's stories needs no article look-up, and
 * `mentions_entity_story` (entity, story time, then these columns) answers it from one index
 * range. Always at least one term.
 */
export function mentionWhere(filter: StoryFilter): RawBuilder<unknown> {
  return filterTerms(filter, MENTION_COLUMNS)
}

/** SQL bucket label (first day of the bucket, `YYYY-MM-DD`) of a time; weeks start Monday. */
export function bucketSql(by: Bucket, time: RawBuilder<string> = STORY_AT): RawBuilder<string> {
  if (by === 'day') return sql<string>`date(${time})`
  // '-6 days' then 'weekday 1' (next Monday on or after) lands on the Monday on or before.
  if (by === 'week') return sql<string>`date(${time}, '-6 days', 'weekday 1')`
  return sql<string>`strftime('%Y-%m-01', ${time})`
}

/** Rounds a ratio for output, so JSON and CSV stay stable across platforms. */
export function round(value: number, digits = 6): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** a / b, or 0 when b is 0 (an empty bucket has no share). */
export function shareOf(a: number, b: number): number {
  return b > 0 ? round(a / b) : 0
}

/** Binary text order, the same as SQLite's default collation (ORDER BY name). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
