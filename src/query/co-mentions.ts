import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../store/database.js'
import type { ResolvedEntity } from './resolve-entity.js'
import { compareText, mentionWhere, type StoryFilter, shareOf } from './story-filter.js'

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
  // The subject's stories: one range of `mentions_entity_story` (filters live on the mention).
  const subjectMentions = sql`mentions m INDEXED BY mentions_entity_story`
  const where = sql`m.entity_id = ${subject.id} AND ${mentionWhere(options)}`
  const own = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM ${subjectMentions} WHERE ${where}`.execute(db)
  const subjectStories = Number(own.rows[0]?.n ?? 0)
  const counts = await countTogether(db, subjectMentions, where, subject.id)
  const rows = await rankEntities(db, counts, options.kind, options.limit ?? 20)
  if (rows.length === 0) return []
  const perEntity = options.examples ?? 3
  const latest = await latestTogether(
    db,
    subjectMentions,
    where,
    subjectStories,
    rows.map((r) => r.entity_id),
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
  return rows.map((r, i) => ({
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
 * Stories shared with the subject, per other entity. The pairs (400,000 for a subject in 40 % of
 * 200,000 stories) come out of SQLite as one comma-separated list of entity ids and are counted
 * here: grouping them in SQL sorts every pair first, which took two thirds of the time
 * (`co <top entity>` 170–270 ms → about 100 ms on `npm run bench:queries`).
 */
async function countTogether(
  db: Db,
  subjectMentions: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  subjectId: number,
): Promise<Map<number, number>> {
  const result = await sql<{ ids: string | null }>`
    SELECT group_concat(m2.entity_id) AS ids
    FROM ${subjectMentions}
    CROSS JOIN mentions m2 INDEXED BY mentions_article_cover ON m2.article_id = m.article_id AND m2.entity_id != ${subjectId}
    WHERE ${where}`.execute(db)
  const ids = result.rows[0]?.ids ?? ''
  const counts = new Map<number, number>()
  let id = 0
  for (let i = 0; i <= ids.length; i++) {
    const c = i < ids.length ? ids.charCodeAt(i) : 44
    if (c === 44) {
      if (i > 0) counts.set(id, (counts.get(id) ?? 0) + 1)
      id = 0
    } else id = id * 10 + (c - 48)
  }
  return counts
}

/**
 * The first `limit` entities by stories together, then name, then id, leaving out merged ones
 * and other kinds. Entity rows are read a tie group at a time, most stories first, until enough
 * are listed, so a subject with 20,000 co-mentioned entities reads a few dozen of them.
 */
async function rankEntities(
  db: Db,
  counts: ReadonlyMap<number, number>,
  kind: 'person' | 'org' | undefined,
  limit: number,
): Promise<{ entity_id: number; name: string; kind: 'person' | 'org'; stories: number }[]> {
  const byStories = new Map<number, number[]>()
  for (const [id, n] of counts) {
    const group = byStories.get(n)
    if (group) group.push(id)
    else byStories.set(n, [id])
  }
  const levels = [...byStories.keys()].sort((a, b) => b - a)
  const out: { entity_id: number; name: string; kind: 'person' | 'org'; stories: number }[] = []
  for (let i = 0; i < levels.length && out.length < limit; ) {
    // Whole tie groups, at least `limit` ids per read.
    const batch: number[] = []
    const start = i
    while (i < levels.length && (i === start || batch.length < limit))
      batch.push(...(byStories.get(levels[i++] as number) as number[]))
    const entities = await sql<{ id: number; name: string; kind: 'person' | 'org' }>`
      SELECT e.id, e.name, e.kind FROM json_each(${JSON.stringify(batch)}) j
      JOIN entities e ON e.id = j.value
      WHERE e.merged_into IS NULL ${kind ? sql`AND e.kind = ${kind}` : sql``}`.execute(db)
    const listed = entities.rows.map((e) => ({
      entity_id: e.id,
      name: e.name,
      kind: e.kind,
      stories: counts.get(e.id) as number,
    }))
    listed.sort(
      (x, y) => y.stories - x.stories || compareText(x.name, y.name) || x.entity_id - y.entity_id,
    )
    out.push(...listed)
  }
  return out.slice(0, limit)
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
        SELECT m.article_id AS id, m.story_at AS t FROM ${from} WHERE ${where}
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
