import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import { silentLogger } from '../../src/log.js'
import { type CrawlRunSummary, runCrawl } from '../../src/pipeline.js'
import { defineSource } from '../../src/sources.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { makeTempDir, testConfig } from '../helpers/env.js'

interface Manifest {
  sites: { id: string; name: string; language: string; prefix: string; feeds: string[] }[]
  articles: { path: string; duplicateOf: string | null }[]
}

const CORPUS = resolve(import.meta.dirname, '../../demo/corpus')

describe('demo corpus: the syndicated copy of the seed story counts once', () => {
  let server: FixtureServer
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase
  let manifest: Manifest
  let summary: CrawlRunSummary

  beforeAll(async () => {
    manifest = JSON.parse(await readFile(join(CORPUS, 'manifest.json'), 'utf8')) as Manifest
    tmp = await makeTempDir()
    server = await startFixtureServer({ root: CORPUS })
    const config = testConfig(tmp.dir)
    // The same local sources scripts/demo.ts builds.
    const sources = manifest.sites.map((site) =>
      defineSource({
        id: `demo-${site.id}`,
        name: site.name,
        homepage: server.url(`${site.prefix}/`),
        language: site.language,
        feeds: site.feeds.map((f) => server.url(f)),
        schedule: '*/15 * * * *',
        local: true,
        politeness: { delayMs: 0 },
      }),
    )
    opened = await openDatabase(config.db)
    summary = await runCrawl({
      db: opened.db,
      config,
      sources,
      log: silentLogger(),
      trigger: 'test',
    })
  })
  afterAll(async () => {
    await opened?.close()
    await server?.close()
    await tmp?.cleanup()
  })

  const byPath = async () => {
    const rows = await opened.db
      .selectFrom('articles')
      .select(['id', 'url', 'canonical_url', 'duplicate_of', 'cluster_id'])
      .execute()
    return new Map(rows.map((r) => [new URL(r.canonical_url).pathname, r]))
  }

  it('stores every manifest article once', async () => {
    const rows = await byPath()
    for (const a of manifest.articles) expect(rows.has(a.path), a.path).toBe(true)
    expect(rows.size).toBe(manifest.articles.length)
    expect(summary.articlesNew).toBe(manifest.articles.length)
    expect(summary.articlesDuplicate).toBe(
      manifest.articles.filter((a) => a.duplicateOf !== null).length,
    )
  })

  it('points each manifest duplicate at its original (duplicate_of and cluster_id)', async () => {
    const rows = await byPath()
    const copies = manifest.articles.filter((a) => a.duplicateOf !== null)
    expect(copies.length).toBeGreaterThan(0)
    for (const copy of copies) {
      const original = rows.get(copy.duplicateOf as string)
      const stored = rows.get(copy.path)
      expect(original, copy.duplicateOf as string).toBeDefined()
      expect(stored?.duplicate_of, copy.path).toBe(original?.id)
      expect(stored?.cluster_id, copy.path).toBe(original?.id)
      expect(original?.duplicate_of).toBeNull()
      expect(original?.cluster_id).toBe(original?.id)
    }
  })

  it('keeps every other article its own story (no distinct story merged)', async () => {
    const rows = await byPath()
    for (const a of manifest.articles.filter((x) => x.duplicateOf === null)) {
      const stored = rows.get(a.path)
      expect(stored?.duplicate_of, a.path).toBeNull()
      expect(stored?.cluster_id, a.path).toBe(stored?.id)
    }
    const stories = await opened.db
      .selectFrom('articles')
      .select((eb) => eb.fn.count<number>('cluster_id').distinct().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(stories.n)).toBe(manifest.articles.filter((a) => a.duplicateOf === null).length)
  })

  it('records the duplicate count on the run', async () => {
    const run = await opened.db
      .selectFrom('crawl_runs')
      .select('articles_duplicate')
      .where('id', '=', summary.runId)
      .executeTakeFirstOrThrow()
    expect(run.articles_duplicate).toBe(summary.articlesDuplicate)
  })
})
