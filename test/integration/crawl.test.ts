import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import { silentLogger } from '../../src/log.js'
import { runCrawl } from '../../src/pipeline.js'
import { defineSource, type SourceDefinition } from '../../src/sources.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { makeTempDir, testConfig } from '../helpers/env.js'

const SITE = resolve(import.meta.dirname, '../fixtures/site')

function localSource(
  id: string,
  feeds: string[],
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

describe('crawl a local fixture site into a real SQLite file', () => {
  let server: FixtureServer
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    let flakyCalls = 0
    server = await startFixtureServer({
      root: SITE,
      routes: {
        '/bad/malformed.xml': (_req, res) => {
          res.setHeader('content-type', 'application/rss+xml')
          res.end('<rss version="2.0"><channel><title>Broken</title><item><title>x</tit')
        },
        '/bad/html.xml': (_req, res) => {
          res.setHeader('content-type', 'text/html')
          res.end(
            '<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>',
          )
        },
        '/bad/empty.xml': (_req, res) => {
          res.setHeader('content-type', 'application/rss+xml')
          res.end('')
        },
        '/bad/flaky.xml': (_req, res, srv) => {
          flakyCalls++
          if (flakyCalls === 1) {
            res.statusCode = 500
            res.end('oops')
            return
          }
          res.setHeader('content-type', 'application/rss+xml')
          res.end(
            `<rss version="2.0"><channel><title>Flaky</title><item><title>Robot arms</title><link>${srv.url('/news/a3.html')}</link><guid>flaky-a3</guid></item></channel></rss>`,
          )
        },
        '/bad/slow.xml': () => new Promise<void>(() => undefined),
        '/bad/loop.xml': (_req, res) => {
          res.statusCode = 302
          res.setHeader('location', '/bad/loop2.xml')
          res.end()
        },
        '/bad/loop2.xml': (_req, res) => {
          res.statusCode = 302
          res.setHeader('location', '/bad/loop.xml')
          res.end()
        },
        '/pages-feed.xml': (_req, res, srv) => {
          res.setHeader('content-type', 'application/rss+xml')
          const items = [
            '/news/big.html',
            '/files/report.pdf',
            '/news/missing.html',
            '/news/page500.html',
          ]
            .map(
              (p, i) =>
                `<item><title>p${i}</title><link>${srv.url(p)}</link><guid>p${i}</guid></item>`,
            )
            .join('')
          res.end(`<rss version="2.0"><channel><title>Pages</title>${items}</channel></rss>`)
        },
        '/news/big.html': (_req, res) => {
          res.setHeader('content-type', 'text/html')
          res.end(`<html><body><article><p>${'x'.repeat(400_000)}</p></article></body></html>`)
        },
        '/files/report.pdf': (_req, res) => {
          res.setHeader('content-type', 'application/pdf')
          res.end(gzipSync('%PDF-1.4 not html'))
        },
        '/news/page500.html': (_req, res) => {
          res.statusCode = 500
          res.end('server error')
        },
      },
    })
    const config = testConfig(tmp.dir)
    opened = await openDatabase(config.db)
  })

  afterEach(async () => {
    await opened.close()
    await server.close()
    await tmp.cleanup()
  })

  function sources(): SourceDefinition[] {
    return [
      localSource('fixture-news', [server.url('/news/feed.xml'), server.url('/news/atom.xml')]),
      localSource('fixture-de', [server.url('/de/feed-cp1252.xml')], { language: 'de' }),
      localSource('bad-malformed', [server.url('/bad/malformed.xml')]),
      localSource('bad-html', [server.url('/bad/html.xml')]),
      localSource('bad-empty', [server.url('/bad/empty.xml')]),
      localSource('bad-404', [server.url('/bad/missing.xml')]),
      localSource('bad-flaky', [server.url('/bad/flaky.xml')]),
      localSource('bad-slow', [server.url('/bad/slow.xml')]),
      localSource('bad-loop', [server.url('/bad/loop.xml')]),
      localSource('bad-host', ['http://127.0.0.1:9/feed.xml']),
      localSource('bad-pages', [server.url('/pages-feed.xml')]),
    ]
  }

  it('stores articles, records every failure against its source, and a second run is conditional and stores nothing', async () => {
    const config = testConfig(tmp.dir, { maxPageBytes: 200_000, timeoutMs: 1500 })
    const first = await runCrawl({ db: opened.db, config, sources: sources(), log: silentLogger() })

    const articles = await opened.db
      .selectFrom('articles')
      .selectAll()
      .orderBy('canonical_url')
      .execute()
    const byPath = new Map(articles.map((a) => [new URL(a.canonical_url).pathname, a]))
    expect([...byPath.keys()].sort()).toEqual([
      '/de/wechsel.html',
      '/news/a1.html',
      '/news/a2.html',
      '/news/a3.html',
    ])
    const a1 = byPath.get('/news/a1.html')
    expect(a1?.canonical_url).toBe(server.url('/news/a1.html')) // tracking parameters gone
    expect(a1?.source_id).toBe('fixture-news')
    expect(a1?.title).toBe('Researcher leaves Example Labs for Acme AI')
    expect(a1?.published_at).toBe('2026-11-20T09:00:00.000Z')
    expect(a1?.text).toContain('Priya Raman, a senior research scientist at Example Labs')
    expect(a1?.text).not.toContain('Privacy policy')
    const de = byPath.get('/de/wechsel.html')
    expect(de?.text).toContain('2 Mio. € betragen – so berichten')
    expect(de?.title).toContain('„KI-Forscherin“')
    expect(first.articlesNew).toBe(4)

    const errors = await opened.db.selectFrom('fetch_errors').selectAll().execute()
    const codesFor = (source: string) =>
      errors.filter((e) => e.source_id === source).map((e) => e.code)
    expect(codesFor('bad-malformed')).toEqual(['E_FEED_ITEM']) // recovered, but its item has no link
    expect(codesFor('bad-html')).toContain('E_FEED_PARSE')
    expect(codesFor('bad-empty')).toContain('E_FEED_PARSE')
    expect(codesFor('bad-404')).toEqual(['E_HTTP_STATUS'])
    expect(codesFor('bad-slow')).toEqual(['E_TIMEOUT'])
    expect(codesFor('bad-loop')).toEqual(['E_REDIRECT'])
    expect(codesFor('bad-host')).toEqual(['E_FETCH'])
    expect(codesFor('bad-flaky')).toEqual([]) // 500, then success on the retry
    expect(codesFor('fixture-news')).toEqual(['E_ROBOTS_DISALLOWED'])
    expect(codesFor('bad-pages').sort()).toEqual([
      'E_CONTENT_TYPE',
      'E_HTTP_STATUS',
      'E_HTTP_STATUS',
      'E_TOO_LARGE',
    ])
    expect(errors.find((e) => e.url.endsWith('/news/missing.html'))?.http_status).toBe(404)
    expect(server.requests.some((r) => r.path.startsWith('/private/'))).toBe(false)
    // One robots.txt request for the run, shared by feeds and pages (our guarded client; Crawlee's
    // own robots fetch is off).
    expect(server.requests.filter((r) => r.path === '/robots.txt')).toHaveLength(1)
    const run = await opened.db
      .selectFrom('crawl_runs')
      .selectAll()
      .where('id', '=', first.runId)
      .executeTakeFirstOrThrow()
    expect(run.status).toBe('completed')
    expect(run.articles_new).toBe(4)

    // Second run: the good feeds answer 304 to our validators; nothing is fetched twice.
    server.requests.length = 0
    const second = await runCrawl({
      db: opened.db,
      config,
      sources: sources(),
      log: silentLogger(),
    })
    expect(second.articlesNew).toBe(0)
    expect(await opened.db.selectFrom('articles').select('id').execute()).toHaveLength(4)
    const feedRequests = server.requests.filter((r) =>
      ['/news/feed.xml', '/news/atom.xml', '/de/feed-cp1252.xml'].includes(r.path),
    )
    expect(feedRequests).toHaveLength(3)
    for (const r of feedRequests) expect(r.headers['if-none-match']).toMatch(/^"/)
    expect(second.feedsNotModified).toBeGreaterThanOrEqual(3)
    // Only the page that failed with a 5xx is tried again; 404, too large and PDF are permanent.
    const pagePaths = new Set(
      server.requests
        .filter((r) => r.path.endsWith('.html') || r.path.endsWith('.pdf'))
        .map((r) => r.path),
    )
    expect([...pagePaths]).toEqual(['/news/page500.html'])
    const items = await opened.db.selectFrom('feed_items').select(['url', 'status']).execute()
    const statusOf = (path: string) => items.find((i) => i.url.endsWith(path))?.status
    expect(statusOf('/news/missing.html')).toBe('rejected')
    expect(statusOf('/files/report.pdf')).toBe('rejected')
    expect(statusOf('/news/page500.html')).toBe('failed')
    expect(statusOf('/private/p1.html')).toBe('skipped')
    expect(statusOf('/news/a1.html')).toBe('fetched')
    const flaky = await opened.db
      .selectFrom('feeds')
      .selectAll()
      .where('source_id', '=', 'bad-flaky')
      .executeTakeFirstOrThrow()
    expect(flaky.consecutive_failures).toBe(0)
    const broken = await opened.db
      .selectFrom('feeds')
      .selectAll()
      .where('source_id', '=', 'bad-404')
      .executeTakeFirstOrThrow()
    expect(broken.consecutive_failures).toBe(2)
    expect(broken.last_status).toBe(404)
  })
})
