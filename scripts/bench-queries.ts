/**
 * bench:queries — the analyst read side at scale: builds a synthetic database of 1,000,000
 * mentions over 200,000 articles and 20,000 entities spread over two years (5 sources, en/de,
 * 10 % syndicated copies, Zipf-distributed entity popularity and vocabulary, 5,000 moves), then
 * times every interactive query and every export.
 *
 *   npm run bench:queries                    # build into a temp dir, time, remove
 *   npm run bench:queries -- --keep bench.db # keep (or reuse, when it exists) the database file
 *   npm run bench:queries -- --runs 9        # timed runs per query (median and worst reported)
 *   npm run bench:queries -- --export-runs 5 # runs per export (median and the first, cold, run)
 *
 * Targets (issue 6): every interactive query under 200 ms, exports at least 200,000 rows/s,
 * memory flat while exporting (heap and RSS sampled every 50,000 rows).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { type CsvSink, writeCsv, writeFileAtomically } from '../src/export/csv.js'
import { DATASET_NAMES, type DatasetName, exportDataset } from '../src/export/datasets.js'
import { buildReport } from '../src/export/report-html.js'
import {
  queryCoMentions,
  queryFlows,
  queryLatestMoves,
  queryRisingEntities,
  queryStatsDays,
  queryStatsFeeds,
  queryStatsLanguages,
  queryStatsSources,
  queryTimeline,
  queryTopEntities,
  resolveEntity,
  searchArticles,
} from '../src/query/index.js'
import { type OpenedDatabase, openDatabase } from '../src/store/database.js'
import { normalizeName } from '../src/store/entities.js'

const { values: args } = parseArgs({
  options: {
    keep: { type: 'string' },
    runs: { type: 'string', default: '5' },
    articles: { type: 'string', default: '200000' },
    entities: { type: 'string', default: '20000' },
    'export-runs': { type: 'string', default: '5' },
  },
})

const ARTICLES = Number(args.articles)
const ENTITIES = Number(args.entities)
const MENTIONS_PER_ARTICLE = 5
const RUNS = Number(args.runs)
const NOW = new Date('2026-11-29T00:00:00.000Z')
const SPAN_MS = 2 * 365 * 86_400_000
const SOURCES = [
  ['wire', 'Wire Service', 'en'],
  ['techdaily', 'Tech Daily', 'en'],
  ['valley', 'Valley Report', 'en'],
  ['heise', 'heise online', 'de'],
  ['golem', 'Golem.de', 'de'],
] as const

/** mulberry32: a seeded PRNG, so every run builds the same database. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Zipf(s) sampler over 0..n-1 by inverse CDF (rank 0 = most frequent). */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] as number) / sum
  return () => {
    const u = random()
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cdf[mid] as number) < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'vo',
  'zu',
  'bel',
  'dor',
  'fin',
  'gra',
  'hal',
  'jin',
  'kor',
  'lum',
  'nex',
  'pra',
  'qui',
  'sol',
  'tri',
  'ux',
  'ver',
  'wen',
  'yor',
]
function word(i: number): string {
  let w = ''
  let n = i + 1
  while (n > 0) {
    w += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  }
  return w
}

async function build(path: string): Promise<void> {
  const started = performance.now()
  const opened = await openDatabase(path)
  await opened.close()
  const db = new SQLite(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -200000')
  const random = prng(42)
  const pickEntity = zipf(ENTITIES, 1.0, random)
  const pickWord = zipf(5000, 1.1, random)
  const at = NOW.toISOString()
  const insertSource =
    db.prepare(`INSERT INTO sources (id, name, homepage, language, schedule, definition_json, is_local, origin, created_at, updated_at)
    VALUES (?, ?, ?, ?, '*/30 * * * *', '{}', 0, 'catalog', ?, ?)`)
  const insertFeed =
    db.prepare(`INSERT INTO feeds (source_id, url, kind, last_polled_at, last_success_at, last_status, consecutive_failures, items_seen)
    VALUES (?, ?, 'feed', ?, ?, ?, ?, ?)`)
  const insertEntity = db.prepare(
    `INSERT INTO entities (id, key, kind, name, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const insertAlias = db.prepare(
    'INSERT INTO entity_aliases (entity_id, alias, normalized) VALUES (?, ?, ?)',
  )
  const insertArticle =
    db.prepare(`INSERT INTO articles (id, canonical_url, url, source_id, title, authors_json, published_at, fetched_at,
    language, text, content_hash, duplicate_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertMention = db.prepare(
    // With the article's story attributes, as newshound's own writer stores them (migration 0009).
    `INSERT INTO mentions (article_id, entity_id, count, first_offset, surface, story_at, is_duplicate, source_id, language)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const names: string[] = []
  db.transaction(() => {
    for (const [id, name, language] of SOURCES) {
      insertSource.run(id, name, `https://${id}.example/`, language, at, at)
      insertFeed.run(
        id,
        `https://${id}.example/feed.xml`,
        at,
        id === 'golem' ? '2026-11-20T00:00:00.000Z' : at,
        id === 'golem' ? 503 : 200,
        id === 'golem' ? 4 : 0,
        40_000,
      )
    }
    for (let i = 1; i <= ENTITIES; i++) {
      const person = i % 3 === 0
      const name = person
        ? `${word(i % 400)} ${word(1000 + i)}`.replace(/\b\w/g, (c) => c.toUpperCase())
        : `${word(2000 + i)} ${i % 2 ? 'Labs' : 'AI'}`.replace(/^\w/, (c) => c.toUpperCase())
      names.push(name)
      insertEntity.run(
        i,
        `${person ? 'person' : 'org'}:~${normalizeName(name).replace(/ /g, '-')}-${i}`,
        person ? 'person' : 'org',
        name,
        'discovered',
        at,
      )
      insertAlias.run(i, name, normalizeName(name))
    }
  })()
  let mentions = 0
  const batch = 10_000
  for (let start = 1; start <= ARTICLES; start += batch) {
    db.transaction(() => {
      for (let id = start; id < Math.min(start + batch, ARTICLES + 1); id++) {
        const source = SOURCES[id % SOURCES.length] as (typeof SOURCES)[number]
        // Articles spread evenly over two years, ids in time order like a crawl.
        const time = new Date(
          NOW.getTime() - SPAN_MS + Math.floor(((id - 0.5) / ARTICLES) * SPAN_MS),
        ).toISOString()
        const picked = new Set<number>()
        while (picked.size < MENTIONS_PER_ARTICLE) picked.add(pickEntity() + 1)
        const entityNames = [...picked].map((e) => names[e - 1] as string)
        const words = Array.from({ length: 60 }, () => word(pickWord()))
        const title = `${entityNames[0]} ${words.slice(0, 6).join(' ')}`
        const text = `${entityNames.join(', ')} ${words.join(' ')}.`
        // 10 % are copies of a story from the day before (syndication, second URLs).
        const duplicateOf = id > 50 && random() < 0.1 ? id - 1 - Math.floor(random() * 40) : null
        insertArticle.run(
          id,
          `https://${source[0]}.example/${id}`,
          `https://${source[0]}.example/${id}`,
          source[0],
          title,
          '["A. Writer"]',
          time,
          time,
          source[2],
          text,
          `h${id}`,
          duplicateOf,
          time,
          time,
        )
        for (const e of picked) {
          insertMention.run(
            id,
            e,
            1 + Math.floor(random() * 4),
            0,
            names[e - 1] as string,
            time,
            duplicateOf === null ? 0 : 1,
            source[0],
            source[2],
          )
          mentions++
        }
      }
    })()
  }
  // Talent moves: 5,000 over the two years, each with one or two evidence sentences.
  const hasMoves = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('moves', 'move_evidence')")
    .get() as { n: number }
  if (hasMoves.n === 2) {
    const insertMove =
      db.prepare(`INSERT INTO moves (id, person_id, from_org_id, to_org_id, role, role_normalized, kind, status, happened_at,
      first_seen_at, last_seen_at, report_count, source_ids_json, confidence) VALUES (?, ?, ?, ?, 'chief scientist', 'chief-scientist', ?, 'reported', ?, ?, ?, 1, '[]', 0.9)`)
    const insertEvidence = db.prepare(
      'INSERT INTO move_evidence (move_id, article_id, sentence, start, "end") VALUES (?, ?, ?, 0, 40)',
    )
    const pickOrg = zipf(200, 1.0, random)
    db.transaction(() => {
      for (let m = 1; m <= 5000; m++) {
        const article = 1 + Math.floor(random() * ARTICLES)
        const time = new Date(
          NOW.getTime() - SPAN_MS + Math.floor(((article - 0.5) / ARTICLES) * SPAN_MS),
        ).toISOString()
        const org = (k: number) => k * 3 + 1 // org ids (ids not divisible by 3)
        insertMove.run(
          m,
          3 * (1 + Math.floor(random() * (ENTITIES / 3 - 1))),
          org(pickOrg()),
          org(pickOrg()),
          random() < 0.7 ? 'hire' : 'departure',
          time.slice(0, 10),
          time,
          time,
        )
        insertEvidence.run(m, article, 'X left Y to join Z as chief scientist.')
      }
    })()
  }
  db.exec('ANALYZE')
  db.close()
  console.log(
    `built ${ARTICLES.toLocaleString('en')} articles, ${mentions.toLocaleString('en')} mentions, ${ENTITIES.toLocaleString('en')} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

interface Timing {
  readonly name: string
  readonly first: number
  readonly median: number
  readonly worst: number
  readonly rows: number
}

async function time(name: string, fn: () => Promise<unknown[]>): Promise<Timing> {
  const t0 = performance.now()
  const rows = (await fn()).length
  const first = performance.now() - t0
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    runs.push(performance.now() - t)
  }
  runs.sort((a, b) => a - b)
  return {
    name,
    first,
    median: runs[Math.floor(runs.length / 2)] as number,
    worst: runs.at(-1) as number,
    rows,
  }
}

async function benchQueries(opened: OpenedDatabase): Promise<Timing[]> {
  const db = opened.db
  const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()
  const [top] = await queryTopEntities(db, {}, 1)
  if (!top) throw new Error('bench: no entities')
  const mid = await resolveEntity(
    db,
    (await db.selectFrom('entities').select('name').where('id', '=', 500).executeTakeFirstOrThrow())
      .name,
  )
  const three = await queryTopEntities(db, { since: day(90), until: NOW.toISOString() }, 3)
  const timings: Timing[] = []
  const add = async (name: string, fn: () => Promise<unknown[]>) => {
    const t = await time(name, fn)
    timings.push(t)
    console.log(
      `${name.padEnd(58)} first ${t.first.toFixed(1).padStart(7)} ms  median ${t.median.toFixed(1).padStart(7)} ms  worst ${t.worst.toFixed(1).padStart(7)} ms  rows ${t.rows}`,
    )
  }
  await add('trends (7d window, 28d baseline)', () => queryRisingEntities(db, { now: NOW }))
  await add('trends --kind person --lang de', () =>
    queryRisingEntities(db, { now: NOW, kind: 'person', languages: ['de'] }),
  )
  await add('trends --window 30d --baseline 180d', () =>
    queryRisingEntities(db, { now: NOW, windowDays: 30, baselineDays: 180 }),
  )
  await add('timeline <top entity> --by week (two years)', () =>
    queryTimeline(db, [top], { by: 'week', until: NOW.toISOString() }),
  )
  await add('timeline <3 entities> --by day --since 90d', () =>
    queryTimeline(db, three, { by: 'day', since: day(90), until: NOW.toISOString() }),
  )
  await add('timeline <top entity> --by month --include-duplicates', () =>
    queryTimeline(db, [top], { by: 'month', until: NOW.toISOString(), includeDuplicates: true }),
  )
  await add('co <top entity> (all time)', () => queryCoMentions(db, top))
  await add('co <top entity> --since 90d', () => queryCoMentions(db, top, { since: day(90) }))
  await add('co <entity #500> (all time)', () => queryCoMentions(db, mid))
  await add('search <common word>', () => searchArticles(db, 'kalo'))
  await add('search <two words>', () => searchArticles(db, 'lo mi'))
  await add('search <rare word>', () => searchArticles(db, 'tentenka'))
  await add('search <common word> --since 30d --lang de', () =>
    searchArticles(db, 'kalo', { since: day(30), languages: ['de'] }),
  )
  await add('search <entity name> --entity <top entity>', () =>
    searchArticles(db, top.name, { entityId: top.id }),
  )
  await add('resolve entity by name (every NAME argument)', async () => [
    await resolveEntity(db, mid.name),
  ])
  await add('stats sources', () => queryStatsSources(db))
  await add('stats languages', () => queryStatsLanguages(db))
  await add('stats days (30d)', () => queryStatsDays(db, { now: NOW }))
  await add('stats feeds', () => queryStatsFeeds(db))
  await add('flows (moves between organisations)', () => queryFlows(db, {}, 50))
  await add('latest moves with evidence', () => queryLatestMoves(db, {}, 20))
  return timings
}

interface ExportTiming {
  readonly name: string
  readonly rows: number
  /** Median of the runs. */
  readonly seconds: number
  /** The first run (a cold start, as a one-off CLI export sees it). */
  readonly firstSeconds: number
  readonly bytes: number
  readonly heapMb: readonly [number, number]
  readonly rssMb: readonly [number, number]
}

/** Runs per export: the machine is shared, one run swings ±40 %. */
const EXPORT_RUNS = Number(args['export-runs'])

async function benchExports(opened: OpenedDatabase, dir: string): Promise<ExportTiming[]> {
  const out: ExportTiming[] = []
  const tops = await queryTopEntities(opened.db, {}, 5)
  for (const name of DATASET_NAMES as readonly DatasetName[]) {
    const file = join(dir, `${name}.csv`)
    const heap: number[] = []
    const rss: number[] = []
    const sample = () => {
      const m = process.memoryUsage()
      heap.push(m.heapUsed / 1e6)
      rss.push(m.rss / 1e6)
    }
    const seconds: number[] = []
    let rows = 0
    for (let run = 0; run < EXPORT_RUNS; run++) {
      global.gc?.()
      const t = performance.now()
      rows = await writeFileAtomically(file, async (sink: CsvSink) => {
        const result = await exportDataset(opened, name, {
          now: NOW,
          timeline: { entities: tops, by: 'week' },
        })
        // Memory is sampled as batches (2,000 rows) reach the file, so the rows flow exactly as
        // in the CLI: no wrapper around the row iterator.
        let batches = 0
        const sampled: CsvSink = {
          write: (chunk) => {
            if (++batches % 25 === 0) sample()
            return sink.write(chunk)
          },
          once: (event, listener) => sink.once?.(event, listener),
        }
        return writeCsv(sampled, result.columns, result.rows)
      })
      seconds.push((performance.now() - t) / 1000)
      sample()
    }
    const bytes = (await stat(file)).size
    const e: ExportTiming = {
      name,
      rows,
      seconds: [...seconds].sort((x, y) => x - y)[Math.floor(seconds.length / 2)] as number,
      firstSeconds: seconds[0] as number,
      bytes,
      heapMb: [Math.min(...heap), Math.max(...heap)],
      rssMb: [Math.min(...rss), Math.max(...rss)],
    }
    out.push(e)
    const rate = (secs: number) =>
      Math.round(rows / secs)
        .toLocaleString('en')
        .padStart(10)
    console.log(
      `export ${name.padEnd(9)} ${rows.toLocaleString('en').padStart(10)} rows  median ${e.seconds.toFixed(2).padStart(5)} s ${rate(e.seconds)} rows/s  first ${rate(e.firstSeconds)} rows/s  ${(bytes / 1e6).toFixed(1).padStart(6)} MB  heap ${e.heapMb[0].toFixed(0)}–${e.heapMb[1].toFixed(0)} MB  rss ${e.rssMb[0].toFixed(0)}–${e.rssMb[1].toFixed(0)} MB`,
    )
  }
  return out
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'newshound-bench-queries-'))
  const path = args.keep ? resolve(args.keep) : join(dir, 'bench.db')
  try {
    if (!existsSync(path)) await build(path)
    else console.log(`reusing ${path}`)
    console.log(
      `database ${((await stat(path)).size / 1e6).toFixed(0)} MB; ${RUNS} timed runs per query after a first run; Node ${process.version}`,
    )
    const opened = await openDatabase(path)
    try {
      const timings = await benchQueries(opened)
      const t = performance.now()
      const html = await buildReport(opened, {
        since: new Date(NOW.getTime() - 90 * 86_400_000).toISOString(),
        until: NOW.toISOString(),
        now: NOW,
      })
      console.log(
        `report (90 days, 4 charts)${' '.repeat(32)} ${(performance.now() - t).toFixed(0)} ms, ${(html.length / 1e3).toFixed(0)} kB`,
      )
      const exports = await benchExports(opened, dir)
      const slow = timings.filter((x) => x.median > 200)
      const slowExports = exports.filter((x) => x.rows >= 100_000 && x.rows / x.seconds < 200_000)
      console.log(
        `queries: ${timings.length - slow.length}/${timings.length} under 200 ms (median), worst median ${Math.max(...timings.map((x) => x.median)).toFixed(0)} ms; ` +
          `large exports: ${slowExports.length === 0 ? 'all' : 'NOT all'} ≥ 200,000 rows/s (median of ${EXPORT_RUNS})`,
      )
    } finally {
      await opened.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
