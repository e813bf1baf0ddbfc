import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enrichStoredArticles } from '../../src/enrich-stored.js'
import { queryEntityList, queryEntityProfiles } from '../../src/query/entity.js'
import { defineSource } from '../../src/sources.js'
import { upsertArticle } from '../../src/store/articles.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { entityKey, normalizeName } from '../../src/store/entities.js'
import { syncSources } from '../../src/store/sources.js'
import { importUserEntities } from '../../src/store/user-knowledge.js'
import { extractedArticle } from '../helpers/articles.js'
import { makeTempDir } from '../helpers/env.js'

describe('entity storage and re-enrichment', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/e.db`)
    await syncSources(opened.db, [
      defineSource({
        id: 's',
        name: 'S',
        homepage: 'https://s.example/',
        language: 'en',
        feeds: ['https://s.example/feed'],
        schedule: '0 * * * *',
      }),
    ])
    const stories = [
      extractedArticle(
        'https://s.example/1',
        'Meta loses its AI director',
        'Devi Parikh has left Meta Platforms. Parikh said she wants to build. Mark Zuckerberg did not comment.',
        '2026-10-01T10:00:00Z',
      ),
      extractedArticle(
        'https://s.example/2',
        'OpenAI hires a researcher',
        'OpenAI hired Jan Leike from Google DeepMind, the company said. Meta was not involved.',
        '2026-11-02T10:00:00Z',
      ),
      extractedArticle(
        'https://s.example/3',
        'Acme Robotics raises money',
        'The Munich startup Acmebot said on Monday that investors put in new money.',
        '2026-11-03T10:00:00Z',
      ),
    ]
    for (const a of stories)
      await upsertArticle(opened.db, { sourceId: 's', url: a.url, article: a, htmlBytes: 1000 })
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  it('creates entities with aliases and one mention row per entity per article', async () => {
    const result = await enrichStoredArticles(opened.db)
    expect(result.articles).toBe(3)
    const meta = await queryEntityProfiles(opened.db, 'meta platforms')
    expect(meta).toHaveLength(1)
    expect(meta[0]?.name).toBe('Meta')
    expect(meta[0]?.key).toBe('org:meta')
    expect(meta[0]?.stories).toBe(2)
    expect(meta[0]?.mentionsByMonth).toEqual([
      { month: '2026-10', stories: 1, mentions: 2 },
      { month: '2026-11', stories: 1, mentions: 1 },
    ])
    expect(meta[0]?.coMentioned.map((c) => c.name)).toContain('Devi Parikh')
    const parikh = await opened.db
      .selectFrom('mentions')
      .innerJoin('entities', 'entities.id', 'mentions.entity_id')
      .select(['entities.name', 'mentions.count', 'mentions.surface'])
      .where('entities.name', '=', 'Devi Parikh')
      .execute()
    expect(parikh).toEqual([{ name: 'Devi Parikh', count: 2, surface: 'Devi Parikh' }])
  })

  it('re-enrichment is idempotent', async () => {
    await enrichStoredArticles(opened.db)
    const snapshot = async () => ({
      entities: await opened.db
        .selectFrom('entities')
        .select(['key', 'name'])
        .orderBy('key')
        .execute(),
      mentions: await opened.db
        .selectFrom('mentions')
        .selectAll()
        .orderBy('article_id')
        .orderBy('entity_id')
        .execute(),
    })
    const before = await snapshot()
    expect((await enrichStoredArticles(opened.db)).articles).toBe(0) // nothing outdated
    await enrichStoredArticles(opened.db, { all: true })
    expect(await snapshot()).toEqual(before)
  })

  it('user entities from the database are recognised after import', async () => {
    await enrichStoredArticles(opened.db)
    expect(
      (await queryEntityList(opened.db, { search: 'Acmebot' })).map((r) => r.name),
    ).not.toContain('Acme Robotics')
    await importUserEntities(opened.db, [
      { id: 'org:acme-robotics', name: 'Acme Robotics', kind: 'org', aliases: ['Acmebot'] },
    ])
    await enrichStoredArticles(opened.db, { all: true })
    const acme = await queryEntityProfiles(opened.db, 'Acmebot')
    expect(acme[0]?.name).toBe('Acme Robotics')
    expect(acme[0]?.stories).toBe(1)
    // The entity discovered before the import had no mentions left and is gone.
    expect(acme).toHaveLength(1)
  })

  it('keys and names normalise predictably', () => {
    expect(normalizeName('  Timothée   LACROIX ')).toBe('timothee lacroix')
    expect(entityKey('org', null, 'Lumora Labs')).toBe('org:~lumora-labs')
    expect(entityKey('org', 'org:meta', 'Meta')).toBe('org:meta')
  })
})
