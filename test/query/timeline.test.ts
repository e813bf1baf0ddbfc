import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveEntity } from '../../src/query/resolve-entity.js'
import { queryTimeline } from '../../src/query/timeline.js'
import { NOW, openFixtureDb } from './fixture-db.js'

describe('queryTimeline', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  it('gives one row per week and entity, gaps as zeros, with the share of all stories', async () => {
    const meta = await resolveEntity(f.db, 'Meta Platforms')
    const anthropic = await resolveEntity(f.db, 'anthropic')
    const rows = await queryTimeline(f.db, [meta, anthropic], {
      by: 'week',
      since: '2026-11-02T00:00:00.000Z',
      until: NOW.toISOString(),
    })
    expect(
      rows.map((r) => [r.bucket, r.entity_name, r.stories, r.mentions, r.total_stories, r.share]),
    ).toEqual([
      ['2026-11-02', 'Meta', 1, 3, 1, 1],
      ['2026-11-02', 'Anthropic', 0, 0, 1, 0],
      ['2026-11-09', 'Meta', 1, 1, 1, 1],
      ['2026-11-09', 'Anthropic', 0, 0, 1, 0],
      ['2026-11-16', 'Meta', 1, 2, 1, 1],
      ['2026-11-16', 'Anthropic', 0, 0, 1, 0],
      ['2026-11-23', 'Meta', 3, 4, 6, 0.5],
      ['2026-11-23', 'Anthropic', 4, 6, 6, 0.666667],
    ])
    expect(rows[0]).toEqual({
      bucket: '2026-11-02',
      entity_id: 2,
      entity_name: 'Meta',
      stories: 1,
      mentions: 3,
      total_stories: 1,
      share: 1,
    })
  })

  it('by day and month; without since it starts at the first mention', async () => {
    const leike = await resolveEntity(f.db, 'Leike')
    const days = await queryTimeline(f.db, [leike], {
      by: 'day',
      until: '2026-11-26T00:00:00.000Z',
    })
    expect(days.map((r) => [r.bucket, r.stories, r.total_stories])).toEqual([
      ['2026-11-23', 1, 1],
      ['2026-11-24', 1, 1],
      ['2026-11-25', 0, 1],
    ])
    const withCopies = await queryTimeline(f.db, [leike], {
      by: 'month',
      until: NOW.toISOString(),
      includeDuplicates: true,
    })
    expect(withCopies.map((r) => [r.bucket, r.stories, r.mentions, r.total_stories])).toEqual([
      ['2026-11-01', 3, 7, 10],
    ])
  })

  it('gives day buckets over a short range', async () => {
    const meta = await resolveEntity(f.db, 'Meta')
    const anthropic = await resolveEntity(f.db, 'Anthropic')
    const short = { since: '2026-11-27T00:00:00.000Z', until: NOW.toISOString() }
    expect(
      (await queryTimeline(f.db, [meta, anthropic], { ...short, by: 'day' })).map((r) => [
        r.bucket,
        r.entity_name,
        r.stories,
      ]),
    ).toEqual([
      ['2026-11-27', 'Meta', 1],
      ['2026-11-27', 'Anthropic', 0],
      ['2026-11-28', 'Meta', 1],
      ['2026-11-28', 'Anthropic', 1],
    ])
  })

  it('filters by source and language', async () => {
    const meta = await resolveEntity(f.db, 'Meta')
    const rows = await queryTimeline(f.db, [meta], {
      by: 'month',
      since: '2026-10-01T00:00:00.000Z',
      until: NOW.toISOString(),
      languages: ['de'],
    })
    expect(rows.map((r) => [r.bucket, r.stories, r.total_stories])).toEqual([
      ['2026-10-01', 0, 0],
      ['2026-11-01', 3, 3],
    ])
  })

  it('names an unknown entity in the error', async () => {
    await expect(resolveEntity(f.db, 'Nobody Inc')).rejects.toThrow('no entity named "Nobody Inc"')
  })
})
