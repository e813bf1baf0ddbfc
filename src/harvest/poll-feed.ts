import type { FeedItem, ParsedFeed } from './feed-types.js'
import type { HttpClient } from './http-client.js'
import { parseFeed } from './parse-feed.js'
import { parseSitemap } from './parse-sitemap.js'

export interface FeedState {
  readonly url: string
  readonly kind: 'feed' | 'sitemap'
  readonly etag: string | null
  readonly lastModified: string | null
  /** Last successful poll: sitemaps only take URLs newer than this. */
  readonly lastSuccessAt: string | null
}

export interface PollOptions {
  readonly maxBytes: number
  readonly maxItems: number
  readonly allowPrivate: boolean
  /** Child sitemaps followed from one sitemap index. */
  readonly maxChildSitemaps?: number
}

export type FeedPoll =
  | {
      readonly kind: 'not-modified'
      readonly status: 304
      readonly etag: string | null
      readonly lastModified: string | null
      readonly headers: Readonly<Record<string, string>>
    }
  | {
      readonly kind: 'ok'
      readonly status: number
      /** Response headers (Cache-Control, Expires feed the poll interval). */
      readonly headers: Readonly<Record<string, string>>
      readonly finalUrl: string
      readonly etag: string | null
      readonly lastModified: string | null
      readonly title: string | null
      readonly ttlMinutes: number | null
      readonly items: readonly FeedItem[]
      /** Items the parser had to drop, with why (recorded, not silently lost). */
      readonly skipped: readonly { readonly index: number; readonly reason: string }[]
    }

/**
 * One conditional GET of a feed or sitemap: sends the stored validators (a 304 costs nothing),
 * parses what came back into items. Throws FetchError or FeedParseError.
 */
export async function pollFeed(
  client: HttpClient,
  state: FeedState,
  options: PollOptions,
): Promise<FeedPoll> {
  const headers: Record<string, string> = {}
  if (state.etag) headers['if-none-match'] = state.etag
  if (state.lastModified) headers['if-modified-since'] = state.lastModified
  const res = await client.fetch(state.url, {
    headers,
    maxBytes: options.maxBytes,
    allowPrivate: options.allowPrivate,
    accept:
      state.kind === 'feed'
        ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'
        : 'application/xml, text/xml;q=0.9, */*;q=0.5',
  })
  const etag = res.headers['etag'] ?? null
  const lastModified = res.headers['last-modified'] ?? null
  if (res.notModified)
    return { kind: 'not-modified', status: 304, etag, lastModified, headers: res.headers }
  const contentType = res.headers['content-type'] ?? null

  if (state.kind === 'feed') {
    const parsed: ParsedFeed = await parseFeed(res.body, {
      url: res.url,
      contentType,
      maxItems: options.maxItems,
    })
    return {
      kind: 'ok',
      status: res.status,
      headers: res.headers,
      finalUrl: res.url,
      etag,
      lastModified,
      title: parsed.title,
      ttlMinutes: parsed.ttlMinutes,
      items: parsed.items.slice(0, options.maxItems),
      skipped: parsed.skipped,
    }
  }

  const items = await collectSitemapItems(client, res.body, res.url, contentType, state, options)
  return {
    kind: 'ok',
    status: res.status,
    headers: res.headers,
    finalUrl: res.url,
    etag,
    lastModified,
    title: null,
    ttlMinutes: null,
    items,
    skipped: [],
  }
}

async function collectSitemapItems(
  client: HttpClient,
  body: Buffer,
  url: string,
  contentType: string | null,
  state: FeedState,
  options: PollOptions,
): Promise<FeedItem[]> {
  const since = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : null
  const isNew = (date: string | null) => since === null || date === null || Date.parse(date) > since
  const sitemap = await parseSitemap(body, { url, contentType })
  const items: FeedItem[] = []
  const take = (entries: typeof sitemap.entries) => {
    for (const entry of entries) {
      if (items.length >= options.maxItems) return
      const published = entry.newsPublishedAt ?? entry.lastmod
      if (!isNew(published)) continue
      items.push({
        itemKey: entry.loc,
        guid: null,
        link: entry.loc,
        title: entry.newsTitle,
        publishedAt: published,
        publishedRaw: published,
        updatedAt: entry.lastmod,
        author: null,
        summary: null,
        categories: [],
      })
    }
  }
  if (sitemap.kind === 'urlset') {
    take(sitemap.entries)
    return items
  }
  // A sitemap index: follow the children that changed since the last poll, newest first.
  const children = sitemap.entries
    .filter((e) => isNew(e.lastmod))
    .sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? ''))
    .slice(0, options.maxChildSitemaps ?? 10)
  for (const child of children) {
    if (items.length >= options.maxItems) break
    const res = await client.fetch(child.loc, {
      maxBytes: options.maxBytes,
      allowPrivate: options.allowPrivate,
    })
    const nested = await parseSitemap(res.body, {
      url: res.url,
      contentType: res.headers['content-type'] ?? null,
    })
    if (nested.kind === 'urlset') take(nested.entries)
  }
  return items
}
