import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import {
  type Fingerprint,
  fingerprintText,
  hammingDistance,
  resemblanceSketch,
  shingleResemblance,
} from '../enrich/fingerprint.js'
import {
  creditNamesSite,
  findSyndicationCredit,
  type SiteIdentity,
  type SyndicationCredit,
} from '../enrich/syndication.js'
import type { ExtractedArticle } from '../extract/article-types.js'
import { normalizeUrl, registrableDomain, urlIdentity } from '../harvest/canonical-url.js'
import { inStage, timeSync } from '../stage-timing.js'
import { type Db, nowIso, toIsoUtc } from './database.js'
import type { Database } from './schema.js'

export interface ArticleToStore {
  readonly sourceId: string
  /** URL the page was fetched from (after redirects). */
  readonly url: string
  readonly article: ExtractedArticle
  readonly htmlBytes: number
  readonly fetchedAt?: string
}

/** What upsertArticle compares with an article already stored under the same URL. */
const EXISTING_COLUMNS = [
  'id',
  'content_hash',
  'title',
  'published_at',
  'authors_json',
  'modified_at',
  'duplicate_of',
  'canonical_url',
] as const

export type UpsertOutcome = 'new' | 'updated' | 'unchanged'

/** sha256 of the text with whitespace and case normalised: formatting changes are not revisions. */
export function contentHash(text: string): string {
  const normalised = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(normalised).digest('hex')
}

export interface UpsertResult {
  readonly id: number
  readonly outcome: UpsertOutcome
  /** The story's representative when this article is a copy (exact, near or syndicated), else null. */
  readonly duplicateOf: number | null
}

/**
 * Near-copy decision on a verified candidate: word 3-shingle resemblance of at least 0.5, or at
 * least two long paragraphs in common making up half of the shorter text. Measured by
 * `npm run bench:dedup`: copies with a changed headline, boilerplate or one paragraph added or cut
 * score 0.42–1.0 resemblance and share most paragraphs; distinct stories on the same companies in
 * the same week, written from shared phrases, score at most 0.49 and share at most one paragraph.
 */
export const NEAR_COPY_RESEMBLANCE = 0.5
export const NEAR_COPY_SHARED_PARAGRAPHS = 2
/**
 * A candidate found only through a SimHash band must also be this close before its text is read.
 * Four 16-bit bands find every pair within 3 bits; copies changed throughout (every paragraph
 * lightly edited) sit at 3–8 bits; distinct same-topic stories come as close as 7 bits in
 * bench:dedup, which is why every candidate is still checked on its text.
 */
export const BAND_MAX_DISTANCE = 8
/** A copy whose credit names a stored site needs less resemblance to its origin there. */
export const CREDITED_RESEMBLANCE = 0.35
/** A paragraph shared by more stories than this is treated as boilerplate, not as copy evidence. */
const MAX_STORIES_PER_PARAGRAPH = 4
/** Candidate rows read per new article: bounds the lookup cost however large the store grows. */
const MAX_CANDIDATES = 64
/** When a credit names a stored site, its articles within this many days are checked for the origin. */
const CREDIT_WINDOW_DAYS = 14

type Trx = Transaction<Database>

interface NewArticleFacts {
  readonly id: number
  readonly sourceId: string
  readonly canonicalUrl: string
  readonly siteName: string | null
  readonly publishedAt: string | null
  readonly contentHash: string
  readonly fingerprint: Fingerprint
  readonly credit: SyndicationCredit | null
}

/**
 * Inserts or updates one article by URL identity, in one transaction. Storing the same content
 * twice changes nothing (outcome 'unchanged'); a revised text or title updates the row and its
 * fingerprint (an update is never a new story). A new article that is an exact copy (same
 * content hash), a near copy (SimHash band or shared paragraph, then verified on the text) or a
 * syndicated copy (its credit line names a stored site) of a stored story is stored as a pointer
 * to the story's representative: `duplicate_of` and `cluster_id` set, `duplicateOf` returned.
 * @example const { id, outcome, duplicateOf } = await upsertArticle(db, { sourceId: 'heise', url, article, htmlBytes })
 */
export async function upsertArticle(db: Db, input: ArticleToStore): Promise<UpsertResult> {
  return db.transaction().execute((trx) => upsertArticleIn(trx, input))
}

/**
 * {@link upsertArticle} inside a transaction the caller holds, so a crawl writes an article, its
 * feed items and its enrichment with one commit.
 */
export async function upsertArticleIn(trx: Trx, input: ArticleToStore): Promise<UpsertResult> {
  const a = input.article
  const now = nowIso()
  const { fp, credit } = timeSync('dedup', () => ({
    fp: fingerprintText(a.text),
    credit: findSyndicationCredit(a.text),
  }))
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
    ...fingerprintColumns(fp),
    syndicated_from: credit?.origin ?? null,
  }
  const urlKey = urlIdentity(a.canonicalUrl)
  const existing =
    (await trx
      .selectFrom('articles')
      .select(EXISTING_COLUMNS)
      .where('canonical_url', '=', a.canonicalUrl)
      .executeTakeFirst()) ??
    // The AMP, mobile or www edition of a stored story: the same row, its URL kept as stored.
    (await trx
      .selectFrom('articles')
      .select(EXISTING_COLUMNS)
      .where('url_key', 'in', [...new Set([urlKey, urlIdentity(input.url)])])
      .orderBy('id')
      .executeTakeFirst())
  if (!existing) {
    // The new row's id is known up front (rowid = max + 1 inside this write transaction), so
    // the row is written once with its cluster instead of inserted and then updated.
    const last = await trx
      .selectFrom('articles')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst()
    const id = Number(last?.id ?? 0) + 1
    const facts: NewArticleFacts = {
      id,
      sourceId: input.sourceId,
      canonicalUrl: a.canonicalUrl,
      siteName: a.siteName,
      publishedAt: values.published_at,
      contentHash: values.content_hash,
      fingerprint: fp,
      credit,
    }
    const placement = await inStage('dedup', () => placeNewArticle(trx, facts))
    await trx
      .insertInto('articles')
      .values({
        ...values,
        id,
        url_key: urlKey,
        cluster_id: placement.clusterId,
        duplicate_of: placement.clusterId === id ? null : placement.clusterId,
        html_bytes: input.htmlBytes,
        fetched_at: input.fetchedAt ?? now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    if (placement.replaces !== null) {
      // This article leads a story that was stored before it (its copy arrived first).
      await trx
        .updateTable('articles')
        .set({ cluster_id: id, duplicate_of: id })
        .where('cluster_id', '=', placement.replaces)
        .execute()
      await trx
        .updateTable('articles')
        .set({ cluster_id: id, duplicate_of: id })
        .where('id', '=', placement.replaces)
        .execute()
    }
    return {
      id,
      outcome: 'new' as const,
      duplicateOf: placement.clusterId === id ? null : placement.clusterId,
    }
  }
  const same =
    existing.content_hash === values.content_hash &&
    existing.title === values.title &&
    existing.published_at === values.published_at &&
    existing.authors_json === values.authors_json &&
    existing.modified_at === values.modified_at
  if (same)
    return { id: existing.id, outcome: 'unchanged' as const, duplicateOf: existing.duplicate_of }
  await trx
    .updateTable('articles')
    .set({
      ...values,
      canonical_url: existing.canonical_url,
      html_bytes: input.htmlBytes,
      fetched_at: input.fetchedAt ?? now,
      updated_at: now,
    })
    .where('id', '=', existing.id)
    .execute()
  return { id: existing.id, outcome: 'updated' as const, duplicateOf: existing.duplicate_of }
}

/** The fingerprint columns of an article row (migration 0003). */
function fingerprintColumns(fp: Fingerprint) {
  return {
    simhash: fp.simhash,
    sh_band0: fp.bands[0],
    sh_band1: fp.bands[1],
    sh_band2: fp.bands[2],
    sh_band3: fp.bands[3],
    para_anchor0: fp.anchors[0] ?? null,
    para_anchor1: fp.anchors[1] ?? null,
    para_anchor2: fp.anchors[2] ?? null,
    para_anchor3: fp.anchors[3] ?? null,
  }
}

interface Placement {
  /** The cluster the new article joins: its own id when it is (or becomes) the representative. */
  readonly clusterId: number
  /** A stored story's representative that the new article replaces as representative, if any. */
  readonly replaces: number | null
}

/**
 * Where a new (not yet inserted) article goes: a story of its own, or the story of the stored
 * article it copies. The representative is the credited origin when a copy names one, else the
 * earliest published version; when that is an already stored member, it is promoted here and
 * the new article joins it.
 */
async function placeNewArticle(trx: Trx, article: NewArticleFacts): Promise<Placement> {
  const matches = await findCopiesOf(trx, article)
  if (matches.length === 0) return { clusterId: article.id, replaces: null }
  // The credited origin wins; else the story of the closest match.
  const best = matches.find((m) => m.credited) ?? (matches[0] as CopyMatch)
  const representative = best.clusterId ?? best.id
  const members = await trx
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.syndicated_from',
      'articles.published_at',
      'articles.site_name',
      'articles.canonical_url',
      'sources.name as source_name',
    ])
    .where((eb) =>
      eb.or([
        eb('articles.cluster_id', '=', representative),
        eb('articles.id', '=', representative),
      ]),
    )
    .execute()
  const rep = members.find((m) => m.id === representative)
  if (!rep) return { clusterId: representative, replaces: null }
  const siteOfRow = (m: (typeof members)[number]): SiteIdentity => ({
    names: [m.site_name, m.source_name],
    domain: registrableDomain(m.canonical_url),
  })
  const credits = (origin: string | null, site: SiteIdentity) =>
    origin !== null && creditNamesSite({ origin, host: hostOf(origin) }, site)
  const creditedBy = (site: SiteIdentity) => members.some((m) => credits(m.syndicated_from, site))
  if (best.credited) {
    if (best.id === representative) return { clusterId: representative, replaces: null }
    // The copy names a member as its origin: the origin leads the story, unless the origin itself
    // credits the current representative (a copy of a copy).
    const origin = members.find((m) => m.id === best.id)
    if (origin && credits(origin.syndicated_from, siteOfRow(rep)))
      return { clusterId: representative, replaces: null }
    await promote(trx, representative, best.id)
    return { clusterId: best.id, replaces: null }
  }
  const repSite = siteOfRow(rep)
  const repIsCreditedOrigin =
    creditedBy(repSite) || (article.credit !== null && creditNamesSite(article.credit, repSite))
  // A stored copy credits this article's site: the original arrived after its copy.
  if (creditedBy(await siteOf(trx, article)))
    return { clusterId: article.id, replaces: representative }
  // Otherwise the earliest published version represents the story (crawl order is arbitrary).
  if (
    !repIsCreditedOrigin &&
    article.publishedAt !== null &&
    (rep.published_at === null || article.publishedAt < rep.published_at)
  ) {
    return { clusterId: article.id, replaces: representative }
  }
  return { clusterId: representative, replaces: null }
}

/** Makes a stored member the representative of its story. */
async function promote(trx: Trx, from: number, to: number): Promise<void> {
  await trx
    .updateTable('articles')
    .set({ cluster_id: to, duplicate_of: to })
    .where('cluster_id', '=', from)
    .execute()
  await trx
    .updateTable('articles')
    .set({ cluster_id: to, duplicate_of: to })
    .where('id', '=', from)
    .execute()
  await trx
    .updateTable('articles')
    .set({ cluster_id: to, duplicate_of: null })
    .where('id', '=', to)
    .execute()
}

interface CopyMatch {
  readonly id: number
  readonly clusterId: number | null
  /** The new article's credit line names this article's site. */
  readonly credited: boolean
  readonly score: number
}

/**
 * Stored articles the new one copies, best first: the same content hash, then candidates that
 * share a SimHash band (and are within BAND_MAX_DISTANCE bits) or one of whose paragraph anchors
 * is a paragraph of the new text, each verified on its text; plus, when the text credits a stored
 * site, that site's articles of the same fortnight (verified with a lower bar: the credit is
 * evidence too). A bounded number of rows is read, so the cost does not grow with the store.
 */
async function findCopiesOf(trx: Trx, article: NewArticleFacts): Promise<CopyMatch[]> {
  const exact = await trx
    .selectFrom('articles')
    .select(['id', 'cluster_id'])
    .where('content_hash', '=', article.contentHash)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  const fp = article.fingerprint
  const paragraphs = [...new Set(fp.paragraphs)]
  // Band arms read (band, simhash, rowid) from covering indexes; only close ones go further.
  const banded = await trx
    .selectFrom('articles')
    .select(['id', 'simhash'])
    .where((eb) =>
      eb.or(fp.bands.map((value, band) => eb(`sh_band${band}` as 'sh_band0', '=', value))),
    )
    .orderBy('id', 'desc')
    .limit(MAX_CANDIDATES * 4)
    .execute()
  const ids = new Set(
    banded
      .filter(
        (r) => r.simhash !== null && hammingDistance(r.simhash, fp.simhash) <= BAND_MAX_DISTANCE,
      )
      .map((r) => r.id),
  )
  if (paragraphs.length > 0) {
    const anchored = await trx
      .selectFrom('articles')
      .select(['id', 'cluster_id', 'para_anchor0', 'para_anchor1', 'para_anchor2', 'para_anchor3'])
      .where((eb) =>
        eb.or(
          [0, 1, 2, 3].map((band) => eb(`para_anchor${band}` as 'para_anchor0', 'in', paragraphs)),
        ),
      )
      .orderBy('id', 'desc')
      .limit(MAX_CANDIDATES)
      .execute()
    // A paragraph found in many different stories is boilerplate or a stock phrase ("The company
    // did not respond to a request for comment."), not evidence of a copy: copies of one story
    // share paragraphs within one cluster.
    const storiesByParagraph = new Map<number, Set<number>>()
    const paragraphSet = new Set(paragraphs)
    const anchorsOf = (r: (typeof anchored)[number]) =>
      [r.para_anchor0, r.para_anchor1, r.para_anchor2, r.para_anchor3].filter(
        (h): h is number => h !== null && paragraphSet.has(h),
      )
    for (const r of anchored) {
      for (const h of anchorsOf(r))
        storiesByParagraph.set(
          h,
          (storiesByParagraph.get(h) ?? new Set()).add(r.cluster_id ?? r.id),
        )
    }
    for (const r of anchored) {
      if (
        anchorsOf(r).some(
          (h) => (storiesByParagraph.get(h)?.size ?? 0) <= MAX_STORIES_PER_PARAGRAPH,
        )
      )
        ids.add(r.id)
    }
  }
  const credited = new Set<number>()
  let creditedSources = new Set<string>()
  if (article.credit) {
    const found = await creditedSiteCandidates(trx, article, article.credit)
    creditedSources = new Set(found.sourceIds)
    for (const id of found.ids) {
      ids.add(id)
      credited.add(id)
    }
  }
  const matches: CopyMatch[] = []
  if (exact)
    matches.push({
      id: exact.id,
      clusterId: exact.cluster_id,
      credited: credited.has(exact.id),
      score: 2,
    })
  if (ids.size === 0) return matches
  const candidates = await trx
    .selectFrom('articles')
    .select(['id', 'cluster_id', 'source_id', 'text'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute()
  // One verified member per story is enough; a credited candidate is always checked.
  const verifiedClusters = new Set<number>()
  if (exact) verifiedClusters.add(exact.cluster_id ?? exact.id)
  for (const candidate of candidates) {
    const cluster = candidate.cluster_id ?? candidate.id
    // Any candidate from the credited site counts as credited: the best of them is the origin.
    const isCredited = credited.has(candidate.id) || creditedSources.has(candidate.source_id)
    if (!isCredited && verifiedClusters.has(cluster)) continue
    const other = resemblanceSketch(candidate.text)
    const resemblance = shingleResemblance(fp.shingles, other.shingles)
    const otherParagraphs = new Set(other.paragraphs)
    const shared = paragraphs.filter((p) => otherParagraphs.has(p)).length
    const shareOfShorter = shared / Math.max(1, Math.min(paragraphs.length, otherParagraphs.size))
    const near = isCredited
      ? resemblance >= CREDITED_RESEMBLANCE || (shared >= 1 && shareOfShorter >= 0.5)
      : resemblance >= NEAR_COPY_RESEMBLANCE ||
        (shared >= NEAR_COPY_SHARED_PARAGRAPHS && shareOfShorter >= 0.5)
    if (!near) continue
    verifiedClusters.add(cluster)
    if (exact?.id !== candidate.id)
      matches.push({
        id: candidate.id,
        clusterId: candidate.cluster_id,
        credited: isCredited,
        score: resemblance,
      })
    else matches[0] = { ...(matches[0] as CopyMatch), credited: isCredited }
  }
  return matches.sort((x, y) => y.score - x.score)
}

/** Articles of the site a credit names, published within CREDIT_WINDOW_DAYS of the copy, that look related. */
async function creditedSiteCandidates(
  trx: Trx,
  article: NewArticleFacts,
  credit: SyndicationCredit,
): Promise<{ ids: number[]; sourceIds: string[] }> {
  if (credit.url) {
    const byUrl = await trx
      .selectFrom('articles')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('url_key', '=', urlIdentity(credit.url as string)),
          eb('canonical_url', '=', normalizeUrl(credit.url as string)),
        ]),
      )
      .where('id', '!=', article.id)
      .execute()
    if (byUrl.length > 0) return { ids: byUrl.map((r) => r.id), sourceIds: [] }
  }
  const sources = await trx.selectFrom('sources').select(['id', 'name', 'homepage']).execute()
  const sourceIds = sources
    .filter(
      (s) =>
        s.id !== article.sourceId &&
        creditNamesSite(credit, { names: [s.name, s.id], domain: registrableDomain(s.homepage) }),
    )
    .map((s) => s.id)
  if (sourceIds.length === 0) return { ids: [], sourceIds }
  let query = trx
    .selectFrom('articles')
    .select(['id', 'simhash', 'para_anchor0', 'para_anchor1', 'para_anchor2', 'para_anchor3'])
    .where('source_id', 'in', sourceIds)
    .where('id', '!=', article.id)
  if (article.publishedAt) {
    const at = Date.parse(article.publishedAt)
    const window = CREDIT_WINDOW_DAYS * 86_400_000
    query = query
      .where('published_at', '>=', new Date(at - window).toISOString())
      .where('published_at', '<=', new Date(at + window).toISOString())
  }
  // Read in index order (source, published_at): no sort, a bounded number of rows.
  const rows = await query.limit(300).execute()
  const paragraphs = new Set(article.fingerprint.paragraphs)
  const ids = rows
    .filter(
      (r) =>
        [r.para_anchor0, r.para_anchor1, r.para_anchor2, r.para_anchor3].some(
          (h) => h !== null && paragraphs.has(h),
        ) ||
        (r.simhash !== null && hammingDistance(r.simhash, article.fingerprint.simhash) <= 20),
    )
    .slice(0, 8)
    .map((r) => r.id)
  return { ids, sourceIds }
}

async function siteOf(trx: Trx, article: NewArticleFacts): Promise<SiteIdentity> {
  const source = await trx
    .selectFrom('sources')
    .select('name')
    .where('id', '=', article.sourceId)
    .executeTakeFirst()
  return {
    names: [article.siteName, source?.name ?? null],
    domain: registrableDomain(article.canonicalUrl),
  }
}

/** Host named by a stored credit (domain or URL), as findSyndicationCredit reads it. */
function hostOf(origin: string): string | null {
  return (
    /(?:^|[\s(/])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=$|[\s)/:,])/i
      .exec(origin)?.[1]
      ?.toLowerCase()
      .replace(/^www\./, '') ?? null
  )
}

/**
 * The article already stored under this URL (as fetched, as canonical, or as another edition of
 * the same address: AMP, mobile, www, trailing slash), if any.
 * @example await findArticleIdByUrl(db, 'https://m.example.com/story/amp/') // id of https://www.example.com/story
 */
export async function findArticleIdByUrl(db: Db, url: string): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('canonical_url', '=', url),
        eb('url', '=', url),
        eb('url_key', '=', urlIdentity(url)),
      ]),
    )
    .orderBy('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/**
 * Fingerprints stored articles that have none (rows written before migration 0003 by an older
 * build, or imported): SimHash, bands, anchors, URL key, credit; each becomes its own story unless
 * it already belongs to one. Returns how many rows were updated.
 * @example await fingerprintStoredArticles(db) // 0 on an up-to-date database
 */
export async function fingerprintStoredArticles(db: Db): Promise<number> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'text', 'canonical_url', 'cluster_id'])
    .where('simhash', 'is', null)
    .execute()
  for (const row of rows) {
    const fp = fingerprintText(row.text)
    await db
      .updateTable('articles')
      .set({
        ...fingerprintColumns(fp),
        url_key: urlIdentity(row.canonical_url),
        syndicated_from: findSyndicationCredit(row.text)?.origin ?? null,
        cluster_id: row.cluster_id ?? row.id,
      })
      .where('id', '=', row.id)
      .execute()
  }
  return rows.length
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
