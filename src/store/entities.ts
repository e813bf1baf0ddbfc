import { type Kysely, sql, type Transaction } from 'kysely'
import type { KnowledgeBase } from '../knowledge/load-knowledge.js'
import { type Db, nowIso } from './database.js'
import type { Database } from './schema.js'

/** Bump when recognition changes enough that stored mentions should be recomputed. */
export const ENRICHMENT_VERSION = 1

/** Lower-case, accents folded, spaces collapsed: how names are compared. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

/** Stable key of an entity: its knowledge-base id, else kind plus a slug of its name. */
export function entityKey(kind: 'person' | 'org', kbId: string | null, canonical: string): string {
  if (kbId) return kbId
  const slug = normalizeName(canonical)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
  return `${kind}:~${slug}`
}

export interface MentionToStore {
  readonly kind: 'person' | 'org'
  readonly kbId: string | null
  readonly canonical: string
  readonly surface: string
  readonly count: number
  readonly firstOffset: number
}

type Executor = Kysely<Database> | Transaction<Database>

/**
 * Finds or creates the entity row for a mention. Knowledge-base entities are created with their
 * aliases (so `newshound entity "Meta Platforms"` finds Meta); merged entities resolve to the
 * entity they were merged into.
 */
export async function ensureEntity(
  db: Executor,
  mention: Pick<MentionToStore, 'kind' | 'kbId' | 'canonical' | 'surface'>,
  kb: KnowledgeBase | null,
  cache?: Map<string, number>,
): Promise<number> {
  const key = entityKey(mention.kind, mention.kbId, mention.canonical)
  const cached = cache?.get(key)
  if (cached !== undefined) return cached
  let row = await db
    .selectFrom('entities')
    .select(['id', 'merged_into'])
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) {
    const known = mention.kbId ? kb?.entities.get(mention.kbId) : undefined
    const inserted = await db
      .insertInto('entities')
      .values({
        key,
        kind: mention.kind,
        name: known?.name ?? mention.canonical,
        origin: known ? 'kb' : 'discovered',
        wikidata_id: known?.wikidata ?? null,
        parent_id: null,
        merged_into: null,
        created_at: nowIso(),
      })
      .returning(['id', 'merged_into'])
      .executeTakeFirstOrThrow()
    row = inserted
    const names = new Set<string>([
      known?.name ?? mention.canonical,
      ...(known?.aliases ?? []),
      ...(known?.formerNames ?? []),
    ])
    await addAliases(db, inserted.id, [...names])
  }
  let id = row.id
  // Follow merges (bounded: a merge chain longer than a few steps is a data error).
  for (let hops = 0, next = row.merged_into; next !== null && hops < 8; hops++) {
    id = next
    const parent = await db
      .selectFrom('entities')
      .select('merged_into')
      .where('id', '=', next)
      .executeTakeFirst()
    next = parent?.merged_into ?? null
  }
  cache?.set(key, id)
  return id
}

export async function addAliases(
  db: Executor,
  entityId: number,
  aliases: readonly string[],
): Promise<void> {
  const rows = [
    ...new Map(
      aliases.filter((a) => a.trim() !== '').map((a) => [normalizeName(a), a.trim()]),
    ).entries(),
  ].map(([normalized, alias]) => ({ entity_id: entityId, alias, normalized }))
  if (rows.length === 0) return
  await db
    .insertInto('entity_aliases')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Replaces the stored mentions of one article, in one transaction, and stamps the article as
 * enriched. Running it twice with the same input changes nothing.
 */
export async function storeMentions(
  db: Db,
  articleId: number,
  mentions: readonly MentionToStore[],
  kb: KnowledgeBase | null,
  options: { language?: string | null } = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await storeMentionsIn(trx, articleId, mentions, kb, options)
  })
}

export async function storeMentionsIn(
  trx: Executor,
  articleId: number,
  mentions: readonly MentionToStore[],
  kb: KnowledgeBase | null,
  options: { language?: string | null } = {},
): Promise<void> {
  const cache = new Map<string, number>()
  const byEntity = new Map<number, { count: number; first: number; surface: string }>()
  for (const m of mentions) {
    const id = await ensureEntity(trx, m, kb, cache)
    const seen = byEntity.get(id)
    if (!seen) byEntity.set(id, { count: m.count, first: m.firstOffset, surface: m.surface })
    else {
      seen.count += m.count
      if (m.firstOffset < seen.first) {
        seen.first = m.firstOffset
        seen.surface = m.surface
      }
    }
  }
  await trx.deleteFrom('mentions').where('article_id', '=', articleId).execute()
  // The article first (stamp and detected language), while it has no mentions for the story
  // trigger of migration 0009 to rewrite; then its story attributes go into each mention row, so
  // the insert trigger has nothing left to fill either.
  await trx
    .updateTable('articles')
    .set({
      enriched_at: nowIso(),
      enrichment_version: ENRICHMENT_VERSION,
      ...(options.language ? { language: options.language } : {}),
    })
    .where('id', '=', articleId)
    .execute()
  const story = await trx
    .selectFrom('articles')
    .select([
      sql<string>`coalesce(published_at, fetched_at)`.as('story_at'),
      sql<number>`duplicate_of IS NOT NULL`.as('is_duplicate'),
      'source_id',
      'language',
    ])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow()
  const rows = [...byEntity.entries()].map(([entityId, v]) => ({
    article_id: articleId,
    entity_id: entityId,
    count: v.count,
    first_offset: v.first,
    surface: v.surface,
    story_at: story.story_at,
    is_duplicate: story.is_duplicate,
    source_id: story.source_id,
    language: story.language,
  }))
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('mentions')
      .values(rows.slice(i, i + 200))
      .execute()
}

/** Entities whose name or alias matches (case and accents ignored), best first. */
export async function findEntities(db: Db, name: string, kind?: 'person' | 'org') {
  const normalized = normalizeName(name)
  let query = db
    .selectFrom('entities')
    .leftJoin('entity_aliases', 'entity_aliases.entity_id', 'entities.id')
    .select([
      'entities.id',
      'entities.key',
      'entities.kind',
      'entities.name',
      'entities.merged_into',
    ])
    .where((eb) =>
      eb.or([eb('entity_aliases.normalized', '=', normalized), eb('entities.key', '=', name)]),
    )
    .where('entities.merged_into', 'is', null)
    .groupBy('entities.id')
    // Curated entities before ones discovered in text, then the most mentioned.
    .orderBy(sql`case entities.origin when 'discovered' then 1 else 0 end`)
    .orderBy(sql`(select count(*) from mentions where mentions.entity_id = entities.id)`, 'desc')
    .orderBy('entities.id')
  if (kind) query = query.where('entities.kind', '=', kind)
  return query.execute()
}

/** Removes discovered entities no article mentions any more (after re-enrichment). */
export async function pruneOrphanEntities(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('entities')
    .where('origin', '=', 'discovered')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('mentions')
            .select('mentions.article_id')
            .whereRef('mentions.entity_id', '=', 'entities.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('entities as e2')
            .select('e2.id')
            .whereRef('e2.merged_into', '=', 'entities.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('move_reports as r')
            .select('r.id')
            .where((w) =>
              w.or([
                w('r.person_id', '=', w.ref('entities.id')),
                w('r.from_org_id', '=', w.ref('entities.id')),
                w('r.to_org_id', '=', w.ref('entities.id')),
              ]),
            ),
        ),
      ),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
