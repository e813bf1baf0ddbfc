import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enrichStoredArticles } from '../../src/enrich-stored.js'
import { queryMoves, queryPersonTimeline, queryTalentFlows } from '../../src/query/moves.js'
import { defineSource } from '../../src/sources.js'
import { upsertArticle } from '../../src/store/articles.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { syncSources } from '../../src/store/sources.js'
import { extractedArticle, SEED_BODY, SEED_TITLE } from '../helpers/articles.js'
import { makeTempDir } from '../helpers/env.js'

describe('talent moves in the store', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase

  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/m.db`)
    await syncSources(opened.db, [
      defineSource({
        id: 'de',
        name: 'DE',
        homepage: 'https://de.example/',
        language: 'de',
        feeds: ['https://de.example/feed'],
        schedule: '0 * * * *',
      }),
      defineSource({
        id: 'en',
        name: 'EN',
        homepage: 'https://en.example/',
        language: 'en',
        feeds: ['https://en.example/feed'],
        schedule: '0 * * * *',
      }),
    ])
    const stories = [
      {
        source: 'de',
        a: extractedArticle(
          'https://de.example/seed',
          SEED_TITLE,
          SEED_BODY,
          '2024-01-10T09:00:00Z',
          'de',
        ),
      },
      {
        source: 'en',
        a: extractedArticle(
          'https://en.example/parikh',
          'Meta generative AI director Devi Parikh leaves',
          'Devi Parikh, the director of generative AI at Meta, has left the company, she said on Friday. Parikh spent nearly eight years at Meta.',
          '2024-01-12T09:00:00Z',
          'en',
        ),
      },
      {
        source: 'en',
        a: extractedArticle(
          'https://en.example/leike',
          'Jan Leike joins Anthropic',
          'Jan Leike, who co-led superalignment at OpenAI, has joined Anthropic, he said on Tuesday.',
          '2024-05-28T09:00:00Z',
          'en',
        ),
      },
    ]
    for (const { source, a } of stories)
      await upsertArticle(opened.db, { sourceId: source, url: a.url, article: a, htmlBytes: 1 })
    await enrichStoredArticles(opened.db)
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  it('the seed story yields exactly three reported moves out of Meta, and two articles about one move are one event', async () => {
    const out = await queryMoves(opened.db, { company: 'Meta Platforms' })
    expect(out.map((m) => [m.person, m.kind, m.fromOrg, m.toOrg, m.status]).sort()).toEqual([
      ['Abhishek Das', 'departure', 'Meta', null, 'reported'],
      ['Devi Parikh', 'departure', 'Meta', null, 'reported'],
      ['Erik Meijer', 'founding', 'Meta', null, 'reported'],
    ])
    const parikh = out.find((m) => m.person === 'Devi Parikh')
    expect(parikh?.reports).toBe(2)
    expect(await queryMoves(opened.db, { person: 'Mark Zuckerberg', status: 'all' })).toEqual([])
  })

  it('a syndicated copy of a story does not add a report', async () => {
    const copy = extractedArticle(
      'https://copy.example/meta-exodus',
      'Meta-Exodus: KI-Profis gehen',
      `${SEED_BODY}\n\nDieser Artikel erschien zuerst bei de.example.`,
      '2024-01-11T09:00:00Z',
      'de',
    )
    const stored = await upsertArticle(opened.db, {
      sourceId: 'en',
      url: copy.url,
      article: copy,
      htmlBytes: 1,
    })
    expect(stored.duplicateOf).not.toBeNull()
    await enrichStoredArticles(opened.db)
    const parikh = (await queryMoves(opened.db, { person: 'Devi Parikh' }))[0]
    expect(parikh?.reports).toBe(2)
    expect(
      await opened.db
        .selectFrom('move_evidence')
        .select('article_id')
        .where('move_id', '=', parikh?.moveId ?? -1)
        .execute(),
    ).toHaveLength(3)
  })

  it('filters by kind, date and status, and computes flows', async () => {
    expect((await queryMoves(opened.db, { kind: 'hire' })).map((m) => m.person)).toEqual([
      'Jan Leike',
    ])
    expect((await queryMoves(opened.db, { since: '2024-03-01' })).map((m) => m.person)).toEqual([
      'Jan Leike',
    ])
    expect((await queryMoves(opened.db, { until: '2024-03-01' })).length).toBe(3)
    const { flows, net } = await queryTalentFlows(opened.db)
    expect(flows).toEqual([
      { fromOrg: 'OpenAI', toOrg: 'Anthropic', people: 1, names: ['Jan Leike'] },
    ])
    expect(net.find((n) => n.org === 'Meta')).toEqual({
      org: 'Meta',
      inflow: 0,
      outflow: 3,
      net: -3,
    })
    expect(net.find((n) => n.org === 'Anthropic')).toEqual({
      org: 'Anthropic',
      inflow: 1,
      outflow: 0,
      net: 1,
    })
  })

  it('keeps a person timeline with evidence, and re-enrichment changes nothing', async () => {
    const timeline = await queryPersonTimeline(opened.db, 'Devi Parikh')
    expect(timeline).toHaveLength(1)
    expect(timeline[0]?.evidenceList.map((e) => e.url)).toEqual([
      'https://de.example/seed',
      'https://en.example/parikh',
    ])
    const snapshot = async () => ({
      moves: await opened.db
        .selectFrom('moves')
        .select(['person_id', 'kind', 'from_org_id', 'to_org_id', 'status', 'report_count'])
        .orderBy('person_id')
        .orderBy('kind')
        .execute(),
      evidence: await opened.db
        .selectFrom('move_evidence')
        .select(['article_id', 'sentence'])
        .orderBy('article_id')
        .orderBy('sentence')
        .execute(),
    })
    const before = await snapshot()
    await enrichStoredArticles(opened.db, { all: true })
    expect(await snapshot()).toEqual(before)
  })

  it('the talent_moves view reads like the query', async () => {
    const rows = await opened.db
      .selectFrom('talent_moves' as never)
      .selectAll()
      .execute()
    expect(rows).toHaveLength(4)
  })
})
