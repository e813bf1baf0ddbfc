import pLimit from 'p-limit'
import type { Config } from './config.js'
import { decodeBytes } from './encoding/decode.js'
import { type Enrichment, enrichArticle } from './enrich/enrich-article.js'
import { enrichStoredArticles, knowledgeFor, storeEnrichmentIn } from './enrich-stored.js'
import { describeError, FetchError, NewshoundError } from './errors.js'
import { extractArticle } from './extract/extract-article.js'
import { chooseCanonicalUrl, normalizeUrl, urlIdentity } from './harvest/canonical-url.js'
import { type FetchedPage, fetchPages, type PageFailure } from './harvest/fetch-pages.js'
import { createHostLimiter } from './harvest/host-limiter.js'
import { createHttpClient, type HttpClient } from './harvest/http-client.js'
import { pollFeed } from './harvest/poll-feed.js'
import { withRetry } from './harvest/retry.js'
import { createRobotsCache } from './harvest/robots.js'
import type { KnowledgeBase } from './knowledge/load-knowledge.js'
import type { Logger } from './log.js'
import type { SourceDefinition } from './sources.js'
import { type StageTimes, timeSync, withStageTimes } from './stage-timing.js'
import { findArticleIdByUrl, upsertArticleIn } from './store/articles.js'
import type { Db } from './store/database.js'
import {
  insertFeedItems,
  listPendingItems,
  markItems,
  type NewFeedItem,
  needsFullRefresh,
  type PendingItem,
  recordFeedFailure,
  recordFeedSuccess,
} from './store/feeds.js'
import {
  emptyRunCounts,
  finishRun,
  type RunCounts,
  recordFetchError,
  startRun,
} from './store/runs.js'
import { syncSources } from './store/sources.js'
import { createWriteBatcher } from './store/write-batcher.js'

export type CrawlProgress =
  | { readonly phase: 'feeds'; readonly done: number; readonly total: number; readonly url: string }
  | { readonly phase: 'pages'; readonly done: number; readonly total: number; readonly url: string }

export interface RunCrawlOptions {
  readonly db: Db
  readonly config: Config
  readonly sources: readonly SourceDefinition[]
  readonly log: Logger
  readonly trigger?: string
  readonly onProgress?: (event: CrawlProgress) => void
  /**
   * Skip feeds whose next_poll_at (Retry-After, Cache-Control, <ttl>, failure backoff, idle
   * slow-down) is still in the future: the scheduler sets this; a manual crawl polls everything.
   */
  readonly respectPollSchedule?: boolean
  /** Pages failing this many times stop being retried in later runs. */
  readonly maxAttemptsPerItem?: number
  readonly signal?: AbortSignal
  /** Adds the time each stored page spends per stage (decode+extract, dedup, store, enrich). */
  readonly stageTimes?: StageTimes
}

export interface CrawlRunSummary extends RunCounts {
  readonly runId: number
  readonly durationMs: number
  readonly status: 'completed' | 'interrupted'
}

/**
 * One harvest of the given sources: poll every feed (conditional GET), remember new items in
 * SQLite, fetch the pages not stored yet with Crawlee, extract, enrich and store each article
 * with its feed items, entities and moves atomically (src/store/write-batcher.ts). A failing
 * feed or page becomes a fetch_errors row and the run goes on; only an
 * unusable database or config throws. `crawl` and `schedule` both call this.
 */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlRunSummary> {
  const { db, config, sources, log } = options
  const started = Date.now()
  const counts = emptyRunCounts()
  const feeds = await syncSources(db, sources)
  const runId = await startRun(
    db,
    options.trigger ?? 'crawl',
    sources.map((s) => s.id),
  )
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  const client = createHttpClient({
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    maxRedirects: config.maxRedirects,
    proxy: config.proxy,
  })
  const robots = createRobotsCache(client, config.userAgent)
  const hosts = createHostLimiter()
  let kb: KnowledgeBase | null = null
  const writes = createWriteBatcher(db)
  try {
    // 1. Feeds and sitemaps.
    let feedQuery = db
      .selectFrom('feeds')
      .selectAll()
      .where('id', 'in', feeds.length > 0 ? feeds.map((f) => f.id) : [-1])
    if (options.respectPollSchedule) {
      const now = new Date().toISOString()
      feedQuery = feedQuery.where((eb) =>
        eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]),
      )
    }
    const feedRows = await feedQuery.execute()
    let feedsDone = 0
    const limit = pLimit(config.feedConcurrency)
    await Promise.all(
      feedRows.map((feed) =>
        limit(async () => {
          if (options.signal?.aborted) return
          const source = sourceById.get(feed.source_id) as SourceDefinition
          await pollOne(feed, source, client)
          feedsDone++
          options.onProgress?.({
            phase: 'feeds',
            done: feedsDone,
            total: feedRows.length,
            url: feed.url,
          })
        }),
      ),
    )

    // 2. Pages: everything pending for these sources, including leftovers of an interrupted run.
    const pending = await listPendingItems(
      db,
      sources.map((s) => s.id),
      options.maxAttemptsPerItem ?? 3,
    )
    await fetchPending(pending)
    // Articles stored but never enriched (an enrichment error, or a database written by a version
    // that enriched in a second transaction) are picked up here, so none stays without entities.
    if (!options.signal?.aborted) {
      try {
        await enrichStoredArticles(db, {
          sourceIds: sources.map((s) => s.id),
          neverEnrichedOnly: true,
        })
      } catch (error) {
        log.warn({ stage: 'enrich' }, `catch-up enrichment failed: ${describeError(error)}`)
      }
    }
    const status = options.signal?.aborted ? 'interrupted' : 'completed'
    const durationMs = Date.now() - started
    await finishRun(db, runId, { status, counts, durationMs })
    return { runId, durationMs, status, ...counts }
  } catch (error) {
    await finishRun(db, runId, {
      status: 'interrupted',
      counts,
      durationMs: Date.now() - started,
      error: describeError(error),
    }).catch(() => undefined)
    throw error
  } finally {
    await client.close()
  }

  async function pollOne(
    feed: {
      id: number
      url: string
      kind: 'feed' | 'sitemap'
      etag: string | null
      last_modified: string | null
      last_success_at: string | null
      source_id: string
      last_full_fetch_at: string | null
      not_modified_polls: number
    },
    source: SourceDefinition,
    http: HttpClient,
  ): Promise<void> {
    const allowPrivate = source.local === true
    let delayMs = source.politeness?.delayMs ?? config.hostDelayMs
    const stage = feed.kind === 'feed' ? ('feed' as const) : ('sitemap' as const)
    // Every error of this poll is recorded against the feed, its source and this run.
    const feedError = (code: string, reason: string, httpStatus: number | null = null) =>
      recordFetchError(db, {
        runId,
        sourceId: source.id,
        feedId: feed.id,
        url: feed.url,
        stage,
        code,
        reason,
        httpStatus,
      })
    try {
      if (source.politeness?.respectRobotsTxt ?? config.respectRobotsTxt) {
        const verdict = await robots.check(feed.url, { allowPrivate })
        // robots.txt Crawl-delay wins over a shorter configured delay.
        delayMs = Math.max(delayMs, verdict.crawlDelayMs ?? 0)
        if (!verdict.allowed) {
          counts.feedsFailed++
          const reason = `disallowed by robots.txt: ${feed.url}`
          await recordFeedFailure(db, feed.id, { status: null, reason })
          await recordFetchError(db, {
            runId,
            sourceId: source.id,
            feedId: feed.id,
            url: feed.url,
            stage: 'robots',
            code: 'E_ROBOTS_DISALLOWED',
            reason,
          })
          return
        }
      }
      // Now and then without validators: a server that says 304 to changed content is not trusted forever.
      const conditional = !needsFullRefresh(feed)
      const poll = await withRetry(
        () =>
          hosts.run(feed.url, delayMs, () =>
            pollFeed(
              http,
              {
                url: feed.url,
                kind: feed.kind,
                etag: conditional ? feed.etag : null,
                lastModified: conditional ? feed.last_modified : null,
                lastSuccessAt: feed.last_success_at,
              },
              { maxBytes: config.maxFeedBytes, maxItems: config.maxItemsPerFeed, allowPrivate },
            ),
          ),
        { retries: config.maxRetries, ...(options.signal ? { signal: options.signal } : {}) },
      )
      counts.feedsPolled++
      if (poll.kind === 'not-modified') {
        counts.feedsNotModified++
        await recordFeedSuccess(db, feed.id, {
          status: 304,
          etag: poll.etag,
          lastModified: poll.lastModified,
          notModified: true,
          newItems: 0,
          headers: poll.headers,
        })
        return
      }
      const items: NewFeedItem[] = []
      const unusable: string[] = []
      for (const [index, item] of poll.items.entries()) {
        const url = item.link ? normalizeUrl(item.link) : null
        if (url === null || !/^https?:\/\//.test(url)) {
          // Kept visible: a feed whose items carry no link is broken even when it parses.
          unusable.push(`item ${index} (${item.title ?? item.itemKey}) has no usable http(s) link`)
          continue
        }
        items.push({ itemKey: item.itemKey, url, title: item.title, publishedAt: item.publishedAt })
      }
      for (const reason of unusable) {
        await feedError('E_FEED_ITEM', reason)
      }
      const newItems = await insertFeedItems(db, feed.id, items)
      for (const skipped of poll.skipped) {
        await feedError('E_FEED_PARSE', `item ${skipped.index} skipped: ${skipped.reason}`)
      }
      await recordFeedSuccess(db, feed.id, {
        status: poll.status,
        etag: poll.etag,
        lastModified: poll.lastModified,
        title: poll.title,
        ttlMinutes: poll.ttlMinutes,
        notModified: false,
        newItems,
        headers: poll.headers,
      })
    } catch (error) {
      counts.feedsPolled++
      counts.feedsFailed++
      const status = error instanceof FetchError ? error.status : null
      const code = error instanceof NewshoundError ? error.code : 'E_FETCH'
      const reason = describeError(error)
      const retryAfter = error instanceof FetchError ? error.retryAfterSeconds : null
      if (retryAfter !== null) hosts.deferHost(feed.url, Date.now() + retryAfter * 1000)
      log.warn({ source: source.id, url: feed.url, code }, reason)
      await recordFeedFailure(db, feed.id, { status, reason, retryAfterSeconds: retryAfter })
      await feedError(code, reason, status)
    }
  }

  async function fetchPending(pending: readonly PendingItem[]): Promise<void> {
    // Several feed items (two feeds of one site, a retried item, the AMP and the desktop link of
    // one story) can share one URL identity: fetch it once.
    const byUrl = new Map<string, PendingItem[]>()
    for (const item of pending) {
      const key = urlIdentity(item.url)
      const list = byUrl.get(key)
      if (list) list.push(item)
      else byUrl.set(key, [item])
    }
    const toFetch: { url: string; items: PendingItem[]; source: SourceDefinition }[] = []
    for (const items of byUrl.values()) {
      const url = (items[0] as PendingItem).url
      const existing = await findArticleIdByUrl(db, url)
      if (existing !== null) {
        // Already stored (e.g. reached through another feed): nothing to fetch.
        counts.articlesUnchanged++
        await markItems(
          db,
          items.map((i) => i.id),
          { status: 'fetched', articleId: existing },
        )
        continue
      }
      const source = sourceById.get((items[0] as PendingItem).sourceId)
      if (source) toFetch.push({ url, items, source })
    }
    const total = toFetch.length
    let done = 0
    const entries = new Map(toFetch.map((e) => [e.url, e]))
    // robots.txt for pages goes through our own cache, the one the feeds used: fetched once per
    // origin and run, through the guarded HTTP client (Crawlee's own robots fetch does not use our
    // DNS guard), and its Crawl-delay applies to pages as it does to feeds.
    // Crawlee has one per-host delay per crawler: one crawler per delay.
    const groups = new Map<number, typeof toFetch>()
    for (const entry of toFetch) {
      let delay = entry.source.politeness?.delayMs ?? config.hostDelayMs
      if (entry.source.politeness?.respectRobotsTxt ?? config.respectRobotsTxt) {
        const verdict = await robots.check(entry.url, { allowPrivate: entry.source.local === true })
        if (!verdict.allowed) {
          await recordPageFailure(entry, {
            key: entry.url,
            url: entry.url,
            code: 'E_ROBOTS_DISALLOWED',
            reason: `disallowed by robots.txt: ${entry.url}`,
            httpStatus: null,
            skipped: true,
            transient: false,
          })
          done++
          options.onProgress?.({ phase: 'pages', done, total, url: entry.url })
          continue
        }
        delay = Math.max(delay, verdict.crawlDelayMs ?? 0)
      }
      const group = groups.get(delay)
      if (group) group.push(entry)
      else groups.set(delay, [entry])
    }
    await Promise.all(
      [...groups.entries()].map(([delay, group]) => {
        return fetchPages(
          group.map((e) => ({ url: e.url, key: e.url, allowPrivate: e.source.local === true })),
          {
            userAgent: config.userAgent,
            concurrency: config.concurrency,
            hostDelayMs: delay,
            timeoutMs: config.timeoutMs,
            maxBytes: config.maxPageBytes,
            maxRetries: config.maxRetries,
            maxRedirects: config.maxRedirects,
            proxy: config.proxy,
            ...(options.signal ? { signal: options.signal } : {}),
            onPage: async (page) => {
              const entry = entries.get(page.key)
              if (entry) await withStageTimes(options.stageTimes, () => storePage(entry, page))
              done++
              options.onProgress?.({ phase: 'pages', done, total, url: page.url })
            },
            onFailure: async (failure) => {
              const entry = entries.get(failure.key)
              if (entry) await recordPageFailure(entry, failure)
              done++
              options.onProgress?.({ phase: 'pages', done, total, url: failure.url })
            },
          },
        )
      }),
    )
  }

  async function storePage(
    entry: { url: string; items: PendingItem[]; source: SourceDefinition },
    page: FetchedPage,
  ) {
    const itemIds = entry.items.map((i) => i.id)
    const first = entry.items[0] as PendingItem
    let stage: 'extract' | 'store' = 'extract'
    try {
      const extracted = timeSync('decode+extract', () => {
        const { text: html } = decodeBytes(page.body, {
          contentType: page.contentType,
          kind: 'html',
        })
        return extractArticle(html, page.url, {
          feedPublishedAt: first.publishedAt,
          feedTitle: first.title,
          sourceLanguage: entry.source.language,
        })
      })
      if (extracted.text.trim() === '')
        throw new NewshoundError('E_EXTRACT', `extract: no article text found (${page.url})`)
      const article = {
        ...extracted,
        canonicalUrl: chooseCanonicalUrl(page.url, extracted.canonicalUrl),
      }
      // Enrichment is pure and runs before the write, so the article, its feed items and its
      // entities and moves are written together, in a batch transaction with the articles of the
      // other pages that finished meanwhile (src/store/write-batcher.ts).
      stage = 'store'
      kb ??= await knowledgeFor(db)
      const knowledge = kb
      let enrichment: Enrichment | null = null
      let enrichError: unknown = null
      try {
        enrichment = timeSync('enrich', () =>
          enrichArticle(
            {
              title: article.title,
              text: article.text,
              language: article.language,
              publishedAt: article.publishedAt,
            },
            knowledge,
          ),
        )
      } catch (error) {
        enrichError = error
      }
      const { outcome, duplicateOf } = await writes.write(async (trx) => {
        const stored = await upsertArticleIn(trx, {
          sourceId: entry.source.id,
          url: page.url,
          article,
          htmlBytes: page.body.length,
        })
        await markItems(trx, itemIds, { status: 'fetched', articleId: stored.id })
        if (stored.outcome !== 'unchanged' && enrichment !== null)
          await storeEnrichmentIn(trx, stored.id, enrichment, knowledge)
        return stored
      })
      if (outcome === 'new') {
        counts.articlesNew++
        if (duplicateOf !== null) counts.articlesDuplicate++
      } else if (outcome === 'updated') counts.articlesUpdated++
      else counts.articlesUnchanged++
      if (enrichError !== null && outcome !== 'unchanged') {
        // The article stays stored with enriched_at null; `newshound enrich` retries it.
        const reason = describeError(enrichError)
        log.warn({ source: entry.source.id, url: page.url, stage: 'enrich' }, reason)
        await recordFetchError(db, {
          runId,
          sourceId: entry.source.id,
          url: page.url,
          stage: 'enrich',
          code: 'E_ENRICH',
          reason,
        })
      }
    } catch (error) {
      counts.articlesFailed++
      const reason = describeError(error)
      const code =
        error instanceof NewshoundError ? error.code : stage === 'extract' ? 'E_EXTRACT' : 'E_STORE'
      log.warn({ source: entry.source.id, url: page.url, stage, code }, reason)
      await recordFetchError(db, {
        runId,
        sourceId: entry.source.id,
        url: page.url,
        stage,
        code,
        reason,
      })
      // A page we cannot extract will not get better by refetching; a store error might.
      await markItems(db, itemIds, {
        status: stage === 'extract' ? 'rejected' : 'failed',
        error: reason,
      })
    }
  }

  async function recordPageFailure(
    entry: { url: string; items: PendingItem[]; source: SourceDefinition },
    failure: PageFailure,
  ) {
    if (failure.skipped) counts.articlesSkipped++
    else counts.articlesFailed++
    log.warn({ source: entry.source.id, url: failure.url, code: failure.code }, failure.reason)
    await recordFetchError(db, {
      runId,
      sourceId: entry.source.id,
      url: failure.url,
      stage: failure.code === 'E_ROBOTS_DISALLOWED' ? 'robots' : 'page',
      code: failure.code,
      reason: failure.reason,
      httpStatus: failure.httpStatus,
    })
    const status = failure.skipped ? 'skipped' : failure.transient ? 'failed' : 'rejected'
    await markItems(
      db,
      entry.items.map((i) => i.id),
      { status, error: failure.reason },
    )
  }
}
