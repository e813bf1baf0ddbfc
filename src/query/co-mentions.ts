import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import type { ResolvedEntity } from './resolve-entity.js'
import { chooseDriver, mentionsJoin } from './plan.js'
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
export async function queryCoMentions(db: Db, subject: ResolvedEntity, options: CoMentionsOptions = {}): Promise<CoMentionRow[]> {
  const where = storyWhere(options)
  const driver = await chooseDriver(db, [subject.id], options)
  const from = mentionsJoin(driver, [subject.id])
  const own = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db)
  const subjectStories = Number(own.rows[0]?.n ?? 0)
  const rows = await sql<{ entity_id: number; name: string; kind: 'person' | 'org'; stories: number; latest_at: string }>`
    SELECT c.entity_id, e.name, e.kind, c.stories, c.latest_at
    FROM (
      SELECT m2.entity_id, count(*) AS stories, max(${STORY_AT}) AS latest_at
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
  const examples = new Map<number, CoMentionStory[]>()
  if (perEntity > 0) {
    const stories = await sql<CoMentionStory & { entity_id: number }>`
      SELECT r.entity_id, r.article_id, x.title, x.canonical_url AS url, r.story_at FROM (
        SELECT m2.entity_id, a.id AS article_id, ${STORY_AT} AS story_at,
          row_number() OVER (PARTITION BY m2.entity_id ORDER BY ${STORY_AT} DESC, a.id DESC) AS n
        FROM ${from}
        CROSS JOIN mentions m2 ON m2.article_id = a.id
        WHERE m2.entity_id IN (${sql.join(rows.rows.map((r) => r.entity_id))}) AND ${where}
      ) r JOIN articles x ON x.id = r.article_id
      WHERE n <= ${perEntity}
      ORDER BY entity_id, n`.execute(db)
    for (const s of stories.rows) {
      const list = examples.get(s.entity_id) ?? []
      list.push({ article_id: s.article_id, title: s.title, url: s.url, story_at: s.story_at })
      examples.set(s.entity_id, list)
    }
  }
  return rows.rows.map((r, i) => ({
    rank: i + 1,
    entity_id: r.entity_id,
    entity_name: r.name,
    entity_kind: r.kind,
    stories: Number(r.stories),
    share: shareOf(Number(r.stories), subjectStories),
    latest_at: r.latest_at,
    examples: examples.get(r.entity_id) ?? [],
  }))
}
