import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type FixtureServer,
  type RouteHandler,
  startFixtureServer,
} from '../../scripts/fixture-server.js'
import type { Config } from '../../src/config.js'
import { createHttpClient } from '../../src/harvest/http-client.js'
import { silentLogger } from '../../src/log.js'
import { type CrawlRunSummary, runCrawl } from '../../src/pipeline.js'
import { defineSource, type SourceDefinition } from '../../src/sources.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { FULL_REFRESH_EVERY_POLLS, insertFeedItems } from '../../src/store/feeds.js'
import { syncSources } from '../../src/store/sources.js'
import { makeTempDir, testConfig } from '../helpers/env.js'
import { articleHtml, rssFeed } from '../helpers/news-site.js'

/**
 * Faults a harvester meets in the wild, each served by a real HTTP server on 127.0.0.1 (its own
 * port, so per-host politeness of one fault never slows another). Every fault must end as a
 * fetch_errors row against its source, and the run must go on: a healthy source crawled in the
 * same run is stored in full every time.
 */

function source(
  id: string,
  feeds: readonly string[],
  extra: Partial<SourceDefinition> = {},
): SourceDefinition {
  return defineSource({
    id,
    name: id,
    homepage: feeds[0] ?? 'http://127.0.0.1/',
    language: 'en',
    feeds,
    schedule: '*/30 * * * *',
    local: true,
    ...extra,
  })
}

/** Feed and article routes for a site whose items are `paths` (each an article page). */
function newsRoutes(paths: readonly string[], seedBase: number): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    '/feed.xml': (_req, res, srv) => {
      res.setHeader('content-type', 'application/rss+xml')
      res.end(
        rssFeed(
          'News',
          paths.map((p) => ({ title: `Story ${p}`, link: srv.url(p), guid: p })),
        ),
      )
    },
  }
  paths.forEach((p, i) => {
    routes[p] = (_req, res, srv) => articlePage(res, srv.url(p), `Story ${p}`, seedBase + i)
  })
  return routes
}

function articlePage(res: ServerResponse, url: string, title: string, seed: number): void {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.end(articleHtml({ url, title, seed, publishedAt: '2026-11-20T09:00:00Z' }))
}

/** Concatenated gzip members: ~1 GiB of spaces in ~1 MiB on the wire (gunzip reads every member). */
function gzipBomb(prefix: string): Buffer {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, ' '))
  return Buffer.concat([gzipSync(prefix), ...Array.from({ length: 64 }, () => member)])
}

describe('fault injection against real local servers', () => {
  let healthy: FixtureServer
  let faulty: FixtureServer
  const started: FixtureServer[] = []
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase
  let config: Config

  beforeAll(async () => {
    healthy = await startFixtureServer({ routes: newsRoutes(['/a1.html', '/a2.html'], 1) })
  })
  afterAll(async () => {
    await healthy.close()
  })
  beforeEach(async () => {
    tmp = await makeTempDir()
    config = testConfig(tmp.dir, { timeoutMs: 1500, maxRetries: 1 })
    opened = await openDatabase(config.db)
  })
  afterEach(async () => {
    await opened.close()
    for (const server of started.splice(0)) await server.close()
    await tmp.cleanup()
  })

  /** A fault server for this test, closed after it. */
  async function serve(routes: Record<string, RouteHandler>): Promise<FixtureServer> {
    const server = await startFixtureServer({ routes })
    started.push(server)
    return server
  }

  const healthySource = () => source('healthy', [healthy.url('/feed.xml')])

  async function crawl(
    sources: readonly SourceDefinition[],
    extra: { respectPollSchedule?: boolean } = {},
  ): Promise<CrawlRunSummary> {
    return runCrawl({ db: opened.db, config, sources, log: silentLogger(), ...extra })
  }

  async function errorsOf(sourceId: string) {
    return opened.db
      .selectFrom('fetch_errors')
      .selectAll()
      .where('source_id', '=', sourceId)
      .orderBy('id')
      .execute()
  }

  /** The run went on: the healthy source's two stories are stored and the run completed. */
  async function expectRunWentOn(summary: CrawlRunSummary): Promise<void> {
    expect(summary.status).toBe('completed')
    const stored = await opened.db
      .selectFrom('articles')
      .select('canonical_url')
      .where('source_id', '=', 'healthy')
      .execute()
    expect(stored.map((a) => new URL(a.canonical_url).pathname).sort()).toEqual([
      '/a1.html',
      '/a2.html',
    ])
    expect(await errorsOf('healthy')).toEqual([])
  }

  it('a server that hangs: feed and page time out, are recorded, and are retried later', async () => {
    faulty = await serve({
      '/feed.xml': () => new Promise<void>(() => undefined),
      '/pages.xml': (_req, res, srv) => {
        res.setHeader('content-type', 'application/rss+xml')
        res.end(
          rssFeed('Slow pages', [{ title: 'Slow', link: srv.url('/slow.html'), guid: 'slow' }]),
        )
      },
      '/slow.html': () => new Promise<void>(() => undefined),
    })
    const started = Date.now()
    const summary = await crawl([
      healthySource(),
      source('hang-feed', [faulty.url('/feed.xml')]),
      source('hang-page', [faulty.url('/pages.xml')]),
    ])
    expect(Date.now() - started).toBeLessThan(30_000)
    await expectRunWentOn(summary)
    expect((await errorsOf('hang-feed')).map((e) => [e.stage, e.code])).toEqual([
      ['feed', 'E_TIMEOUT'],
    ])
    expect((await errorsOf('hang-page')).map((e) => [e.stage, e.code])).toEqual([
      ['page', 'E_TIMEOUT'],
    ])
    const item = await opened.db
      .selectFrom('feed_items')
      .select(['status', 'last_error'])
      .where('url', '=', faulty.url('/slow.html'))
      .executeTakeFirstOrThrow()
    expect(item.status).toBe('failed') // transient: the next run tries again
    const feed = await opened.db
      .selectFrom('feeds')
      .selectAll()
      .where('source_id', '=', 'hang-feed')
      .executeTakeFirstOrThrow()
    expect(feed.consecutive_failures).toBe(1)
    expect(feed.next_poll_at).not.toBeNull() // backing off, not dropped
  })

  it('a server that drops the connection after the headers or half the body: recorded, then recovered', async () => {
    const feedBody = (srv: FixtureServer) =>
      Buffer.from(
        rssFeed('Drops', [
          { title: 'Cut short', link: srv.url('/half.html'), guid: 'half' },
          { title: 'Cut early', link: srv.url('/headers.html'), guid: 'headers' },
        ]),
      )
    const dropAfterHeaders: RouteHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' })
      res.flushHeaders()
      setTimeout(() => res.socket?.destroy(), 20)
    }
    const dropHalfway =
      (body: (srv: FixtureServer) => Buffer, type: string): RouteHandler =>
      (_req, res, srv) => {
        const bytes = body(srv)
        res.writeHead(200, { 'content-type': type, 'content-length': String(bytes.length) })
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
        setTimeout(() => res.socket?.destroy(), 20)
      }
    faulty = await serve({
      '/feed-headers.xml': dropAfterHeaders,
      '/feed-half.xml': dropHalfway(feedBody, 'application/rss+xml'),
      '/pages.xml': (_req, res, srv) => {
        res.setHeader('content-type', 'application/rss+xml')
        res.end(feedBody(srv))
      },
      '/headers.html': dropAfterHeaders,
      '/half.html': dropHalfway(
        (srv) =>
          Buffer.from(
            articleHtml({
              url: srv.url('/half.html'),
              title: 'Cut short',
              seed: 77,
              publishedAt: '2026-11-20T09:00:00Z',
            }),
          ),
        'text/html',
      ),
    })
    const sources = [
      healthySource(),
      source('drop-feed-headers', [faulty.url('/feed-headers.xml')]),
      source('drop-feed-half', [faulty.url('/feed-half.xml')]),
      source('drop-pages', [faulty.url('/pages.xml')]),
    ]
    const summary = await crawl(sources)
    await expectRunWentOn(summary)
    expect((await errorsOf('drop-feed-headers')).map((e) => [e.stage, e.code])).toEqual([
      ['feed', 'E_FETCH'],
    ])
    expect((await errorsOf('drop-feed-half')).map((e) => [e.stage, e.code])).toEqual([
      ['feed', 'E_FETCH'],
    ])
    const pageErrors = await errorsOf('drop-pages')
    expect(pageErrors.map((e) => [new URL(e.url).pathname, e.stage, e.code]).sort()).toEqual([
      ['/half.html', 'page', 'E_FETCH'],
      ['/headers.html', 'page', 'E_FETCH'],
    ])
    const items = await opened.db
      .selectFrom('feed_items')
      .select(['url', 'status'])
      .where('url', 'like', `${faulty.origin}/%`)
      .orderBy('url')
      .execute()
    expect(items.map((i) => i.status)).toEqual(['failed', 'failed'])
    expect(
      await opened.db
        .selectFrom('articles')
        .select('id')
        .where('source_id', '=', 'drop-pages')
        .execute(),
    ).toEqual([])

    // The server recovers: the next run fetches the two pages that were cut off, once each.
    faulty.route('/half.html', (_req, res, srv) =>
      articlePage(res, srv.url('/half.html'), 'Cut short', 77),
    )
    faulty.route('/headers.html', (_req, res, srv) =>
      articlePage(res, srv.url('/headers.html'), 'Cut early', 78),
    )
    const second = await crawl(sources)
    expect(second.articlesNew).toBe(2)
    const stored = await opened.db
      .selectFrom('articles')
      .select(['title', 'text'])
      .where('source_id', '=', 'drop-pages')
      .orderBy('title')
      .execute()
    expect(stored.map((a) => a.title)).toEqual(['Cut early', 'Cut short'])
    for (const article of stored) expect(article.text.length).toBeGreaterThan(200)
  })

  it('429 with Retry-After: recorded, next_poll_at honours it, a scheduled run skips the feed until then', async () => {
    let busyPolls = 0
    faulty = await serve({
      '/feed.xml': (_req, res) => {
        busyPolls++
        res.statusCode = 429
        res.setHeader('retry-after', '3600')
        res.end('slow down')
      },
    })
    const sources = [healthySource(), source('busy', [faulty.url('/feed.xml')])]
    const before = Date.now()
    const summary = await crawl(sources)
    await expectRunWentOn(summary)
    // Retry-After beyond what a run waits for: no retry inside the run, one request only.
    expect(busyPolls).toBe(1)
    const errors = await errorsOf('busy')
    expect(errors.map((e) => [e.stage, e.code, e.http_status])).toEqual([
      ['feed', 'E_HTTP_STATUS', 429],
    ])
    const feed = await opened.db
      .selectFrom('feeds')
      .selectAll()
      .where('source_id', '=', 'busy')
      .executeTakeFirstOrThrow()
    const nextPoll = Date.parse(feed.next_poll_at ?? '')
    expect(nextPoll).toBeGreaterThanOrEqual(before + 3600_000 - 1000)
    expect(nextPoll).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000)

    // What the scheduler does on its next tick: the busy feed is left alone, the healthy one polled.
    const healthyPolls = healthy.requests.filter((r) => r.path === '/feed.xml').length
    const scheduled = await crawl(sources, { respectPollSchedule: true })
    expect(scheduled.status).toBe('completed')
    expect(busyPolls).toBe(1)
    expect(healthy.requests.filter((r) => r.path === '/feed.xml').length).toBe(healthyPolls + 1)
    expect(await errorsOf('busy')).toHaveLength(1)
  })

  it('a gzip bomb (feed and page) is refused with E_TOO_LARGE, quickly', async () => {
    const bombFeed = gzipBomb('<?xml version="1.0"?><rss version="2.0"><channel><title>')
    const bombPage = gzipBomb('<!doctype html><html><body><article><p>')
    faulty = await serve({
      '/bomb.xml': (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          'content-encoding': 'gzip',
          'content-length': String(bombFeed.length),
        })
        res.end(bombFeed)
      },
      '/pages.xml': (_req, res, srv) => {
        res.setHeader('content-type', 'application/rss+xml')
        res.end(
          rssFeed('Bomb pages', [{ title: 'Bomb', link: srv.url('/bomb.html'), guid: 'bomb' }]),
        )
      },
      '/bomb.html': (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html',
          'content-encoding': 'gzip',
          'content-length': String(bombPage.length),
        })
        res.end(bombPage)
      },
    })
    const started = Date.now()
    const summary = await crawl([
      healthySource(),
      source('bomb-feed', [faulty.url('/bomb.xml')]),
      source('bomb-page', [faulty.url('/pages.xml')]),
    ])
    expect(Date.now() - started).toBeLessThan(20_000)
    await expectRunWentOn(summary)
    expect((await errorsOf('bomb-feed')).map((e) => [e.stage, e.code])).toEqual([
      ['feed', 'E_TOO_LARGE'],
    ])
    expect((await errorsOf('bomb-page')).map((e) => [e.stage, e.code])).toEqual([
      ['page', 'E_TOO_LARGE'],
    ])
    const item = await opened.db
      .selectFrom('feed_items')
      .select('status')
      .where('url', '=', faulty.url('/bomb.html'))
      .executeTakeFirstOrThrow()
    expect(item.status).toBe('rejected') // permanent: not fetched again
  })

  it('a billion-laughs feed parses in bounded time with nothing expanded; an external entity link is recorded', async () => {
    const lol = ['<!ENTITY lol "lol">']
    for (let i = 1; i <= 9; i++)
      lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`)
    faulty = await serve({
      '/lol.xml': (_req, res, srv) => {
        res.setHeader('content-type', 'application/rss+xml')
        res.end(`<?xml version="1.0"?>
<!DOCTYPE rss [
  ${lol.join('\n  ')}
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughing &lol9;</title><link>${srv.url('/laughs.html')}</link><guid>laughs</guid><description>&lol9;&lol9;</description></item>
<item><title>External &xxe;</title><link>&xxe;</link><guid>xxe</guid></item>
</channel></rss>`)
      },
      '/laughs.html': (_req, res, srv) => articlePage(res, srv.url('/laughs.html'), 'Laughing', 91),
    })
    const started = Date.now()
    const summary = await crawl([healthySource(), source('laughs', [faulty.url('/lol.xml')])])
    expect(Date.now() - started).toBeLessThan(15_000)
    await expectRunWentOn(summary)
    const items = await opened.db
      .selectFrom('feed_items')
      .innerJoin('feeds', 'feeds.id', 'feed_items.feed_id')
      .select(['feed_items.title', 'feed_items.url'])
      .where('feeds.source_id', '=', 'laughs')
      .execute()
    // Entities stay as written: the title is not expanded, the "link" is the literal text &xxe;.
    expect(items.map((i) => i.title).sort()).toEqual(['External &xxe;', 'Laughing &lol9;'])
    const feed = await opened.db
      .selectFrom('feeds')
      .select('title')
      .where('source_id', '=', 'laughs')
      .executeTakeFirstOrThrow()
    expect(feed.title).toBe('&lol9;')
    // The external-entity item resolves to a relative URL on the feed's own host, which 404s:
    // recorded against the source, nothing read from disk.
    const errors = await errorsOf('laughs')
    expect(errors.map((e) => [new URL(e.url).pathname, e.stage, e.code, e.http_status])).toEqual([
      ['/&xxe;', 'page', 'E_HTTP_STATUS', 404],
    ])
    expect(
      JSON.stringify(await opened.db.selectFrom('feed_items').selectAll().execute()),
    ).not.toContain('root:')
    const stored = await opened.db
      .selectFrom('articles')
      .select(['title', 'text'])
      .where('source_id', '=', 'laughs')
      .execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.title).toMatch(/^Laughing/)
  })

  it('private and metadata addresses are refused for a non-local source (feed, page, and the client itself)', async () => {
    faulty = await serve({
      '/internal.html': (_req, res, srv) =>
        articlePage(res, srv.url('/internal.html'), 'Internal', 5),
    })
    // The HTTP client, as used for every non-local feed: the metadata address is refused before any connection.
    const client = createHttpClient({
      userAgent: 'newshound-test/1',
      timeoutMs: 5000,
      maxRedirects: 3,
    })
    const started = Date.now()
    await expect(
      client.fetch('http://169.254.169.254/latest/meta-data/', { maxBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'E_BLOCKED_ADDRESS' })
    await expect(
      client.fetch(faulty.url('/internal.html'), { maxBytes: 100_000 }),
    ).rejects.toMatchObject({ code: 'E_BLOCKED_ADDRESS' })
    expect(Date.now() - started).toBeLessThan(1000)
    await client.close()

    // A remote (non-local) source whose feed points at the metadata service and which once listed
    // an internal page (a feed item pointing at 127.0.0.1, as an SSRF attempt would).
    const remote = source('remote', ['http://169.254.169.254/latest/feed.xml'], {
      homepage: 'https://news.example.com/',
      local: false,
    })
    const [feedRow] = await syncSources(opened.db, [remote])
    await insertFeedItems(opened.db, feedRow?.id ?? -1, [
      {
        itemKey: 'internal',
        url: faulty.url('/internal.html'),
        title: 'Internal',
        publishedAt: null,
      },
    ])
    const summary = await crawl([healthySource(), remote])
    await expectRunWentOn(summary)
    const errors = await errorsOf('remote')
    expect(errors.map((e) => [e.stage, e.code]).sort()).toEqual([
      ['feed', 'E_BLOCKED_ADDRESS'],
      ['page', 'E_BLOCKED_ADDRESS'],
    ])
    expect(errors.find((e) => e.stage === 'page')?.url).toBe(faulty.url('/internal.html'))
    expect(faulty.requests).toEqual([]) // refused before connecting, robots.txt included
    const item = await opened.db
      .selectFrom('feed_items')
      .select('status')
      .where('item_key', '=', 'internal')
      .executeTakeFirstOrThrow()
    expect(item.status).toBe('rejected')
  })

  it('a feed that changes its ETag but not its content: no new article, no duplicate rows, no refetch', async () => {
    let version = 0
    const paths = ['/e1.html', '/e2.html']
    const routes = newsRoutes(paths, 40)
    const feedRoute = routes['/feed.xml'] as RouteHandler
    routes['/feed.xml'] = (req, res, srv) => {
      version++
      const etag = `"v${version}"`
      res.setHeader('etag', etag)
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304
        res.end()
        return
      }
      return feedRoute(req, res, srv)
    }
    faulty = await serve(routes)
    const sources = [source('etag-churn', [faulty.url('/feed.xml')])]
    const first = await crawl(sources)
    expect(first.articlesNew).toBe(2)
    faulty.requests.length = 0
    for (let run = 0; run < 3; run++) {
      const again = await crawl(sources)
      expect(again.feedsNotModified).toBe(0) // a full 200 every time: the ETag never matches
      expect(again.articlesNew).toBe(0)
    }
    expect(faulty.requests.filter((r) => r.path.endsWith('.html'))).toEqual([])
    expect(faulty.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(3)
    expect(await opened.db.selectFrom('articles').select('id').execute()).toHaveLength(2)
    expect(await opened.db.selectFrom('feed_items').select('id').execute()).toHaveLength(2)
    const feed = await opened.db.selectFrom('feeds').selectAll().executeTakeFirstOrThrow()
    expect(feed.etag).toBe(`"v${version}"`)
    expect(feed.items_seen).toBe(2)
  })

  it('a feed that keeps its ETag for new content: a full GET after 24 h or every 20th poll finds the new items', async () => {
    const items: { path: string; seed: number }[] = []
    faulty = await serve({})
    faulty.route('/feed.xml', (req, res, srv) => {
      // The broken server: one ETag for ever, and a 304 whenever it is sent back.
      res.setHeader('etag', '"static"')
      res.setHeader('content-type', 'application/rss+xml')
      if (req.headers['if-none-match'] === '"static"') {
        res.statusCode = 304
        res.end()
        return
      }
      res.end(
        rssFeed(
          'Static ETag',
          items.map((i) => ({ title: `Story ${i.path}`, link: srv.url(i.path), guid: i.path })),
        ),
      )
    })
    const publish = (path: string, seed: number) => {
      items.push({ path, seed })
      faulty.route(path, (_req, res, srv) => articlePage(res, srv.url(path), `Story ${path}`, seed))
    }
    publish('/s1.html', 60)
    const sources = [source('static-etag', [faulty.url('/feed.xml')])]
    const feedRow = () => opened.db.selectFrom('feeds').selectAll().executeTakeFirstOrThrow()
    const articleCount = async () =>
      (await opened.db.selectFrom('articles').select('id').execute()).length
    const lastFeedRequest = () => faulty.requests.filter((r) => r.path === '/feed.xml').at(-1)

    expect((await crawl(sources)).articlesNew).toBe(1)
    const afterFirst = await feedRow()
    expect(afterFirst.last_full_fetch_at).not.toBeNull()
    expect(afterFirst.not_modified_polls).toBe(0)

    // New content behind the same ETag: the conditional GET is told "not modified".
    publish('/s2.html', 61)
    const stale = await crawl(sources)
    expect(stale.feedsNotModified).toBe(1)
    expect(await articleCount()).toBe(1)
    expect((await feedRow()).not_modified_polls).toBe(1)

    // A day later the poll goes out without validators and finds the item.
    await opened.db
      .updateTable('feeds')
      .set({ last_full_fetch_at: new Date(Date.now() - 25 * 3600_000).toISOString() })
      .execute()
    const refreshed = await crawl(sources)
    expect(lastFeedRequest()?.headers['if-none-match']).toBeUndefined()
    expect(refreshed.articlesNew).toBe(1)
    expect(await articleCount()).toBe(2)
    expect((await feedRow()).not_modified_polls).toBe(0)

    // Within the day: 19 conditional polls (all 304), then the 20th goes out unconditionally.
    publish('/s3.html', 62)
    for (let poll = 1; poll < FULL_REFRESH_EVERY_POLLS; poll++) {
      const run = await crawl(sources)
      expect(lastFeedRequest()?.headers['if-none-match']).toBe('"static"')
      expect(run.feedsNotModified).toBe(1)
    }
    expect(await articleCount()).toBe(2)
    expect((await feedRow()).not_modified_polls).toBe(FULL_REFRESH_EVERY_POLLS - 1)
    const twentieth = await crawl(sources)
    expect(lastFeedRequest()?.headers['if-none-match']).toBeUndefined()
    expect(twentieth.articlesNew).toBe(1)
    expect(await articleCount()).toBe(3)
    // Nothing stored twice along the way.
    expect(await opened.db.selectFrom('feed_items').select('id').execute()).toHaveLength(3)
  })
})
