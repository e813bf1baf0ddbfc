import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import { findEntities } from '../store/entities.js'

export interface EntityProfile {
  readonly id: number
  readonly key: string
  readonly kind: 'person' | 'org'
  readonly name: string
  readonly origin: string
  readonly wikidataId: string | null
  readonly aliases: readonly string[]
  readonly stories: number
  readonly mentionsByMonth: readonly { month: string; stories: number; mentions: number }[]
  readonly latestStories: readonly {
    articleId: number
    publishedAt: string | null
    title: string | null
    url: string
    sourceId: string
  }[]
  readonly coMentioned: readonly { name: string; kind: string; stories: number }[]
}

/**
 * Everything about one entity: aliases, mentions over time (by month), latest stories and the
 * entities most often mentioned in the same stories.
 * @example const profiles = await queryEntityProfiles(db, 'Meta Platforms')
 */
export async function queryEntityProfiles(
  db: Db,
  name: string,
  options: { limit?: number } = {},
): Promise<EntityProfile[]> {
  const limit = options.limit ?? 10
  const matches = await findEntities(db, name)
  const profiles: EntityProfile[] = []
  for (const match of matches) {
    const entity = await db
      .selectFrom('entities')
      .selectAll()
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow()
    const aliases = await db
      .selectFrom('entity_aliases')
      .select('alias')
      .where('entity_id', '=', entity.id)
      .orderBy('alias')
      .execute()
    const byMonth = await db
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.id', 'mentions.article_id')
      .select([
        sql<string>`coalesce(substr(articles.published_at, 1, 7), 'unknown')`.as('month'),
        (eb) => eb.fn.countAll<number>().as('stories'),
        (eb) => eb.fn.sum<number>('mentions.count').as('mentions'),
      ])
      .where('mentions.entity_id', '=', entity.id)
      .where('articles.duplicate_of', 'is', null)
      .groupBy('month')
      .orderBy('month')
      .execute()
    const latest = await db
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.id', 'mentions.article_id')
      .select([
        'articles.id',
        'articles.published_at',
        'articles.title',
        'articles.canonical_url',
        'articles.source_id',
      ])
      .where('mentions.entity_id', '=', entity.id)
      .where('articles.duplicate_of', 'is', null)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(limit)
      .execute()
    const co = await db
      .selectFrom('mentions as m1')
      .innerJoin('mentions as m2', (join) =>
        join
          .onRef('m2.article_id', '=', 'm1.article_id')
          .onRef('m2.entity_id', '!=', 'm1.entity_id'),
      )
      .innerJoin('entities as e', 'e.id', 'm2.entity_id')
      .innerJoin('articles as a', 'a.id', 'm1.article_id')
      .select(['e.name', 'e.kind', (eb) => eb.fn.countAll<number>().as('stories')])
      .where('m1.entity_id', '=', entity.id)
      .where('a.duplicate_of', 'is', null)
      .groupBy(['e.id', 'e.name', 'e.kind'])
      .orderBy('stories', 'desc')
      .orderBy('e.name')
      .limit(limit)
      .execute()
    profiles.push({
      id: entity.id,
      key: entity.key,
      kind: entity.kind,
      name: entity.name,
      origin: entity.origin,
      wikidataId: entity.wikidata_id,
      aliases: aliases.map((a) => a.alias),
      stories: byMonth.reduce((sum, m) => sum + Number(m.stories), 0),
      mentionsByMonth: byMonth.map((m) => ({
        month: m.month,
        stories: Number(m.stories),
        mentions: Number(m.mentions),
      })),
      latestStories: latest.map((a) => ({
        articleId: a.id,
        publishedAt: a.published_at,
        title: a.title,
        url: a.canonical_url,
        sourceId: a.source_id,
      })),
      coMentioned: co.map((c) => ({ name: c.name, kind: c.kind, stories: Number(c.stories) })),
    })
  }
  return profiles
}

export interface EntityListRow {
  readonly id: number
  readonly kind: 'person' | 'org'
  readonly name: string
  readonly origin: string
  readonly stories: number
  readonly mentions: number
}

/** Entities with their story counts, most mentioned first. */
export async function queryEntityList(
  db: Db,
  options: {
    kind?: 'person' | 'org' | undefined
    limit?: number
    search?: string | undefined
  } = {},
): Promise<EntityListRow[]> {
  // Stories, not copies: mentions in articles that are duplicates of another do not count.
  let query = db
    .selectFrom('entities')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('mentions')
          .innerJoin('articles', 'articles.id', 'mentions.article_id')
          .select(['mentions.entity_id', 'mentions.article_id', 'mentions.count'])
          .where('articles.duplicate_of', 'is', null)
          .as('m'),
      (join) => join.onRef('m.entity_id', '=', 'entities.id'),
    )
    .select([
      'entities.id',
      'entities.kind',
      'entities.name',
      'entities.origin',
      (eb) => eb.fn.count<number>('m.article_id').as('stories'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('m.count'), sql<number>`0`).as('mentions'),
    ])
    .where('entities.merged_into', 'is', null)
    .groupBy('entities.id')
    .orderBy('stories', 'desc')
    .orderBy('entities.name')
    .limit(options.limit ?? 50)
  if (options.kind) query = query.where('entities.kind', '=', options.kind)
  if (options.search) query = query.where('entities.name', 'like', `%${options.search}%`)
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, stories: Number(r.stories), mentions: Number(r.mentions) }))
}
