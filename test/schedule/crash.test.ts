import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import { type ChildCli, killAll, spawnNewshound } from '../helpers/child-cli.js'
import { makeTempDir } from '../helpers/env.js'
import { importLocalSource } from '../helpers/local-source.js'
import { articleHtml, articleParagraphs, rssFeed } from '../helpers/news-site.js'

/**
 * Crash safety with a real process and a real kill: `newshound crawl` runs as a child against a
 * local site of slow pages and gets SIGKILLed at three points (while polling the feed, after some
 * articles are stored, just after a page arrives, i.e. while it is extracted, stored or
 * enriched). After each kill the database must be intact with no half-written or duplicate
 * article, and a last run must store the rest.
 */

const ITEMS = 48
const PAGE_DELAY_MS = 150
const pagePath = (n: number) => `/p/${n}.html`
const titleOf = (n: number) => `Generated story number ${n}`

describe('kill -9 mid-crawl', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let server: FixtureServer
  let dbPath: string
  let onFeed: () => void = () => undefined
  let onPageSent: (count: number) => void = () => undefined
  let pagesSent = 0
  const children: ChildCli[] = []

  beforeEach(async () => {
    tmp = await makeTempDir('newshound-crash-')
    dbPath = join(tmp.dir, 'crash.db')
    server = await startFixtureServer({
      routes: {
        '/feed.xml': (_req, res, srv) => {
          onFeed()
          res.setHeader('content-type', 'application/rss+xml')
          const items = Array.from({ length: ITEMS }, (_, n) => ({
            title: titleOf(n),
            link: srv.url(pagePath(n)),
            guid: `item-${n}`,
          }))
          res.end(rssFeed('Crash site', items))
        },
      },
    })
    for (let n = 0; n < ITEMS; n++) {
      server.route(pagePath(n), async (_req, res, srv) => {
        await new Promise((r) => setTimeout(r, PAGE_DELAY_MS))
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.on('finish', () => onPageSent(++pagesSent))
        res.end(
          articleHtml({
            url: srv.url(pagePath(n)),
            title: titleOf(n),
            seed: 1000 + n,
            publishedAt: '2026-11-20T09:00:00Z',
          }),
        )
      })
    }
    await importLocalSource(dbPath, {
      id: 'crash-site',
      name: 'Crash site',
      homepage: server.url('/'),
      feeds: [server.url('/feed.xml')],
      schedule: '*/30 * * * *',
    })
  })

  afterEach(async () => {
    await killAll(children)
    await server.close()
    await tmp.cleanup()
  })

  function crawl(): ChildCli {
    const cli = spawnNewshound(
      ['--db', dbPath, 'crawl', '--source', 'crash-site', '--no-robots', '--quiet'],
      {
        env: {
          NEWSHOUND_CONCURRENCY: '4',
          NEWSHOUND_HOST_DELAY_MS: '0',
          NEWSHOUND_TIMEOUT_MS: '5000',
          NEWSHOUND_STORAGE_DIR: tmp.dir,
          CRAWLEE_STORAGE_DIR: join(tmp.dir, 'crawlee'),
        },
      },
    )
    children.push(cli)
    return cli
  }

  /** Reads with its own connection, as an analyst's sqlite3 would while the crawler writes. */
  function inspect<T>(fn: (sqlite: SQLite.Database) => T): T {
    const sqlite = new SQLite(dbPath, { readonly: true })
    try {
      sqlite.pragma('busy_timeout = 5000')
      return fn(sqlite)
    } finally {
      sqlite.close()
    }
  }

  const countArticles = () =>
    inspect((s) => (s.prepare('select count(*) as n from articles').get() as { n: number }).n)

  /** What must hold after any kill: integrity, no duplicates, no half-written article. */
  function expectConsistent(): { articles: number } {
    return inspect((s) => {
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(s.pragma('foreign_key_check')).toEqual([])
      const rows = s
        .prepare('select id, canonical_url, url, title, text, content_hash from articles')
        .all() as {
        id: number
        canonical_url: string
        url: string
        title: string | null
        text: string
        content_hash: string
      }[]
      expect(new Set(rows.map((r) => r.canonical_url)).size).toBe(rows.length)
      for (const row of rows) {
        const n = Number(/\/p\/(\d+)\.html$/.exec(row.canonical_url)?.[1])
        expect(row.title).toBe(titleOf(n))
        // Complete: every paragraph of the page is in the stored text, the last one included.
        for (const paragraph of articleParagraphs(1000 + n)) expect(row.text).toContain(paragraph)
        expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/)
      }
      const items = s
        .prepare(
          'select feed_id, item_key, count(*) as n from feed_items group by feed_id, item_key having n > 1',
        )
        .all()
      expect(items).toEqual([])
      // A feed item never points at a missing article, and no two items of one feed share one.
      const dangling = s
        .prepare(
          'select count(*) as n from feed_items where article_id is not null and article_id not in (select id from articles)',
        )
        .get() as { n: number }
      expect(dangling.n).toBe(0)
      const shared = s
        .prepare(
          'select article_id, count(*) as n from feed_items where article_id is not null group by article_id having n > 1',
        )
        .all()
      expect(shared).toEqual([])
      return { articles: rows.length }
    })
  }

  async function killWhen(
    cli: ChildCli,
    condition: () => boolean,
    timeoutMs = 30_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(`kill condition not reached in ${timeoutMs} ms; stderr: ${cli.stderr()}`)
      if (cli.child.exitCode !== null)
        throw new Error(
          `crawl ended before it could be killed (exit ${cli.child.exitCode}): ${cli.stderr()}`,
        )
      await new Promise((r) => setTimeout(r, 10))
    }
    cli.child.kill('SIGKILL')
    expect(await cli.exited).toBe('SIGKILL')
  }

  it('after kills while polling, between articles and while storing, a last run stores the rest without duplicates', async () => {
    // 1. While the feed is being fetched: nothing of this run is committed yet.
    let feedRequested = false
    onFeed = () => {
      feedRequested = true
    }
    const first = crawl()
    await killWhen(first, () => feedRequested)
    onFeed = () => undefined
    expect(expectConsistent().articles).toBe(0)

    // 2. Some articles in: the run is killed between (or during) article writes.
    const second = crawl()
    await killWhen(second, () => countArticles() >= 8)
    const afterSecond = expectConsistent().articles
    expect(afterSecond).toBeGreaterThanOrEqual(8)
    expect(afterSecond).toBeLessThan(ITEMS)

    // 3. A few milliseconds after a page has been served: the child is parsing, extracting,
    //    storing or enriching it when the kill lands.
    let killNow = false
    const target = pagesSent + 12
    onPageSent = (count) => {
      if (count === target) setTimeout(() => (killNow = true), Math.floor(Math.random() * 15))
    }
    const third = crawl()
    await killWhen(third, () => killNow)
    onPageSent = () => undefined
    const afterThird = expectConsistent().articles
    expect(afterThird).toBeGreaterThan(afterSecond)

    // 4. Left alone, a run completes and stores exactly what is missing.
    const last = crawl()
    expect(await last.exited).toBe(0)
    expect(expectConsistent().articles).toBe(ITEMS)
    inspect((s) => {
      const statuses = s
        .prepare('select status, count(*) as n from feed_items group by status')
        .all()
      expect(statuses).toEqual([{ status: 'fetched', n: ITEMS }])
      const runs = s.prepare('select status, articles_new from crawl_runs order by id').all() as {
        status: string
        articles_new: number
      }[]
      expect(runs).toHaveLength(4)
      // The killed runs never got to finish their row; the last one did, with the rest of the articles.
      expect(runs.slice(0, 3).map((r) => r.status)).toEqual(['running', 'running', 'running'])
      expect(runs[3]?.status).toBe('completed')
      expect(runs[3]?.articles_new).toBe(ITEMS - afterThird)
    })
    // Pages in flight at a kill are fetched again; nothing else is.
    const pageRequests = server.requests.filter((r) => r.path.startsWith('/p/')).length
    expect(pageRequests).toBeLessThanOrEqual(ITEMS + 3 * 4)
  }, 180_000)
})
