import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../store/database.js'
import { chooseDriver, mentionsJoin } from './plan.js'
import type { ResolvedEntity } from './resolve-entity.js'
import { STORY_AT, type StoryFilter, shareOf, storyWhere } from './story-filter.js'

export interface CoMentionsOptions extends StoryFilter {
  readonly kind?: 'person' | 'org' | undefined
  readonly limit?: number | undefined
  /** Stories listed per co-mentioned entity (latest first, default 3). */
  readonly examples?: number | undefined
}

export interface CoMentionStory {
  readonly article_id: number
  readonly title: string | null
  readonly url: string
  readonly story_at: string
}

export interface CoMentionRow {
  readonly rank: number
  readonly entity_id: number
  readonly entity_name: string
  readonly entity_kind: 'person' | 'org'
  /** Stories mentioning both. */
  readonly stories: number
  /** stories / all stories mentioning the subject (under the same filters). */
  readonly share: number
  readonly latest_at: string
  /** The latest stories mentioning both. */
  readonly examples: readonly CoMentionStory[]
}

/**
 * The entities most often mentioned in the same stories as `subject`, with the stories.
 * Order: stories together, then name, then id.
 * @example await queryCoMentions(db, meta, { kind: 'person', limit: 10 })
 */
export async function queryCoMentions(
  db: Db,
  subject: ResolvedEntity,
  options: CoMentionsOptions = {},
): Promise<CoMentionRow[]> {
  const where = storyWhere(options)
  const driver = await chooseDriver(db, [subject.id], options)
  const from = mentionsJoin(driver, [subject.id])
  const own = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db)
  const subjectStories = Number(own.rows[0]?.n ?? 0)
  // Counted without max(story time): the latest story of each listed entity comes with its
  // examples below (the same order), which saves carrying times through the 400,000-row grouping
  // of a very common subject.
  const rows = await sql<{
    entity_id: number
    name: string
    kind: 'person' | 'org'
    stories: number
  }>`
    SELECT c.entity_id, e.name, e.kind, c.stories
    FROM (
      SELECT m2.entity_id, count(*) AS stories
      FROM ${from}
      CROSS JOIN mentions m2 ON m2.article_id = a.id AND m2.entity_id != ${subject.id}
      WHERE ${where}
      GROUP BY m2.entity_id
    ) c JOIN entities e ON e.id = c.entity_id
    WHERE e.merged_into IS NULL ${options.kind ? sql`AND e.kind = ${options.kind}` : sql``}
    ORDER BY c.stories DESC, e.name, e.id
    LIMIT ${options.limit ?? 20}`.execute(db)
  if (rows.rows.length === 0) return []
  const perEntity = options.examples ?? 3
  const latest = await latestTogether(
    db,
    from,
    where,
    subjectStories,
    rows.rows.map((r) => r.entity_id),
    Math.max(perEntity, 1),
  )
  const examples = new Map<number, CoMentionStory[]>()
  if (perEntity > 0) {
    const ids = [
      ...new Set(
        [...latest.values()].flatMap((list) => list.slice(0, perEntity).map((s) => s.article_id)),
      ),
    ]
    const articles = await sql<{ id: number; title: string | null; url: string }>`
      SELECT id, title, canonical_url AS url FROM articles WHERE id IN (${sql.join(ids)})`.execute(
      db,
    )
    const byId = new Map(articles.rows.map((a) => [a.id, a]))
    for (const [entityId, list] of latest) {
      examples.set(
        entityId,
        list.slice(0, perEntity).map((s) => ({
          article_id: s.article_id,
          title: byId.get(s.article_id)?.title ?? null,
          url: byId.get(s.article_id)?.url as string,
          story_at: s.story_at,
        })),
      )
    }
  }
  return rows.rows.map((r, i) => ({
    rank: i + 1,
    entity_id: r.entity_id,
    entity_name: r.name,
    entity_kind: r.kind,
    stories: Number(r.stories),
    share: shareOf(Number(r.stories), subjectStories),
    latest_at: latest.get(r.entity_id)?.[0]?.story_at as string,
    examples: examples.get(r.entity_id) ?? [],
  }))
}

/**
 * The latest `perEntity` stories (story time, then id, descending) mentioning the subject and
 * each of `entityIds`. Reads the subject's latest stories first (a top-k sort over the subject's
 * stories, no article rows) and widens the window only when some entity has not yet got its
 * stories, so the answer is the same as ranking every shared story, at a fraction of the cost.
 */
async function latestTogether(
  db: Db,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  subjectStories: number,
  entityIds: readonly number[],
  perEntity: number,
): Promise<Map<number, { article_id: number; story_at: string }[]>> {
  for (let k = Math.max(1000, perEntity * entityIds.length * 20); ; k *= 8) {
    const all = k >= subjectStories
    const rows = await sql<{ entity_id: number; article_id: number; story_at: string }>`
      WITH s AS MATERIALIZED (
        SELECT a.id AS id, ${STORY_AT} AS t FROM ${from} WHERE ${where}
        ORDER BY t DESC, id DESC LIMIT ${all ? -1 : k}
      )
      SELECT m2.entity_id, s.id AS article_id, s.t AS story_at
      FROM s CROSS JOIN mentions m2 ON m2.article_id = s.id AND m2.entity_id IN (${sql.join(entityIds)})
      ORDER BY m2.entity_id, s.t DESC, s.id DESC`.execute(db)
    const latest = new Map<number, { article_id: number; story_at: string }[]>()
    for (const r of rows.rows) {
      const list = latest.get(r.entity_id) ?? []
      if (list.length < perEntity) list.push({ article_id: r.article_id, story_at: r.story_at })
      latest.set(r.entity_id, list)
    }
    if (all || entityIds.every((id) => (latest.get(id)?.length ?? 0) >= perEntity)) return latest
  }
}
