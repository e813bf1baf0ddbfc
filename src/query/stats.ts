import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import { bucketsBetween } from './range.js'
import {
  bucketSql,
  compareText,
  STORY_AT,
  type StoryFilter,
  shareOf,
  storyWhere,
} from './story-filter.js'

/** Consecutive failed polls after which a feed counts as failing rather than degraded. */
export const FAILING_AFTER = 3

export type FeedHealth = 'ok' | 'degraded' | 'failing' | 'never-polled' | 'inactive'

export interface SourceStatsRow {
  readonly source_id: string
  readonly source_name: string
  readonly language: string
  readonly articles: number
  /** Articles that are not copies of another story. */
  readonly stories: number
  readonly first_story_at: string | null
  readonly last_story_at: string | null
  readonly feeds: number
  readonly feeds_failing: number
  readonly last_success_at: string | null
  /** The worst health of the source's active feeds. */
  readonly health: FeedHealth
}

export interface LanguageStatsRow {
  readonly source_id: string
  readonly language: string | null
  readonly articles: number
  readonly stories: number
  /** stories / the source's stories. */
  readonly share: number
}

export interface DayStatsRow {
  readonly day: string
  readonly articles: number
  readonly stories: number
  readonly sources: number
}

export interface FeedStatsRow {
  readonly source_id: string
  readonly feed_id: number
  readonly feed_url: string
  readonly kind: string
  readonly health: FeedHealth
  readonly last_polled_at: string | null
  readonly last_success_at: string | null
  readonly last_status: number | null
  readonly consecutive_failures: number
  readonly items_seen: number
  readonly last_error: string | null
}

const HEALTH_ORDER: readonly FeedHealth[] = [
  'failing',
  'degraded',
  'never-polled',
  'ok',
  'inactive',
]

function feedHealth(f: {
  is_active: number
  last_polled_at: string | null
  consecutive_failures: number
}): FeedHealth {
  if (!f.is_active) return 'inactive'
  if (f.last_polled_at === null) return 'never-polled'
  if (f.consecutive_failures >= FAILING_AFTER) return 'failing'
  return f.consecutive_failures > 0 ? 'degraded' : 'ok'
}

/**
 * Per source: articles and stories stored (in the range), first and last story, feeds and their
 * health. Sources are listed even when they have no articles (a source that never delivered is
 * the one to look at). Order: source id.
 * @example await queryStatsSources(db, { since: '2026-11-01T00:00:00.000Z' })
 */
export async function queryStatsSources(
  db: Db,
  filter: Omit<StoryFilter, 'includeDuplicates'> = {},
): Promise<SourceStatsRow[]> {
  const counts = await sql<{
    source_id: string
    articles: number
    stories: number
    first_at: string | null
    last_at: string | null
  }>`
    SELECT a.source_id, count(*) AS articles, sum(a.duplicate_of IS NULL) AS stories,
      min(${STORY_AT}) AS first_at, max(${STORY_AT}) AS last_at
    FROM articles a WHERE ${storyWhere({ ...filter, includeDuplicates: true })}
    GROUP BY a.source_id`.execute(db)
  const bySource = new Map(counts.rows.map((c) => [c.source_id, c]))
  const feeds = await listFeeds(db)
  const sources = await db
    .selectFrom('sources')
    .select(['id', 'name', 'language'])
    .orderBy('id')
    .execute()
  return sources
    .filter((s) => !filter.sources?.length || filter.sources.includes(s.id))
    .map((s) => {
      const c = bySource.get(s.id)
      const own = feeds.filter((f) => f.source_id === s.id && f.health !== 'inactive')
      const health =
        own.length === 0
          ? 'inactive'
          : (HEALTH_ORDER.find((h) => own.some((f) => f.health === h)) ?? 'ok')
      const successes = own
        .map((f) => f.last_success_at)
        .filter((t): t is string => t !== null)
        .sort()
      return {
        source_id: s.id,
        source_name: s.name,
        language: s.language,
        articles: Number(c?.articles ?? 0),
        stories: Number(c?.stories ?? 0),
        first_story_at: c?.first_at ?? null,
        last_story_at: c?.last_at ?? null,
        feeds: own.length,
        feeds_failing: own.filter((f) => f.health === 'failing').length,
        last_success_at: successes.at(-1) ?? null,
        health,
      }
    })
}

/**
 * Articles and stories per source and language (language null = not detected).
 * Order: source id, then stories (most first), then language.
 * @example await queryStatsLanguages(db)
 */
export async function queryStatsLanguages(
  db: Db,
  filter: Omit<StoryFilter, 'includeDuplicates'> = {},
): Promise<LanguageStatsRow[]> {
  const rows = await sql<{
    source_id: string
    language: string | null
    articles: number
    stories: number
  }>`
    SELECT a.source_id, a.language, count(*) AS articles, sum(a.duplicate_of IS NULL) AS stories
    FROM articles a WHERE ${storyWhere({ ...filter, includeDuplicates: true })}
    GROUP BY a.source_id, a.language`.execute(db)
  const perSource = new Map<string, number>()
  for (const r of rows.rows)
    perSource.set(r.source_id, (perSource.get(r.source_id) ?? 0) + Number(r.stories))
  return rows.rows
    .map((r) => ({
      source_id: r.source_id,
      language: r.language,
      articles: Number(r.articles),
      stories: Number(r.stories),
      share: shareOf(Number(r.stories), perSource.get(r.source_id) ?? 0),
    }))
    .sort(
      (x, y) =>
        compareText(x.source_id, y.source_id) ||
        y.stories - x.stories ||
        compareText(x.language ?? '', y.language ?? ''),
    )
}

/**
 * Coverage by day: articles, stories and sources with at least one article, every day of the
 * range listed (zeros included, so a silent day shows). Needs `since` (default: 30 days before
 * `until`/now). Order: day.
 * @example await queryStatsDays(db, { since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' })
 */
export async function queryStatsDays(
  db: Db,
  filter: Omit<StoryFilter, 'includeDuplicates'> & { now?: Date | undefined } = {},
): Promise<DayStatsRow[]> {
  const until = filter.until ?? (filter.now ?? new Date()).toISOString()
  const since = filter.since ?? new Date(Date.parse(until) - 30 * 86_400_000).toISOString()
  // MATERIALIZED: the day is computed from the index, not from each article row (see timeline.ts).
  const rows = await sql<{ day: string; articles: number; stories: number; sources: number }>`
    WITH days AS MATERIALIZED (
      SELECT ${STORY_AT} AS t, a.duplicate_of IS NULL AS is_story, a.source_id AS source_id FROM articles a
      WHERE ${storyWhere({ ...filter, since, until, includeDuplicates: true })}
    )
    SELECT ${bucketSql('day', sql<string>`t`)} AS day, count(*) AS articles, sum(is_story) AS stories,
      count(DISTINCT source_id) AS sources
    FROM days GROUP BY day`.execute(db)
  const byDay = new Map(rows.rows.map((r) => [r.day, r]))
  return bucketsBetween(since, new Date(Date.parse(until) - 1).toISOString(), 'day').map((day) => {
    const r = byDay.get(day)
    return {
      day,
      articles: Number(r?.articles ?? 0),
      stories: Number(r?.stories ?? 0),
      sources: Number(r?.sources ?? 0),
    }
  })
}

export interface StorySpan {
  readonly stories: number
  readonly first_story_at: string | null
  readonly last_story_at: string | null
}

/**
 * How many stories (copies left out) a filter holds, and when the first and the last happened:
 * what a report on an empty window tells the reader instead of "nothing".
 * @example const { stories, first_story_at } = await queryStorySpan(db)
 */
export async function queryStorySpan(db: Db, filter: StoryFilter = {}): Promise<StorySpan> {
  const row = await sql<StorySpan>`
    SELECT count(*) AS stories, min(${STORY_AT}) AS first_story_at, max(${STORY_AT}) AS last_story_at
    FROM articles a WHERE ${storyWhere(filter)}`.execute(db)
  const span = row.rows[0]
  return {
    stories: Number(span?.stories ?? 0),
    first_story_at: span?.first_story_at ?? null,
    last_story_at: span?.last_story_at ?? null,
  }
}

/**
 * Every feed with its health: ok, degraded (failed lately), failing (3+ failed polls in a row),
 * never-polled, inactive. Order: worst health first, then source id, then feed URL.
 * @example (await queryStatsFeeds(db)).filter((f) => f.health === 'failing')
 */
export async function queryStatsFeeds(
  db: Db,
  filter: Pick<StoryFilter, 'sources'> = {},
): Promise<FeedStatsRow[]> {
  const feeds = await listFeeds(db)
  return feeds
    .filter((f) => !filter.sources?.length || filter.sources.includes(f.source_id))
    .sort(
      (x, y) =>
        HEALTH_ORDER.indexOf(x.health) - HEALTH_ORDER.indexOf(y.health) ||
        compareText(x.source_id, y.source_id) ||
        compareText(x.feed_url, y.feed_url),
    )
}

async function listFeeds(db: Db): Promise<FeedStatsRow[]> {
  const rows = await db
    .selectFrom('feeds')
    .select([
      'id',
      'source_id',
      'url',
      'kind',
      'is_active',
      'last_polled_at',
      'last_success_at',
      'last_status',
      'consecutive_failures',
      'items_seen',
      'last_error',
    ])
    .orderBy('source_id')
    .orderBy('url')
    .execute()
  return rows.map((f) => ({
    source_id: f.source_id,
    feed_id: f.id,
    feed_url: f.url,
    kind: f.kind,
    health: feedHealth(f),
    last_polled_at: f.last_polled_at,
    last_success_at: f.last_success_at,
    last_status: f.last_status,
    consecutive_failures: f.consecutive_failures,
    items_seen: f.items_seen,
    last_error: f.last_error,
  }))
}
