import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import { minusDays } from './range.js'
import {
  compareText,
  mentionWhere,
  round,
  STORY_AT,
  type StoryFilter,
  shareOf,
  storyWhere,
} from './story-filter.js'

export const TRENDS_DEFAULTS = Object.freeze({
  windowDays: 7,
  baselineDays: 28,
  limit: 20,
  minStories: 2,
  prior: 5,
})

export interface RisingEntitiesOptions extends Omit<StoryFilter, 'since' | 'until'> {
  readonly kind?: 'person' | 'org' | undefined
  /** End of the window (exclusive), ISO-8601; default now. */
  readonly until?: string | undefined
  /** Window start; overrides `windowDays` (`--since`). */
  readonly since?: string | undefined
  readonly windowDays?: number | undefined
  readonly baselineDays?: number | undefined
  readonly limit?: number | undefined
  /** Entities with fewer stories in the window are not listed (default 2). */
  readonly minStories?: number | undefined
  /** Pseudo-stories added to both sides of the ratio (default 5); larger = more conservative. */
  readonly prior?: number | undefined
  readonly now?: Date | undefined
}

export interface RisingEntityRow {
  readonly rank: number
  readonly entity_id: number
  readonly entity_name: string
  readonly entity_kind: 'person' | 'org'
  readonly window_start: string
  readonly window_end: string
  /** Stories in the window mentioning the entity. */
  readonly stories: number
  /** Sum of mention counts in those stories. */
  readonly mentions: number
  /** Stories in the baseline period before the window. */
  readonly baseline_stories: number
  /** baseline_stories scaled to the window's story volume: what "no change" would look like. */
  readonly expected_stories: number
  /** stories / all stories in the window. */
  readonly share: number
  /** baseline_stories / all stories in the baseline. */
  readonly baseline_share: number
  /** log2((stories + prior) / (expected_stories + prior)). */
  readonly score: number
  readonly top_story_id: number | null
  readonly top_story_title: string | null
  readonly top_story_url: string | null
  readonly top_story_at: string | null
}

/**
 * Entities rising in a window against their own baseline.
 *
 * Score: a smoothed log-ratio, `log2((x + k) / (E + k))` where x = stories in the window, E = the
 * entity's baseline stories scaled by (stories in window / stories in baseline) — its baseline
 * *share* applied to the window's volume, so a busy news week does not lift everyone — and k = the
 * prior (5 pseudo-stories). The prior is what keeps one-story flukes down: a first-ever single
 * story scores log2(6/5) = 0.26, while ten stories out of nowhere score log2(15/5) = 1.58 and an
 * entity going from 20 expected to 40 scores log2(45/25) = 0.85.
 * Ties: score, then stories, then name, then id. The top story is the window story mentioning the
 * entity most often (then the latest).
 * @example await queryRisingEntities(db, { kind: 'org', windowDays: 7, baselineDays: 28 })
 */
export async function queryRisingEntities(
  db: Db,
  options: RisingEntitiesOptions = {},
): Promise<RisingEntityRow[]> {
  const windowEnd = options.until ?? (options.now ?? new Date()).toISOString()
  const windowStart =
    options.since ?? minusDays(windowEnd, options.windowDays ?? TRENDS_DEFAULTS.windowDays)
  const baselineStart = minusDays(windowStart, options.baselineDays ?? TRENDS_DEFAULTS.baselineDays)
  const prior = options.prior ?? TRENDS_DEFAULTS.prior
  const minStories = options.minStories ?? TRENDS_DEFAULTS.minStories
  const filter: StoryFilter = { ...options, since: baselineStart, until: windowEnd }

  const totals = await sql<{ window: number | null; baseline: number | null }>`
    SELECT sum(${STORY_AT} >= ${windowStart}) AS window, sum(${STORY_AT} < ${windowStart}) AS baseline
    FROM articles a WHERE ${storyWhere(filter)}`.execute(db)
  const windowTotal = Number(totals.rows[0]?.window ?? 0)
  const baselineTotal = Number(totals.rows[0]?.baseline ?? 0)
  const scale = baselineTotal > 0 ? windowTotal / baselineTotal : 0

  // Per entity, one range of `mentions_entity_story` (story time and filters live on the mention,
  // migration 0009), entities in id order: no article look-ups and no sort of every mention of
  // the period for the grouping (30-day window + 180-day baseline: 290 ms → 100 ms on the
  // benchmark; a scan of the period in time order spends most of its time in that sort).
  const counts = await sql<{
    entity_id: number
    name: string
    kind: 'person' | 'org'
    stories: number
    mentions: number
    baseline_stories: number
  }>`
    SELECT e.id AS entity_id, e.name, e.kind,
      sum(m.story_at >= ${windowStart}) AS stories,
      sum(CASE WHEN m.story_at >= ${windowStart} THEN m.count ELSE 0 END) AS mentions,
      sum(m.story_at < ${windowStart}) AS baseline_stories
    FROM entities e CROSS JOIN mentions m INDEXED BY mentions_entity_story ON m.entity_id = e.id
    WHERE e.merged_into IS NULL ${options.kind ? sql`AND e.kind = ${options.kind}` : sql``}
      AND ${mentionWhere(filter)}
    GROUP BY e.id
    HAVING stories >= ${minStories}`.execute(db)

  const scored = counts.rows.map((r) => {
    const stories = Number(r.stories)
    const baseline = Number(r.baseline_stories)
    const expected = baseline * scale
    return {
      entity_id: r.entity_id,
      entity_name: r.name,
      entity_kind: r.kind,
      stories,
      mentions: Number(r.mentions),
      baseline_stories: baseline,
      expected_stories: round(expected, 3),
      share: shareOf(stories, windowTotal),
      baseline_share: shareOf(baseline, baselineTotal),
      score: round(Math.log2((stories + prior) / (expected + prior)), 4),
    }
  })
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      y.stories - x.stories ||
      compareText(x.entity_name, y.entity_name) ||
      x.entity_id - y.entity_id,
  )
  const top = scored.slice(0, options.limit ?? TRENDS_DEFAULTS.limit)
  if (top.length === 0) return []

  const stories = await sql<{
    entity_id: number
    id: number
    title: string | null
    url: string
    at: string
  }>`
    SELECT entity_id, id, title, url, at FROM (
      SELECT t.entity_id, a.id, a.title, a.canonical_url AS url, t.at FROM (
        SELECT m.entity_id, m.article_id, m.story_at AS at,
          row_number() OVER (PARTITION BY m.entity_id ORDER BY m.count DESC, m.story_at DESC, m.article_id DESC) AS n
        FROM mentions m INDEXED BY mentions_entity_story
        WHERE m.entity_id IN (${sql.join(top.map((t) => t.entity_id))})
          AND ${mentionWhere({ ...filter, since: windowStart })}
      ) t JOIN articles a ON a.id = t.article_id
      WHERE t.n = 1
    )`.execute(db)
  const topStory = new Map(stories.rows.map((s) => [s.entity_id, s]))
  return top.map((t, i) => {
    const s = topStory.get(t.entity_id)
    return {
      rank: i + 1,
      entity_id: t.entity_id,
      entity_name: t.entity_name,
      entity_kind: t.entity_kind,
      window_start: windowStart,
      window_end: windowEnd,
      stories: t.stories,
      mentions: t.mentions,
      baseline_stories: t.baseline_stories,
      expected_stories: t.expected_stories,
      share: t.share,
      baseline_share: t.baseline_share,
      score: t.score,
      top_story_id: s?.id ?? null,
      top_story_title: s?.title ?? null,
      top_story_url: s?.url ?? null,
      top_story_at: s?.at ?? null,
    }
  })
}
