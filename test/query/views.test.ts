import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFixtureDb } from './fixture-db.js'

describe('views for SQL users (migration 0005)', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
  })
  afterAll(async () => f.cleanup())

  it('article_mentions: one readable row per article and entity', () => {
    const rows = f.sqlite
      .prepare(
        'SELECT * FROM article_mentions WHERE article_id IN (9, 10) ORDER BY article_id, entity_id',
      )
      .all()
    expect(rows).toEqual([
      {
        article_id: 9,
        article_title: 'Meta verliert Devi Parikh',
        article_url: 'https://beta.example/story/9',
        source_id: 'beta',
        source_name: 'Beta Nachrichten',
        language: 'de',
        published_at: '2026-11-27T09:00:00.000Z',
        day: '2026-11-27',
        entity_id: 2,
        entity_name: 'Meta',
        entity_kind: 'org',
        mention_count: 2,
        surface: 'Meta',
        is_duplicate: 0,
      },
      {
        article_id: 9,
        article_title: 'Meta verliert Devi Parikh',
        article_url: 'https://beta.example/story/9',
        source_id: 'beta',
        source_name: 'Beta Nachrichten',
        language: 'de',
        published_at: '2026-11-27T09:00:00.000Z',
        day: '2026-11-27',
        entity_id: 5,
        entity_name: 'Devi Parikh',
        entity_kind: 'person',
        mention_count: 2,
        surface: 'Devi Parikh',
        is_duplicate: 0,
      },
      {
        article_id: 10,
        article_title: 'Jan Leike joins Anthropic (wire copy)',
        article_url: 'https://alpha.example/story/10',
        source_id: 'alpha',
        source_name: 'Alpha News',
        language: 'en',
        published_at: '2026-11-27T12:00:00.000Z',
        day: '2026-11-27',
        entity_id: 1,
        entity_name: 'OpenAI',
        entity_kind: 'org',
        mention_count: 1,
        surface: 'OpenAI',
        is_duplicate: 1,
      },
      {
        article_id: 10,
        article_title: 'Jan Leike joins Anthropic (wire copy)',
        article_url: 'https://alpha.example/story/10',
        source_id: 'alpha',
        source_name: 'Alpha News',
        language: 'en',
        published_at: '2026-11-27T12:00:00.000Z',
        day: '2026-11-27',
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        mention_count: 2,
        surface: 'Anthropic',
        is_duplicate: 1,
      },
      {
        article_id: 10,
        article_title: 'Jan Leike joins Anthropic (wire copy)',
        article_url: 'https://alpha.example/story/10',
        source_id: 'alpha',
        source_name: 'Alpha News',
        language: 'en',
        published_at: '2026-11-27T12:00:00.000Z',
        day: '2026-11-27',
        entity_id: 4,
        entity_name: 'Jan Leike',
        entity_kind: 'person',
        mention_count: 3,
        surface: 'Jan Leike',
        is_duplicate: 1,
      },
    ])
  })

  it('entity_daily: stories (not copies) and mentions per entity and day', () => {
    expect(
      f.sqlite
        .prepare("SELECT * FROM entity_daily WHERE entity_name = 'Anthropic' ORDER BY day")
        .all(),
    ).toEqual([
      {
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        day: '2026-11-23',
        stories: 1,
        mentions: 2,
      },
      {
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        day: '2026-11-24',
        stories: 1,
        mentions: 1,
      },
      {
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        day: '2026-11-25',
        stories: 1,
        mentions: 2,
      },
      {
        entity_id: 3,
        entity_name: 'Anthropic',
        entity_kind: 'org',
        day: '2026-11-28',
        stories: 1,
        mentions: 1,
      },
    ])
  })

  it('both views are listed in sqlite_master', () => {
    const names = f.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
      .all() as { name: string }[]
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['article_mentions', 'entity_daily']),
    )
  })
})
