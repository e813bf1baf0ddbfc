import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchArticles, searchArticlesRanked, toFtsQuery } from '../../src/query/search.js'
import { openFixtureDb } from './fixture-db.js'

describe('searchArticles', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  it('ranks by bm25 with snippets; copies left out', async () => {
    const rows = await searchArticles(f.db, 'Leike')
    expect(rows.map((r) => [r.rank, r.article_id, r.title])).toEqual([
      [1, 5, 'Jan Leike joins Anthropic'],
      [2, 6, 'Anthropic hires again'],
    ])
    expect(rows[0]?.snippet).toBe(
      'Jan [Leike], formerly of OpenAI, joins Anthropic. [Leike] will lead alignment at Anthropic. [Leike] said he was excited.',
    )
    expect(rows[0]).toMatchObject({
      story_at: '2026-11-23T09:00:00.000Z',
      source_id: 'alpha',
      language: 'en',
      url: 'https://alpha.example/story/5',
    })
    expect(
      (await searchArticles(f.db, 'Leike', { includeDuplicates: true })).map((r) => r.article_id),
    ).toEqual([5, 10, 6])
  })

  it('folds diacritics, filters by entity, time, source and language', async () => {
    expect((await searchArticles(f.db, 'ubernahme')).map((r) => r.article_id)).toEqual([4])
    expect(
      (await searchArticles(f.db, 'Anthropic', { entityId: 2 })).map((r) => r.article_id).sort(),
    ).toEqual([11, 7])
    expect(
      (
        await searchArticles(f.db, 'Anthropic', {
          since: '2026-11-25T00:00:00.000Z',
          sources: ['alpha'],
        })
      ).map((r) => r.article_id),
    ).toEqual([11])
    expect(
      (await searchArticles(f.db, 'Meta', { languages: ['de'], highlight: ['<b>', '</b>'] })).map(
        (r) => r.snippet,
      ),
    ).toContain(
      'Devi Parikh verlässt <b>Meta</b>. Parikh wechselt zu einem Startup, sagte Devi Parikh. <b>Meta</b> bestätigte.',
    )
  })

  it('escapes user input like Datasette and keeps raw FTS5 syntax behind raw', async () => {
    expect(toFtsQuery('GPT-4o "hires" open*')).toBe('"GPT-4o" """hires""" "open"*')
    expect((await searchArticles(f.db, 'anthro*')).length).toBe(4)
    expect(
      (await searchArticles(f.db, 'OpenAI NOT Meta', { raw: true })).map((r) => r.article_id),
    ).toEqual([1, 5])
    await expect(searchArticles(f.db, 'AND (', { raw: true })).rejects.toThrow(
      'not a valid FTS5 query',
    )
    await expect(searchArticles(f.db, '  ')).rejects.toThrow('the query is empty')
  })

  it('ranks only the most recently stored matches when more match than the rank window', async () => {
    const all = await searchArticlesRanked(f.db, 'anthro*', { rankWindow: 0 })
    const ids = all.rows.map((r) => r.article_id)
    expect(ids.length).toBe(4)
    expect(all.rankedLatest).toBeNull()
    // A window as large as the matches changes nothing.
    expect(await searchArticlesRanked(f.db, 'anthro*', { rankWindow: 4 })).toEqual(all)
    const latestTwo = [...ids].sort((a, b) => b - a).slice(0, 2)
    const windowed = await searchArticlesRanked(f.db, 'anthro*', { rankWindow: 2 })
    expect(windowed.rankedLatest).toBe(2)
    expect(windowed.rows.map((r) => r.article_id)).toEqual(
      all.rows.map((r) => r.article_id).filter((id) => latestTwo.includes(id)),
    )
    expect(windowed.rows.map((r) => r.rank)).toEqual([1, 2])
    // The window counts matches under the filters, not all matches.
    const de = await searchArticlesRanked(f.db, 'anthro*', { rankWindow: 1, languages: ['de'] })
    expect(de.rows.every((r) => r.language === 'de')).toBe(true)
  })

  it('keeps the index in sync on update and delete (triggers)', async () => {
    f.sqlite
      .prepare(
        "UPDATE articles SET title = 'Acme becomes Zebracorp', text = 'Zebracorp is the new name.' WHERE id = 8",
      )
      .run()
    expect((await searchArticles(f.db, 'zebracorp')).map((r) => r.article_id)).toEqual([8])
    expect(await searchArticles(f.db, 'investors')).toEqual([])
    f.sqlite
      .prepare('UPDATE articles SET enriched_at = ? WHERE id = 8')
      .run('2026-11-28T00:00:00.000Z')
    expect((await searchArticles(f.db, 'zebracorp')).map((r) => r.article_id)).toEqual([8])
    f.sqlite.prepare('DELETE FROM mentions WHERE article_id = 8').run()
    f.sqlite.prepare('DELETE FROM articles WHERE id = 8').run()
    expect(await searchArticles(f.db, 'zebracorp')).toEqual([])
    expect(
      f.sqlite.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run()
        .changes,
    ).toBeGreaterThanOrEqual(0)
  })
})
