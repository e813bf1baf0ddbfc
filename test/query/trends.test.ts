import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRisingEntities } from '../../src/query/trends.js'
import { NOW, openFixtureDb } from './fixture-db.js'

describe('queryRisingEntities', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  const window = {
    window_start: '2026-11-22T00:00:00.000Z',
    window_end: '2026-11-29T00:00:00.000Z',
  }

  it('ranks by the smoothed log-ratio against the baseline share, with the top story', async () => {
    expect(await queryRisingEntities(f.db, { now: NOW })).toEqual([
      {
        rank: 1,
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        ...window,
        stories: 4,
        mentions: 6,
        baseline_stories: 0,
        expected_stories: 0,
        share: 0.666667,
        baseline_share: 0,
        score: 0.848,
        top_story_id: 7,
        top_story_title: 'Anthropic wächst',
        top_story_url: 'https://beta.example/story/7',
        top_story_at: '2026-11-25T09:00:00.000Z',
      },
      {
        rank: 2,
        entity_id: 4,
        entity_name: 'Jan Leike',
        entity_kind: 'person',
        ...window,
        stories: 2,
        mentions: 4,
        baseline_stories: 0,
        expected_stories: 0,
        share: 0.333333,
        baseline_share: 0,
        score: 0.4854,
        top_story_id: 5,
        top_story_title: 'Jan Leike joins Anthropic',
        top_story_url: 'https://alpha.example/story/5',
        top_story_at: '2026-11-23T09:00:00.000Z',
      },
      // 3 window stories against 3 baseline stories scaled by 6/4 stories: falling.
      {
        rank: 3,
        entity_id: 2,
        entity_name: 'Meta',
        entity_kind: 'org',
        ...window,
        stories: 3,
        mentions: 4,
        baseline_stories: 3,
        expected_stories: 4.5,
        share: 0.5,
        baseline_share: 0.75,
        score: -0.2479,
        top_story_id: 9,
        top_story_title: 'Meta verliert Devi Parikh',
        top_story_url: 'https://beta.example/story/9',
        top_story_at: '2026-11-27T09:00:00.000Z',
      },
    ])
  })

  it('does not reward one-story flukes: a single story scores below a sustained rise', async () => {
    const rows = await queryRisingEntities(f.db, { now: NOW, minStories: 1 })
    expect(rows.map((r) => [r.entity_name, r.stories, r.score])).toEqual([
      ['Anthropic', 4, 0.848],
      ['Jan Leike', 2, 0.4854],
      ['Acme', 1, 0.263],
      ['Devi Parikh', 1, 0.263],
      ['Meta', 3, -0.2479],
      ['OpenAI', 1, -0.663],
    ])
  })

  it('counts copies only with includeDuplicates', async () => {
    const rows = await queryRisingEntities(f.db, {
      now: NOW,
      includeDuplicates: true,
      kind: 'person',
    })
    expect(rows.map((r) => [r.entity_name, r.stories, r.mentions])).toEqual([['Jan Leike', 3, 7]])
  })

  it('filters by kind, source and language and takes explicit windows', async () => {
    expect(
      (await queryRisingEntities(f.db, { now: NOW, kind: 'person' })).map((r) => r.entity_name),
    ).toEqual(['Jan Leike'])
    expect(
      (await queryRisingEntities(f.db, { now: NOW, languages: ['de'], minStories: 1 })).map((r) => [
        r.entity_name,
        r.stories,
        r.baseline_stories,
      ]),
    ).toEqual([
      ['Anthropic', 1, 0],
      ['Devi Parikh', 1, 0],
      ['Meta', 2, 1],
    ])
    const since = await queryRisingEntities(f.db, {
      since: '2026-11-25T00:00:00.000Z',
      until: NOW.toISOString(),
      baselineDays: 7,
    })
    expect(
      since.map((r) => [r.entity_name, r.stories, r.baseline_stories, r.window_start]),
    ).toEqual([
      ['Meta', 3, 0, '2026-11-25T00:00:00.000Z'],
      ['Anthropic', 2, 2, '2026-11-25T00:00:00.000Z'],
    ])
  })

  it('returns nothing for an empty window', async () => {
    expect(await queryRisingEntities(f.db, { now: new Date('2020-01-01T00:00:00Z') })).toEqual([])
  })
})
