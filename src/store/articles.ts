import { createHash } from 'node:crypto'
import type { ExtractedArticle } from '../extract/article-types.js'
import { type Db, nowIso, toIsoUtc } from './database.js'

export interface ArticleToStore {
  readonly sourceId: string
  /** URL the page was fetched from (after redirects). */
  readonly url: string
  readonly article: ExtractedArticle
  readonly htmlBytes: number
  readonly fetchedAt?: string
}

export type UpsertOutcome = 'new' | 'updated' | 'unchanged'

/** sha256 of the text with whitespace and case normalised: formatting changes are not revisions. */
export function contentHash(text: string): string {
  const normalised = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(normalised).digest('hex')
}

/**
 * Inserts or updates one article by canonical URL, in one transaction. Storing the same content
 * twice changes nothing (outcome 'unchanged'); a revised text or title updates the row.
 * @example const { id, outcome } = await upsertArticle(db, { sourceId: 'heise', url, article, htmlBytes })
 */
export async function upsertArticle(db: Db, input: ArticleToStore): Promise<{ id: number; outcome: UpsertOutcome }> {
  const a = input.article
  const now = nowIso()
  const values = {
    canonical_url: a.canonicalUrl,
    url: input.url,
    source_id: input.sourceId,
    title: a.title,
    authors_json: JSON.stringify(a.authors),
    published_at: toIsoUtc(a.publishedAt),
    published_from: a.publishedFrom,
    modified_at: toIsoUtc(a.modifiedAt),
    language: a.language,
    site_name: a.siteName,
    description: a.description,
    image_url: a.imageUrl,
    is_paywalled: a.paywalled ? 1 : 0,
    text: a.text,
    content_hash: contentHash(a.text),
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('articles')
      .select(['id', 'content_hash', 'title', 'published_at', 'authors_json', 'modified_at'])
      .where('canonical_url', '=', a.canonicalUrl)
      .executeTakeFirst()
    if (!existing) {
      const row = await trx
        .insertInto('articles')
        .values({
          ...values,
          html_bytes: input.htmlBytes,
          fetched_at: input.fetchedAt ?? now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { id: row.id, outcome: 'new' as const }
    }
    const same =
      existing.content_hash === values.content_hash &&
      existing.title === values.title &&
      existing.published_at === values.published_at &&
      existing.authors_json === values.authors_json &&
      existing.modified_at === values.modified_at
    if (same) return { id: existing.id, outcome: 'unchanged' as const }
    await trx
      .updateTable('articles')
      .set({ ...values, html_bytes: input.htmlBytes, fetched_at: input.fetchedAt ?? now, updated_at: now })
      .where('id', '=', existing.id)
      .execute()
    return { id: existing.id, outcome: 'updated' as const }
  })
}

/** The article already stored under this URL (as fetched or as canonical), if any. */
export async function findArticleIdByUrl(db: Db, url: string): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) => eb.or([eb('canonical_url', '=', url), eb('url', '=', url)]))
    .executeTakeFirst()
  return row?.id ?? null
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
