import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import { silentLogger } from '../../src/log.js'
import { runCrawl } from '../../src/pipeline.js'
import { defineSource } from '../../src/sources.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { makeTempDir, testConfig } from '../helpers/env.js'

const SITE = resolve(import.meta.dirname, '../fixtures/site')

describe('sources with sitemaps', () => {
  let server: FixtureServer
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    server = await startFixtureServer({ root: SITE })
    opened = await openDatabase(testConfig(tmp.dir).db)
  })
  afterEach(async () => {
    await opened.close()
    await server.close()
    await tmp.cleanup()
  })

  it('takes URLs from a Google News sitemap and a sitemap index like feed items', async () => {
    const source = defineSource({
      id: 'sitemap-only',
      name: 'Sitemap only',
      homepage: server.url('/'),
      language: 'en',
      feeds: [],
      sitemaps: [server.url('/sitemaps/news.xml'), server.url('/sitemaps/index.xml')],
      schedule: '*/30 * * * *',
      local: true,
    })
    const config = testConfig(tmp.dir)
    const summary = await runCrawl({
      db: opened.db,
      config,
      sources: [source],
      log: silentLogger(),
    })
    expect(summary.feedsFailed).toBe(0)
    expect(summary.articlesNew).toBe(2)
    const items = await opened.db
      .selectFrom('feed_items')
      .select(['url', 'title', 'published_at'])
      .orderBy('url')
      .execute()
    expect(items).toEqual([
      {
        url: server.url('/news/a2.html'),
        title: 'Chipmaker opens a design centre in Dresden',
        published_at: '2026-11-21T10:30:00.000Z',
      },
      { url: server.url('/news/a3.html'), title: null, published_at: '2026-11-22T08:15:00.000Z' },
    ])
    const again = await runCrawl({ db: opened.db, config, sources: [source], log: silentLogger() })
    expect(again.articlesNew).toBe(0)
    expect(again.feedsNotModified).toBe(2)
  })
})

describe('catch-up enrichment', () => {
  it('a run enriches articles of its sources that a killed process stored without entities', async () => {
    const tmp = await makeTempDir()
    const server = await startFixtureServer({ root: SITE })
    const opened = await openDatabase(testConfig(tmp.dir).db)
    try {
      const source = defineSource({
        id: 'fixture',
        name: 'Fixture',
        homepage: server.url('/'),
        language: 'en',
        feeds: [server.url('/news/atom.xml')],
        schedule: '*/30 * * * *',
        local: true,
      })
      const config = testConfig(tmp.dir)
      await runCrawl({ db: opened.db, config, sources: [source], log: silentLogger() })
      // As if the process had died between storing and enriching:
      await opened.db.deleteFrom('mentions').execute()
      await opened.db
        .updateTable('articles')
        .set({ enriched_at: null, enrichment_version: null })
        .execute()
      await runCrawl({ db: opened.db, config, sources: [source], log: silentLogger() })
      const rows = await opened.db.selectFrom('articles').select(['enriched_at']).execute()
      expect(rows.every((r) => r.enriched_at !== null)).toBe(true)
      expect(
        (await opened.db.selectFrom('mentions').select('article_id').execute()).length,
      ).toBeGreaterThan(0)
    } finally {
      await opened.close()
      await server.close()
      await tmp.cleanup()
    }
  })
})
