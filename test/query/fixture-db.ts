import { sql } from 'kysely'
import { hasMovesTables } from '../../src/query/talent-flows.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { normalizeName } from '../../src/store/entities.js'
import { makeTempDir } from '../helpers/env.js'

/** "Now" for every query test: windows end here. */
export const NOW = new Date('2026-11-29T00:00:00.000Z')

export const ENTITIES = [
  { id: 1, name: 'OpenAI', kind: 'org', aliases: ['OpenAI'] },
  { id: 2, name: 'Meta', kind: 'org', aliases: ['Meta', 'Meta Platforms'] },
  { id: 3, name: 'Anthropic', kind: 'org', aliases: ['Anthropic'] },
  { id: 4, name: 'Jan Leike', kind: 'person', aliases: ['Jan Leike', 'Leike'] },
  { id: 5, name: 'Devi Parikh', kind: 'person', aliases: ['Devi Parikh'] },
  { id: 6, name: 'Acme', kind: 'org', aliases: ['Acme'] },
] as const

interface FixtureArticle {
  readonly id: number
  readonly source: 'alpha' | 'beta'
  readonly published: string | null
  readonly fetched?: string
  readonly language: string
  readonly title: string
  readonly text: string
  readonly duplicateOf?: number
  /** entity id → mention count */
  readonly mentions: Readonly<Record<number, number>>
}

/**
 * Eleven stories around the default trends window [2026-11-22, 2026-11-29) and its baseline
 * [2026-10-25, 2026-11-22): four baseline stories, six window stories (one without a published
 * date, counted by its fetch time) and one syndicated copy (article 10, duplicate of 5).
 */
export const ARTICLES: readonly FixtureArticle[] = [
  {
    id: 1,
    source: 'alpha',
    published: '2026-10-27T09:00:00.000Z',
    language: 'en',
    title: 'OpenAI ships a model',
    text: 'OpenAI released a new model on Monday. OpenAI said it is faster.',
    mentions: { 1: 2 },
  },
  {
    id: 2,
    source: 'alpha',
    published: '2026-11-03T09:00:00.000Z',
    language: 'en',
    title: 'Meta reorganises its AI lab',
    text: 'Meta Platforms reorganised its AI lab. Meta competes with OpenAI. Meta said little.',
    mentions: { 2: 3, 1: 1 },
  },
  {
    id: 3,
    source: 'alpha',
    published: '2026-11-10T09:00:00.000Z',
    language: 'en',
    title: 'OpenAI and Meta compete for talent',
    text: 'OpenAI and Meta compete for researchers.',
    mentions: { 1: 1, 2: 1 },
  },
  {
    id: 4,
    source: 'beta',
    published: '2026-11-17T09:00:00.000Z',
    language: 'de',
    title: 'Übernahme bei Meta',
    text: 'Meta plant eine Übernahme. Meta äußerte sich nicht.',
    mentions: { 2: 2 },
  },
  {
    id: 5,
    source: 'alpha',
    published: '2026-11-23T09:00:00.000Z',
    language: 'en',
    title: 'Jan Leike joins Anthropic',
    text: 'Jan Leike, formerly of OpenAI, joins Anthropic. Leike will lead alignment at Anthropic. Leike said he was excited.',
    mentions: { 3: 2, 4: 3, 1: 1 },
  },
  {
    id: 6,
    source: 'alpha',
    published: '2026-11-24T09:00:00.000Z',
    language: 'en',
    title: 'Anthropic hires again',
    text: 'Anthropic hired more researchers after Jan Leike arrived.',
    mentions: { 3: 1, 4: 1 },
  },
  {
    id: 7,
    source: 'beta',
    published: '2026-11-25T09:00:00.000Z',
    language: 'de',
    title: 'Anthropic wächst',
    text: 'Anthropic wächst schnell. Anthropic wirbt auch bei Meta ab.',
    mentions: { 3: 2, 2: 1 },
  },
  {
    id: 8,
    source: 'alpha',
    published: '2026-11-26T09:00:00.000Z',
    language: 'en',
    title: '=Acme raises money',
    text: 'Acme raised money from investors.',
    mentions: { 6: 1 },
  },
  {
    id: 9,
    source: 'beta',
    published: '2026-11-27T09:00:00.000Z',
    language: 'de',
    title: 'Meta verliert Devi Parikh',
    text: 'Devi Parikh verlässt Meta. Parikh wechselt zu einem Startup, sagte Devi Parikh. Meta bestätigte.',
    mentions: { 2: 2, 5: 2 },
  },
  {
    id: 10,
    source: 'alpha',
    published: '2026-11-27T12:00:00.000Z',
    language: 'en',
    title: 'Jan Leike joins Anthropic (wire copy)',
    text: 'Jan Leike, formerly of OpenAI, joins Anthropic. Leike will lead alignment at Anthropic. Leike said he was excited.',
    duplicateOf: 5,
    mentions: { 3: 2, 4: 3, 1: 1 },
  },
  {
    id: 11,
    source: 'alpha',
    published: null,
    fetched: '2026-11-28T08:00:00.000Z',
    language: 'en',
    title: 'Anthropic and Meta talk safety',
    text: 'Anthropic and Meta met to talk about safety.',
    mentions: { 3: 1, 2: 1 },
  },
]

/** Two moves (Leike OpenAI → Anthropic, Parikh Meta → unknown) with evidence, and a rumour. */
export async function addFixtureMoves(opened: OpenedDatabase): Promise<void> {
  if (!(await hasMovesTables(opened.db))) {
    // The talent-moves migration (0004) is not in this tree yet: the columns it defines.
    opened.sqlite.exec(`
      CREATE TABLE moves (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL, from_org_id INTEGER, to_org_id INTEGER,
        role TEXT, role_normalized TEXT, kind TEXT NOT NULL, status TEXT NOT NULL, happened_at TEXT,
        first_seen_at TEXT, last_seen_at TEXT, report_count INTEGER NOT NULL, source_ids_json TEXT NOT NULL DEFAULT '[]',
        confidence REAL NOT NULL);
      CREATE TABLE move_evidence (move_id INTEGER NOT NULL, article_id INTEGER NOT NULL, sentence TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (move_id, article_id, start));`)
  }
  const insertMove =
    opened.sqlite.prepare(`INSERT INTO moves (id, person_id, from_org_id, to_org_id, role, role_normalized, kind, status,
    happened_at, first_seen_at, last_seen_at, report_count, source_ids_json, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  insertMove.run(
    1,
    4,
    1,
    3,
    'head of alignment',
    'head',
    'hire',
    'reported',
    '2026-11-23',
    '2026-11-23T09:00:00.000Z',
    '2026-11-24T09:00:00.000Z',
    2,
    '["alpha"]',
    0.9,
  )
  insertMove.run(
    2,
    5,
    2,
    null,
    null,
    null,
    'departure',
    'reported',
    null,
    '2026-11-27T09:00:00.000Z',
    '2026-11-27T09:00:00.000Z',
    1,
    '["beta"]',
    0.8,
  )
  insertMove.run(
    3,
    4,
    3,
    2,
    null,
    null,
    'hire',
    'rumored',
    '2026-11-28',
    '2026-11-28T08:00:00.000Z',
    '2026-11-28T08:00:00.000Z',
    1,
    '["alpha"]',
    0.4,
  )
  const insertEvidence = opened.sqlite.prepare(
    'INSERT INTO move_evidence (move_id, article_id, sentence, start, "end") VALUES (?, ?, ?, ?, ?)',
  )
  insertEvidence.run(1, 5, 'Jan Leike, formerly of OpenAI, joins Anthropic.', 0, 47)
  insertEvidence.run(1, 6, 'Anthropic hired more researchers after Jan Leike arrived.', 0, 57)
  insertEvidence.run(2, 9, 'Devi Parikh verlässt Meta.', 0, 26)
  insertEvidence.run(3, 11, 'Anthropic and Meta met to talk about safety.', 0, 44)
}

/** A migrated SQLite file in a temp dir with the fixture stories; `cleanup` removes it. */
export async function openFixtureDb(
  options: { moves?: boolean } = {},
): Promise<OpenedDatabase & { dir: string; cleanup: () => Promise<void> }> {
  const tmp = await makeTempDir('newshound-query-')
  const opened = await openDatabase(`${tmp.dir}/fixture.db`)
  const at = '2026-11-28T10:00:00.000Z'
  await opened.db
    .insertInto('sources')
    .values([
      {
        id: 'alpha',
        name: 'Alpha News',
        homepage: 'https://alpha.example/',
        language: 'en',
        schedule: '0 * * * *',
        definition_json: '{}',
        is_local: 0,
        origin: 'catalog',
        created_at: at,
        updated_at: at,
      },
      {
        id: 'beta',
        name: 'Beta Nachrichten',
        homepage: 'https://beta.example/',
        language: 'de',
        schedule: '0 * * * *',
        definition_json: '{}',
        is_local: 0,
        origin: 'catalog',
        created_at: at,
        updated_at: at,
      },
    ])
    .execute()
  await opened.db
    .insertInto('feeds')
    .values([
      {
        id: 1,
        source_id: 'alpha',
        url: 'https://alpha.example/feed.xml',
        kind: 'feed',
        title: null,
        etag: null,
        last_modified: null,
        last_polled_at: '2026-11-28T10:00:00.000Z',
        last_success_at: '2026-11-28T10:00:00.000Z',
        last_status: 200,
        last_error: null,
        consecutive_failures: 0,
        ttl_minutes: null,
        next_poll_at: null,
        items_seen: 10,
      },
      {
        id: 2,
        source_id: 'beta',
        url: 'https://beta.example/rss',
        kind: 'feed',
        title: null,
        etag: null,
        last_modified: null,
        last_polled_at: '2026-11-28T10:00:00.000Z',
        last_success_at: '2026-11-25T10:00:00.000Z',
        last_status: 503,
        last_error: 'HTTP 503',
        consecutive_failures: 3,
        ttl_minutes: null,
        next_poll_at: null,
        items_seen: 4,
      },
    ])
    .execute()
  // Raw SQL, not the typed builder: columns other migrations add to articles keep their defaults.
  const insertArticle =
    opened.sqlite.prepare(`INSERT INTO articles (id, canonical_url, url, source_id, title, published_at,
    fetched_at, language, text, content_hash, duplicate_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const a of ARTICLES) {
    const url = `https://${a.source}.example/story/${a.id}`
    insertArticle.run(
      a.id,
      url,
      url,
      a.source,
      a.title,
      a.published,
      a.fetched ?? a.published ?? at,
      a.language,
      a.text,
      `hash-${a.id}`,
      a.duplicateOf ?? null,
      at,
      at,
    )
  }
  for (const e of ENTITIES) {
    await opened.db
      .insertInto('entities')
      .values({
        id: e.id,
        key: `${e.kind}:${normalizeName(e.name).replace(/ /g, '-')}`,
        kind: e.kind,
        name: e.name,
        origin: 'kb',
        created_at: at,
      })
      .execute()
    for (const alias of e.aliases)
      await opened.db
        .insertInto('entity_aliases')
        .values({ entity_id: e.id, alias, normalized: normalizeName(alias) })
        .execute()
  }
  for (const a of ARTICLES) {
    for (const [entityId, count] of Object.entries(a.mentions)) {
      const name = ENTITIES.find((e) => e.id === Number(entityId))?.name ?? ''
      await opened.db
        .insertInto('mentions')
        .values({
          article_id: a.id,
          entity_id: Number(entityId),
          count,
          first_offset: Math.max(0, a.text.indexOf(name)),
          surface: name,
        })
        .execute()
    }
  }
  if (options.moves) await addFixtureMoves(opened)
  await sql`ANALYZE`.execute(opened.db)
  return {
    ...opened,
    dir: tmp.dir,
    cleanup: async () => {
      await opened.close()
      await tmp.cleanup()
    },
  }
}
