import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryCoMentions } from '../../src/query/co-mentions.js'
import { resolveEntity } from '../../src/query/resolve-entity.js'
import { openFixtureDb } from './fixture-db.js'

describe('queryCoMentions', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  it('lists co-mentioned entities by stories together, with the latest stories', async () => {
    const meta = await resolveEntity(f.db, 'Meta')
    expect(await queryCoMentions(f.db, meta, { examples: 2 })).toEqual([
      {
        rank: 1,
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        stories: 2,
        share: 0.333333,
        latest_at: '2026-11-28T08:00:00.000Z',
        examples: [
          {
            article_id: 11,
            title: 'Anthropic and Meta talk safety',
            url: 'https://alpha.example/story/11',
            story_at: '2026-11-28T08:00:00.000Z',
          },
          {
            article_id: 7,
            title: 'Anthropic wächst',
            url: 'https://beta.example/story/7',
            story_at: '2026-11-25T09:00:00.000Z',
          },
        ],
      },
      {
        rank: 2,
        entity_id: 1,
        entity_name: 'OpenAI',
        entity_kind: 'org',
        stories: 2,
        share: 0.333333,
        latest_at: '2026-11-10T09:00:00.000Z',
        examples: [
          {
            article_id: 3,
            title: 'OpenAI and Meta compete for talent',
            url: 'https://alpha.example/story/3',
            story_at: '2026-11-10T09:00:00.000Z',
          },
          {
            article_id: 2,
            title: 'Meta reorganises its AI lab',
            url: 'https://alpha.example/story/2',
            story_at: '2026-11-03T09:00:00.000Z',
          },
        ],
      },
      {
        rank: 3,
        entity_id: 5,
        entity_name: 'Devi Parikh',
        entity_kind: 'person',
        stories: 1,
        share: 0.166667,
        latest_at: '2026-11-27T09:00:00.000Z',
        examples: [
          {
            article_id: 9,
            title: 'Meta verliert Devi Parikh',
            url: 'https://beta.example/story/9',
            story_at: '2026-11-27T09:00:00.000Z',
          },
        ],
      },
    ])
  })

  it('filters by kind and time, counts copies only when asked', async () => {
    const leike = await resolveEntity(f.db, 'Jan Leike')
    const rows = await queryCoMentions(f.db, leike, { kind: 'org', examples: 0 })
    expect(rows.map((r) => [r.entity_name, r.stories, r.share, r.examples.length])).toEqual([
      ['Anthropic', 2, 1, 0],
      ['OpenAI', 1, 0.5, 0],
    ])
    const copies = await queryCoMentions(f.db, leike, {
      kind: 'org',
      includeDuplicates: true,
      examples: 0,
    })
    expect(copies.map((r) => [r.entity_name, r.stories])).toEqual([
      ['Anthropic', 3],
      ['OpenAI', 2],
    ])
    const meta = await resolveEntity(f.db, 'Meta')
    const recent = await queryCoMentions(f.db, meta, {
      since: '2026-11-20T00:00:00.000Z',
      limit: 1,
    })
    expect(recent.map((r) => [r.entity_name, r.stories])).toEqual([['Anthropic', 2]])
  })

  it('ranks like SQL grouping would, for every subject, kind and limit', async () => {
    // Reference: the plain GROUP BY this module avoids for speed (ties: name, then id).
    const reference = f.sqlite.prepare(`
      SELECT e.id AS entity_id, count(*) AS stories
      FROM mentions m JOIN mentions m2 ON m2.article_id = m.article_id AND m2.entity_id != m.entity_id
      JOIN entities e ON e.id = m2.entity_id
      WHERE m.entity_id = ? AND m.is_duplicate = 0 AND e.merged_into IS NULL AND (? IS NULL OR e.kind = ?)
      GROUP BY e.id ORDER BY stories DESC, e.name, e.id LIMIT ?`)
    const subjects = f.sqlite.prepare('SELECT id, key, name, kind FROM entities').all() as {
      id: number
      key: string
      name: string
      kind: 'person' | 'org'
    }[]
    let compared = 0
    for (const subject of subjects)
      for (const kind of [undefined, 'person', 'org'] as const)
        for (const limit of [1, 2, 3, 20]) {
          const rows = await queryCoMentions(f.db, subject, { kind, limit, examples: 0 })
          expect(rows.map((r) => ({ entity_id: r.entity_id, stories: r.stories }))).toEqual(
            reference.all(subject.id, kind ?? null, kind ?? null, limit),
          )
          compared += rows.length
        }
    expect(compared).toBeGreaterThan(20)
  })
})
