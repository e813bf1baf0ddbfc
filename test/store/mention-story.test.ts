import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { storeMentions } from '../../src/store/entities.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { makeTempDir } from '../helpers/env.js'

// Migration 0009 copies each article's story attributes onto its mentions; these tests hold the
// copies to the articles through every way they can change.

const T = '2026-11-01T10:00:00.000Z'

function insertArticle(
  sqlite: Database.Database,
  id: number,
  fields: Record<string, unknown> = {},
) {
  const row = {
    id,
    canonical_url: `https://s.example/${id}`,
    url: `https://s.example/${id}`,
    source_id: 's',
    title: `Story ${id}`,
    published_at: T,
    fetched_at: '2026-11-02T00:00:00.000Z',
    language: 'en',
    text: 'Text.',
    content_hash: `h${id}`,
    duplicate_of: null,
    created_at: T,
    updated_at: T,
    ...fields,
  }
  const cols = Object.keys(row)
  sqlite
    .prepare(
      `INSERT INTO articles (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    )
    .run(row)
}

function setup(sqlite: Database.Database) {
  for (const id of ['s', 't'])
    sqlite
      .prepare(
        `INSERT INTO sources (id, name, homepage, language, schedule, definition_json, is_local, origin, created_at, updated_at)
         VALUES (?, ?, 'https://s.example/', 'en', '0 * * * *', '{}', 0, 'catalog', ?, ?)`,
      )
      .run(id, id.toUpperCase(), T, T)
  for (const [id, name] of [
    [1, 'Meta'],
    [2, 'OpenAI'],
  ] as const)
    sqlite
      .prepare(
        `INSERT INTO entities (id, key, kind, name, origin, created_at) VALUES (?, ?, 'org', ?, 'kb', ?)`,
      )
      .run(id, `org:${name.toLowerCase()}`, name, T)
}

interface StoryColumns {
  article_id: number
  entity_id: number
  story_at: string
  is_duplicate: number
  source_id: string
  language: string | null
}

function storyColumns(sqlite: Database.Database): StoryColumns[] {
  return sqlite
    .prepare(
      'SELECT article_id, entity_id, story_at, is_duplicate, source_id, language FROM mentions ORDER BY article_id, entity_id',
    )
    .all() as StoryColumns[]
}

describe('story attributes on mentions (migration 0009)', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/m.db`)
    setup(opened.sqlite)
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  it('fills a mention inserted without them from its article', () => {
    insertArticle(opened.sqlite, 1, { published_at: null, language: 'de' })
    insertArticle(opened.sqlite, 2, { duplicate_of: 1, source_id: 't' })
    opened.sqlite
      .prepare(
        "INSERT INTO mentions (article_id, entity_id, count, first_offset, surface) VALUES (1, 1, 2, 0, 'Meta'), (2, 2, 1, 0, 'OpenAI')",
      )
      .run()
    expect(storyColumns(opened.sqlite)).toEqual([
      {
        article_id: 1,
        entity_id: 1,
        story_at: '2026-11-02T00:00:00.000Z',
        is_duplicate: 0,
        source_id: 's',
        language: 'de',
      },
      { article_id: 2, entity_id: 2, story_at: T, is_duplicate: 1, source_id: 't', language: 'en' },
    ])
  })

  it('follows changes of story time, duplicate status, source and language', () => {
    insertArticle(opened.sqlite, 1)
    insertArticle(opened.sqlite, 2)
    opened.sqlite
      .prepare(
        "INSERT INTO mentions (article_id, entity_id, count, first_offset, surface) VALUES (2, 1, 1, 0, 'Meta'), (2, 2, 1, 0, 'OpenAI')",
      )
      .run()
    opened.sqlite
      .prepare(
        "UPDATE articles SET published_at = '2026-10-05T08:00:00.000Z', duplicate_of = 1, source_id = 't', language = 'de' WHERE id = 2",
      )
      .run()
    const changed = {
      story_at: '2026-10-05T08:00:00.000Z',
      is_duplicate: 1,
      source_id: 't',
      language: 'de',
    }
    expect(storyColumns(opened.sqlite)).toEqual([
      { article_id: 2, entity_id: 1, ...changed },
      { article_id: 2, entity_id: 2, ...changed },
    ])
    // A page without a date falls back to its fetch time; a copy promoted back is a story again.
    opened.sqlite
      .prepare(
        "UPDATE articles SET published_at = NULL, fetched_at = '2026-11-03T00:00:00.000Z', duplicate_of = NULL WHERE id = 2",
      )
      .run()
    expect(storyColumns(opened.sqlite).map((r) => [r.story_at, r.is_duplicate])).toEqual([
      ['2026-11-03T00:00:00.000Z', 0],
      ['2026-11-03T00:00:00.000Z', 0],
    ])
  })

  it('is written by storeMentions with the language the enrichment sets', async () => {
    insertArticle(opened.sqlite, 1, { language: null })
    await storeMentions(
      opened.db,
      1,
      [
        {
          kind: 'org',
          kbId: 'org:meta',
          canonical: 'Meta',
          count: 1,
          firstOffset: 0,
          surface: 'Meta',
        },
      ],
      null,
      { language: 'de' },
    )
    expect(storyColumns(opened.sqlite)).toEqual([
      { article_id: 1, entity_id: 1, story_at: T, is_duplicate: 0, source_id: 's', language: 'de' },
    ])
  })
})

describe('migration 0009 on an existing database', () => {
  it('backfills the mentions stored before it', async () => {
    const tmp = await makeTempDir()
    const sqlite = new Database(`${tmp.dir}/old.db`)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => MIGRATIONS },
        allowUnorderedMigrations: true,
      })
      const before = await migrator.migrateTo('0008-unenriched-index')
      expect(before.error).toBeUndefined()
      setup(sqlite)
      insertArticle(sqlite, 1)
      insertArticle(sqlite, 2, { duplicate_of: 1, language: 'de' })
      sqlite
        .prepare(
          "INSERT INTO mentions (article_id, entity_id, count, first_offset, surface) VALUES (1, 1, 1, 0, 'Meta'), (2, 1, 1, 0, 'Meta')",
        )
        .run()
      const after = await migrator.migrateToLatest()
      expect(after.error).toBeUndefined()
      expect(storyColumns(sqlite)).toEqual([
        {
          article_id: 1,
          entity_id: 1,
          story_at: T,
          is_duplicate: 0,
          source_id: 's',
          language: 'en',
        },
        {
          article_id: 2,
          entity_id: 1,
          story_at: T,
          is_duplicate: 1,
          source_id: 's',
          language: 'de',
        },
      ])
      expect(
        sqlite.prepare('SELECT day, stories FROM entity_daily WHERE entity_id = 1').all(),
      ).toEqual([{ day: '2026-11-01', stories: 1 }])
    } finally {
      await db.destroy()
      await tmp.cleanup()
    }
  })
})
