import type { Transaction } from 'kysely'
import { type EnrichInput, type Enrichment, enrichArticle } from './enrich/enrich-article.js'
import { type KnowledgeBase, loadKnowledgeBase } from './knowledge/load-knowledge.js'
import type { Db } from './store/database.js'
import { ENRICHMENT_VERSION, pruneOrphanEntities, storeMentionsIn } from './store/entities.js'
import { storeMoveReportsIn } from './store/moves.js'
import type { Database } from './store/schema.js'
import { listUserEntities } from './store/user-knowledge.js'

/** The shipped knowledge base plus the entities users imported into this database. */
export async function knowledgeFor(db: Db): Promise<KnowledgeBase> {
  const extraEntities = await listUserEntities(db)
  return extraEntities.length > 0 ? loadKnowledgeBase({ extraEntities }) : loadKnowledgeBase()
}

/** Enriches one stored article and replaces its mentions and move reports, in one transaction (idempotent). */
export async function enrichStoredArticle(
  db: Db,
  articleId: number,
  input: EnrichInput,
  kb: KnowledgeBase,
): Promise<number> {
  return storeEnrichment(db, articleId, enrichArticle(input, kb), kb)
}

/** Replaces a stored article's mentions and move reports with an enrichment, in one transaction. */
export async function storeEnrichment(
  db: Db,
  articleId: number,
  enrichment: Enrichment,
  kb: KnowledgeBase,
): Promise<number> {
  await db.transaction().execute((trx) => storeEnrichmentIn(trx, articleId, enrichment, kb))
  return enrichment.mentions.length
}

/** {@link storeEnrichment} inside a transaction the caller holds (the crawl's one per article). */
export async function storeEnrichmentIn(
  trx: Transaction<Database>,
  articleId: number,
  enrichment: Enrichment,
  kb: KnowledgeBase,
): Promise<void> {
  await storeMentionsIn(trx, articleId, enrichment.mentions, kb, {
    language: enrichment.language,
  })
  await storeMoveReportsIn(trx, articleId, enrichment.moves, kb)
}

export interface EnrichStoredOptions {
  /** Re-enrich every article, not only new or outdated ones (after the knowledge base changed). */
  readonly all?: boolean
  readonly onProgress?: (done: number, total: number) => void
  /** Only articles of these sources. */
  readonly sourceIds?: readonly string[]
  /**
   * Only articles never enriched (not those of an older enrichment version): the cheap catch-up
   * every crawl run does, served by a partial index; `newshound enrich` also redoes outdated ones.
   */
  readonly neverEnrichedOnly?: boolean
  readonly batchSize?: number
}

/**
 * `newshound enrich`: entities for articles never enriched or enriched by an older version
 * (or every article with `all`), in batches so memory stays flat.
 */
export async function enrichStoredArticles(
  db: Db,
  options: EnrichStoredOptions = {},
): Promise<{ articles: number; mentions: number }> {
  let query = db.selectFrom('articles').select('id').orderBy('id')
  if (options.sourceIds)
    query = query.where(
      'source_id',
      'in',
      options.sourceIds.length > 0 ? [...options.sourceIds] : [''],
    )
  if (options.neverEnrichedOnly) {
    query = query.where('enriched_at', 'is', null)
  } else if (!options.all) {
    query = query.where((eb) =>
      eb.or([
        eb('enriched_at', 'is', null),
        eb('enrichment_version', 'is', null),
        eb('enrichment_version', '<', ENRICHMENT_VERSION),
      ]),
    )
  }
  const ids = (await query.execute()).map((r) => r.id)
  if (ids.length === 0) return { articles: 0, mentions: 0 }
  const kb = await knowledgeFor(db)
  let mentions = 0
  const batch = options.batchSize ?? 200
  for (let i = 0; i < ids.length; i += batch) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'title', 'text', 'language', 'published_at'])
      .where('id', 'in', ids.slice(i, i + batch))
      .execute()
    for (const row of rows) {
      mentions += await enrichStoredArticle(
        db,
        row.id,
        { title: row.title, text: row.text, language: row.language, publishedAt: row.published_at },
        kb,
      )
    }
    options.onProgress?.(Math.min(i + batch, ids.length), ids.length)
  }
  if (ids.length > 0) await pruneOrphanEntities(db)
  return { articles: ids.length, mentions }
}
