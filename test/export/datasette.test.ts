import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CANNED_QUERIES, renderDatasetteYaml, TABLES } from '../../src/export/datasette.js'
import { queryCoMentions } from '../../src/query/co-mentions.js'
import { resolveEntity } from '../../src/query/resolve-entity.js'
import { queryTimeline } from '../../src/query/timeline.js'
import { queryRisingEntities } from '../../src/query/trends.js'
import { NOW, openFixtureDb } from '../query/fixture-db.js'

const ROOT = resolve(import.meta.dirname, '../..')

describe('datasette.yaml', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
  })
  afterAll(async () => f.cleanup())
  // Datasette passes every parameter as text, like this.
  const run = (name: string, params: Record<string, string>) =>
    f.sqlite.prepare((CANNED_QUERIES[name] as { sql: string }).sql).all(params) as Record<
      string,
      unknown
    >[]

  it('is current (regenerate: npx tsx -e "import(\'./src/export/datasette.ts\').then(m => process.stdout.write(m.renderDatasetteYaml()))" > datasette.yaml)', async () => {
    expect(await readFile(resolve(ROOT, 'datasette.yaml'), 'utf8')).toBe(renderDatasetteYaml())
  })

  it('describes the analyst views and the main tables that exist', () => {
    const existing = new Set(
      (
        f.sqlite
          .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
          .all() as { name: string }[]
      ).map((r) => r.name),
    )
    for (const name of [
      'articles',
      'entities',
      'mentions',
      'article_mentions',
      'entity_daily',
      'sources',
      'feeds',
    ])
      expect(Object.keys(TABLES)).toContain(name)
    for (const name of Object.keys(TABLES).filter(
      (n) => !['talent_moves', 'move_reports'].includes(n),
    ))
      expect(existing.has(name), name).toBe(true)
  })

  it('rising_entities orders like queryRisingEntities', async () => {
    const rows = run('rising_entities', {
      window_start: '2026-11-22T00:00:00.000Z',
      window_end: '2026-11-29T00:00:00.000Z',
      baseline_start: '2026-10-25T00:00:00.000Z',
      min_stories: '2',
    })
    const ours = await queryRisingEntities(f.db, { now: NOW })
    expect(
      rows.map((r) => [r['entity'], r['stories'], r['baseline_stories'], r['expected_stories']]),
    ).toEqual(ours.map((r) => [r.entity_name, r.stories, r.baseline_stories, r.expected_stories]))
    expect(rows.map((r) => Math.round(Math.log2(r['ratio'] as number) * 100) / 100)).toEqual(
      ours.map((r) => Math.round(r.score * 100) / 100),
    )
  })

  it('entity_timeline and co_mentions agree with the TypeScript queries', async () => {
    const meta = await resolveEntity(f.db, 'Meta')
    const weeks = run('entity_timeline', { entity: 'Meta', since: '2026-11-02T00:00:00.000Z' })
    const ours = await queryTimeline(f.db, [meta], {
      by: 'week',
      since: '2026-11-02T00:00:00.000Z',
      until: NOW.toISOString(),
    })
    expect(weeks).toEqual(
      ours.map((r) => ({
        week: r.bucket,
        stories: r.stories,
        mentions: r.mentions,
        total_stories: r.total_stories,
      })),
    )
    const co = run('co_mentions', { entity: 'Meta' })
    expect(co.map((r) => [r['entity'], r['stories']])).toEqual(
      (await queryCoMentions(f.db, meta)).map((r) => [r.entity_name, r.stories]),
    )
  })

  it('search_stories, source_health and talent_flows run', () => {
    expect(run('search_stories', { q: 'Leike' }).map((r) => r['article_id'])).toEqual([5, 6])
    expect(
      run('source_health', {}).map((r) => [r['source_id'], r['stories'], r['feeds_failing']]),
    ).toEqual([
      ['alpha', 7, 0],
      ['beta', 3, 1],
    ])
    expect(
      run('talent_flows', { since: '2026-01-01' }).map((r) => [
        r['from_org'],
        r['to_org'],
        r['moves'],
      ]),
    ).toEqual([
      ['Meta', null, 1],
      ['OpenAI', 'Anthropic', 1],
    ])
  })
})
