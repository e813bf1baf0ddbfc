import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import { type Bucket, bucketOf, bucketsBetween } from './range.js'
import type { ResolvedEntity } from './resolve-entity.js'
import {
  bucketSql,
  mentionWhere,
  STORY_AT,
  type StoryFilter,
  shareOf,
  storyWhere,
} from './story-filter.js'

export interface TimelineOptions extends StoryFilter {
  readonly by?: Bucket | undefined
  /** End of the last bucket when `until` is not given (default now). */
  readonly now?: Date | undefined
}

export interface TimelineRow {
  /** First day of the bucket, YYYY-MM-DD (weeks start on Monday). */
  readonly bucket: string
  readonly entity_id: number
  readonly entity_name: string
  /** Stories in the bucket mentioning the entity. */
  readonly stories: number
  /** Sum of mention counts in those stories. */
  readonly mentions: number
  /** All stories stored in the bucket (under the same filters). */
  readonly total_stories: number
  /** stories / total_stories. */
  readonly share: number
}

/**
 * Mentions over time for one or more entities, side by side in long format: one row per bucket
 * and entity, buckets without stories included (zeros), so charts and dashboards see gaps as
 * gaps. Without `since`, the range starts at the first bucket mentioning any of the entities.
 * Order: bucket, then the entities in the order given.
 * @example await queryTimeline(db, [meta, openai], { by: 'week', since: '2026-01-01T00:00:00.000Z' })
 */
export async function queryTimeline(
  db: Db,
  entities: readonly ResolvedEntity[],
  options: TimelineOptions = {},
): Promise<TimelineRow[]> {
  if (entities.length === 0) return []
  const by = options.by ?? 'week'
  const ids = entities.map((e) => e.id)
  // One range of `mentions_entity_story` per entity (story time and filters live on the mention,
  // migration 0009); days first, then buckets (see below).
  const counts = await sql<{
    bucket: string
    entity_id: number
    stories: number
    mentions: number
  }>`
    WITH days AS MATERIALIZED (
      SELECT m.entity_id AS entity_id, date(m.story_at) AS day, count(*) AS stories, sum(m.count) AS mentions
      FROM mentions m INDEXED BY mentions_entity_story
      WHERE m.entity_id IN (${sql.join(ids)}) AND ${mentionWhere(options)}
      GROUP BY m.entity_id, day
    )
    SELECT ${bucketSql(by, sql<string>`day`)} AS bucket, entity_id, sum(stories) AS stories, sum(mentions) AS mentions
    FROM days GROUP BY bucket, entity_id`.execute(db)
  const first =
    options.since ??
    counts.rows.reduce<string | undefined>(
      (min, r) => (min === undefined || r.bucket < min ? r.bucket : min),
      undefined,
    )
  if (first === undefined) return []
  // The bucket holding `until` is only included when it has a moment before `until`.
  const end = options.until
    ? new Date(Date.parse(options.until) - 1).toISOString()
    : (options.now ?? new Date()).toISOString()
  const buckets = bucketsBetween(first, end, by)
  const total = await storiesPerBucket(
    db,
    options,
    options.since ?? `${bucketOf(first, by)}T00:00:00.000Z`,
    options.until ?? `${nextDay(bucketOf(end, 'day'))}T00:00:00.000Z`,
    by,
  )
  const count = new Map(counts.rows.map((c) => [`${c.bucket}|${c.entity_id}`, c]))
  const rows: TimelineRow[] = []
  for (const bucket of buckets) {
    const all = total.get(bucket) ?? 0
    for (const entity of entities) {
      const c = count.get(`${bucket}|${entity.id}`)
      const stories = Number(c?.stories ?? 0)
      rows.push({
        bucket,
        entity_id: entity.id,
        entity_name: entity.name,
        stories,
        mentions: Number(c?.mentions ?? 0),
        total_stories: all,
        share: shareOf(stories, all),
      })
    }
  }
  return rows
}

/**
 * All stories under the filters in [since, until), per bucket. Counted one UTC day at a time:
 * each day is a range of the `articles_story_at` index counted in place, where grouping the
 * story times of two years sorts 200,000 values (22 ms instead of 120 ms on the benchmark).
 * The first and last day are cut at `since` and `until`.
 */
async function storiesPerBucket(
  db: Db,
  filter: StoryFilter,
  since: string,
  until: string,
  by: Bucket,
): Promise<Map<string, number>> {
  const days: [string, string, string][] = []
  for (let day = since.slice(0, 10); `${day}T00:00:00.000Z` < until; day = nextDay(day)) {
    const start = `${day}T00:00:00.000Z`
    const end = `${nextDay(day)}T00:00:00.000Z`
    days.push([day, start < since ? since : start, end > until ? until : end])
  }
  const rest = storyWhere({ ...filter, since: undefined, until: undefined })
  const counted = await sql<{ day: string; stories: number }>`
    SELECT d.value ->> 0 AS day, (
      SELECT count(*) FROM articles a
      WHERE ${STORY_AT} >= d.value ->> 1 AND ${STORY_AT} < d.value ->> 2 AND ${rest}
    ) AS stories
    FROM json_each(${JSON.stringify(days)}) d`.execute(db)
  const total = new Map<string, number>()
  for (const { day, stories } of counted.rows) {
    const bucket = bucketOf(`${day}T00:00:00.000Z`, by)
    total.set(bucket, (total.get(bucket) ?? 0) + Number(stories))
  }
  return total
}

/** The UTC day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10)
}

/**
 * The entities in the most stories under the filters (the default set for timelines and the
 * report's chart). Order: stories, then name, then id.
 * @example const top = await queryTopEntities(db, { since: '2026-11-01T00:00:00.000Z' }, 5)
 */
export async function queryTopEntities(
  db: Db,
  filter: StoryFilter & { kind?: 'person' | 'org' | undefined } = {},
  limit = 10,
): Promise<(ResolvedEntity & { stories: number })[]> {
  // Per entity, one range of `mentions_entity_story` in entity order: no article look-ups and no
  // sort of every mention for the grouping.
  const rows = await sql<{
    id: number
    key: string
    name: string
    kind: 'person' | 'org'
    stories: number
  }>`
    SELECT e.id, e.key, e.name, e.kind, count(*) AS stories
    FROM entities e CROSS JOIN mentions m INDEXED BY mentions_entity_story ON m.entity_id = e.id
    WHERE e.merged_into IS NULL ${filter.kind ? sql`AND e.kind = ${filter.kind}` : sql``}
      AND ${mentionWhere(filter)}
    GROUP BY e.id
    ORDER BY stories DESC, e.name, e.id
    LIMIT ${limit}`.execute(db)
  return rows.rows.map((r) => ({ ...r, stories: Number(r.stories) }))
}
