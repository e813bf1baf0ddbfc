import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../store/database.js'
import { type StoryFilter, storyWhere } from './story-filter.js'

/**
 * How to join mentions of some entities with the articles of a time range, whichever side is
 * smaller (SQLite's planner has no statistics on expression indexes and guesses wrong here):
 *
 * - 'entity': read the entities' mentions (index `mentions_entity_count`) and look each article
 *   up in `articles_id_story` (an index keyed by id holding story time and filter columns, so no
 *   article row full of text is read) — best for a rare entity or a long range;
 * - 'range': read the articles of the range (index `articles_story_at`) and probe their mentions
 *   of the entities — best for a very common entity over a short range.
 *
 * Both counts come from covering indexes and take a few milliseconds.
 */
export async function chooseDriver(
  db: Db,
  entityIds: readonly number[],
  filter: StoryFilter,
): Promise<'entity' | 'range'> {
  if (!filter.since) return 'entity'
  const mentions = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM mentions WHERE entity_id IN (${sql.join(entityIds)})`.execute(db)
  const articles = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM articles a WHERE ${storyWhere(filter)}`.execute(db)
  return Number(articles.rows[0]?.n ?? 0) * entityIds.length < Number(mentions.rows[0]?.n ?? 0)
    ? 'range'
    : 'entity'
}

/**
 * FROM clause joining `mentions m` (of `entityIds`) and `articles a` in the chosen order;
 * CROSS JOIN is SQLite's documented way to fix the join order.
 */
export function mentionsJoin(
  driver: 'entity' | 'range',
  entityIds: readonly number[],
): RawBuilder<unknown> {
  const ids = sql.join(entityIds)
  return driver === 'entity'
    ? sql`mentions m CROSS JOIN articles a INDEXED BY articles_id_story ON a.id = m.article_id AND m.entity_id IN (${ids})`
    : sql`articles a CROSS JOIN mentions m ON m.article_id = a.id AND m.entity_id IN (${ids})`
}
