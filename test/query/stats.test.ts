import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bucketOf, bucketsBetween, parseDays, parseTimeOption } from '../../src/query/range.js'
import {
  queryStatsDays,
  queryStatsFeeds,
  queryStatsLanguages,
  queryStatsSources,
} from '../../src/query/stats.js'
import { queryFlows, queryLatestMoves } from '../../src/query/talent-flows.js'
import { NOW, openFixtureDb } from './fixture-db.js'

describe('stats queries', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  it('per source: articles, stories, range and feed health', async () => {
    expect(await queryStatsSources(f.db)).toEqual([
      {
        source_id: 'alpha',
        source_name: 'Alpha News',
        language: 'en',
        articles: 8,
        stories: 7,
        first_story_at: '2026-10-27T09:00:00.000Z',
        last_story_at: '2026-11-28T08:00:00.000Z',
        feeds: 1,
        feeds_failing: 0,
        last_success_at: '2026-11-28T10:00:00.000Z',
        health: 'ok',
      },
      {
        source_id: 'beta',
        source_name: 'Beta Nachrichten',
        language: 'de',
        articles: 3,
        stories: 3,
        first_story_at: '2026-11-17T09:00:00.000Z',
        last_story_at: '2026-11-27T09:00:00.000Z',
        feeds: 1,
        feeds_failing: 1,
        last_success_at: '2026-11-25T10:00:00.000Z',
        health: 'failing',
      },
    ])
    expect(
      (
        await queryStatsSources(f.db, { since: '2026-11-20T00:00:00.000Z', sources: ['alpha'] })
      ).map((r) => [r.source_id, r.articles, r.stories]),
    ).toEqual([['alpha', 5, 4]])
  })

  it('per source and language', async () => {
    expect(await queryStatsLanguages(f.db)).toEqual([
      { source_id: 'alpha', language: 'en', articles: 8, stories: 7, share: 1 },
      { source_id: 'beta', language: 'de', articles: 3, stories: 3, share: 1 },
    ])
  })

  it('coverage by day with silent days', async () => {
    expect(
      await queryStatsDays(f.db, { since: '2026-11-22T00:00:00.000Z', until: NOW.toISOString() }),
    ).toEqual([
      { day: '2026-11-22', articles: 0, stories: 0, sources: 0 },
      { day: '2026-11-23', articles: 1, stories: 1, sources: 1 },
      { day: '2026-11-24', articles: 1, stories: 1, sources: 1 },
      { day: '2026-11-25', articles: 1, stories: 1, sources: 1 },
      { day: '2026-11-26', articles: 1, stories: 1, sources: 1 },
      { day: '2026-11-27', articles: 2, stories: 1, sources: 2 },
      { day: '2026-11-28', articles: 1, stories: 1, sources: 1 },
    ])
    expect(await queryStatsDays(f.db, { now: NOW })).toHaveLength(30)
  })

  it('feeds, worst first', async () => {
    expect(
      (await queryStatsFeeds(f.db)).map((r) => [
        r.source_id,
        r.health,
        r.consecutive_failures,
        r.last_error,
      ]),
    ).toEqual([
      ['beta', 'failing', 3, 'HTTP 503'],
      ['alpha', 'ok', 0, null],
    ])
  })
})

describe('talent flows and latest moves', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
  })
  afterAll(async () => f.cleanup())

  it('flows between organisations, reported moves only by default', async () => {
    expect(await queryFlows(f.db)).toEqual([
      {
        from_org_id: 2,
        from_org_name: 'Meta',
        to_org_id: null,
        to_org_name: null,
        moves: 1,
        people: 1,
        latest_at: '2026-11-27',
      },
      {
        from_org_id: 1,
        from_org_name: 'OpenAI',
        to_org_id: 3,
        to_org_name: 'Anthropic',
        moves: 1,
        people: 1,
        latest_at: '2026-11-23',
      },
    ])
    expect(
      (await queryFlows(f.db, { status: 'all', languages: ['en'] })).map((r) => [
        r.from_org_name,
        r.to_org_name,
      ]),
    ).toEqual([
      ['Anthropic', 'Meta'],
      ['OpenAI', 'Anthropic'],
    ])
    expect(await queryFlows(f.db, { until: '2026-11-23T00:00:00.000Z' })).toEqual([])
    expect(
      (await queryFlows(f.db, { until: '2026-11-23T00:00:01.000Z' })).map((r) => r.to_org_name),
    ).toEqual(['Anthropic'])
  })

  it('latest moves with their evidence', async () => {
    const moves = await queryLatestMoves(f.db)
    expect(
      moves.map((m) => [
        m.move_id,
        m.move_day,
        m.person_name,
        m.from_org_name,
        m.to_org_name,
        m.evidence.map((e) => e.article_id),
      ]),
    ).toEqual([
      [2, '2026-11-27', 'Devi Parikh', 'Meta', null, [9]],
      [1, '2026-11-23', 'Jan Leike', 'OpenAI', 'Anthropic', [5, 6]],
    ])
    expect(moves[1]?.evidence[0]).toEqual({
      article_id: 5,
      title: 'Jan Leike joins Anthropic',
      url: 'https://alpha.example/story/5',
      source_id: 'alpha',
      sentence: 'Jan Leike, formerly of OpenAI, joins Anthropic.',
    })
  })
})

describe('time options', () => {
  const now = new Date('2026-11-29T12:00:00.000Z')
  it('reads relative ranges and ISO dates as absolute UTC times', () => {
    expect(parseTimeOption('7d', '--since', now)).toBe('2026-11-22T12:00:00.000Z')
    expect(parseTimeOption('24h', '--since', now)).toBe('2026-11-28T12:00:00.000Z')
    expect(parseTimeOption('2w', '--since', now)).toBe('2026-11-15T12:00:00.000Z')
    expect(parseTimeOption('3m', '--since', now)).toBe('2026-08-29T12:00:00.000Z')
    expect(parseTimeOption('1y', '--since', now)).toBe('2025-11-29T12:00:00.000Z')
    expect(parseTimeOption('2026-11-01', '--since', now)).toBe('2026-11-01T00:00:00.000Z')
    expect(parseTimeOption('2026-11', '--since', now)).toBe('2026-11-01T00:00:00.000Z')
    expect(parseTimeOption('2026', '--since', now)).toBe('2026-01-01T00:00:00.000Z')
    expect(parseTimeOption('2026-11-01T10:00', '--since', now)).toBe('2026-11-01T10:00:00.000Z')
    expect(parseTimeOption('2026-11-01T10:00+01:00', '--since', now)).toBe(
      '2026-11-01T09:00:00.000Z',
    )
    expect(parseTimeOption(undefined, '--since', now)).toBeUndefined()
    expect(() => parseTimeOption('last week', '--since', now)).toThrow('--since expects a date')
    expect(parseDays('2w', '--window')).toBe(14)
    expect(parseDays('36h', '--window')).toBe(1.5)
    expect(parseDays('7', '--window')).toBe(7)
    expect(() => parseDays('0d', '--window')).toThrow('--window expects')
  })

  it('buckets weeks from Monday and lists every bucket', () => {
    expect(bucketOf('2026-11-29T23:00:00.000Z', 'week')).toBe('2026-11-23')
    expect(bucketOf('2026-11-23T00:00:00.000Z', 'week')).toBe('2026-11-23')
    expect(bucketOf('2026-11-29T23:00:00.000Z', 'month')).toBe('2026-11-01')
    expect(bucketsBetween('2026-11-20T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 'week')).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ])
    expect(bucketsBetween('2026-11-30T00:00:00.000Z', '2027-01-02T00:00:00.000Z', 'month')).toEqual(
      ['2026-11-01', '2026-12-01', '2027-01-01'],
    )
  })
})
