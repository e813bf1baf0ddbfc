/**
 * `npm run demo`: the main job on the embedded corpus, fully offline. Serves demo/corpus on
 * 127.0.0.1, points local sources at it, runs the real crawl pipeline into storage/demo.db
 * (rebuilt on every run, because the server's port is part of every stored URL), then prints
 * what was stored.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { formatSummary } from '../src/cli/commands/crawl.js'
import { printRows } from '../src/cli/output.js'
import { loadConfig } from '../src/config.js'
import { writeCsv, writeFileAtomically } from '../src/export/csv.js'
import { exportDataset } from '../src/export/datasets.js'
import { buildReport } from '../src/export/report-html.js'
import { createLogger } from '../src/log.js'
import { runCrawl } from '../src/pipeline.js'
import { queryEntityList } from '../src/query/entity.js'
import { queryMoves, queryTalentFlows } from '../src/query/moves.js'
import { startScheduler } from '../src/schedule/scheduler.js'
import { defineSource } from '../src/sources.js'
import { openDatabase } from '../src/store/database.js'
import { startFixtureServer } from './fixture-server.js'

interface Manifest {
  sites: { id: string; name: string; language: string; prefix: string; feeds: string[] }[]
  articles: { path: string }[]
}

// `npm run demo -- --schedule [SECONDS]`: after the crawl, keep running the scheduler (the same code
// `newshound schedule` runs) on the demo sources until Ctrl-C, or for SECONDS.
const scheduleAt = process.argv.indexOf('--schedule')
const scheduleMode = scheduleAt >= 0
const scheduleSeconds = scheduleMode ? Number(process.argv[scheduleAt + 1] ?? 0) || null : null

const root = resolve(import.meta.dirname, '..')
const corpus = join(root, 'demo/corpus')
const manifest = JSON.parse(await readFile(join(corpus, 'manifest.json'), 'utf8')) as Manifest
const dbPath = join(root, 'storage/demo.db')
for (const suffix of ['', '-wal', '-shm']) await rm(`${dbPath}${suffix}`, { force: true })

const server = await startFixtureServer({ root: corpus })
const out = process.stdout
const say = (line = '') => out.write(`${line}\n`)
try {
  const { config } = loadConfig({
    env: process.env,
    cwd: root,
    flags: { db: dbPath, hostDelayMs: 0, concurrency: 8 },
  })
  const log = createLogger({ level: process.env['LOG_LEVEL'] ?? 'warn' })
  const sources = manifest.sites.map((site) =>
    defineSource({
      id: `demo-${site.id}`,
      name: site.name,
      homepage: server.url(`${site.prefix}/`),
      language: site.language,
      feeds: site.feeds.map((f) => server.url(f)),
      // Every 20 s with --schedule (node-cron's optional seconds field); hourly otherwise.
      schedule: scheduleMode ? '*/20 * * * * *' : '0 * * * *',
      local: true,
      politeness: { delayMs: 0 },
    }),
  )
  say(
    `newshound demo: serving ${manifest.articles.length} articles from ${sources.length} demo sites at ${server.origin}`,
  )
  const opened = await openDatabase(dbPath)
  try {
    const summary = await runCrawl({ db: opened.db, config, sources, log, trigger: 'demo' })
    say(formatSummary(summary))
    say()
    const perSource = await opened.db
      .selectFrom('articles')
      .select(['source_id', 'language', (eb) => eb.fn.countAll<number>().as('articles')])
      .groupBy(['source_id', 'language'])
      .orderBy('source_id')
      .execute()
    const copies = await opened.db
      .selectFrom('articles as copy')
      .innerJoin('articles as original', 'original.id', 'copy.duplicate_of')
      .select(['copy.canonical_url as copy', 'original.canonical_url as original'])
      .execute()
    const stories = (
      await opened.db
        .selectFrom('articles')
        .select('id')
        .where('duplicate_of', 'is', null)
        .execute()
    ).length
    say(
      `${stories} stories: ${copies.length} stored article(s) are copies of another and count once in every figure below:`,
    )
    for (const c of copies) say(`  ${c.copy}\n    = ${c.original}`)
    say()
    say('Stored articles per source and language:')
    printRows(out, perSource, 'table')
    const latest = await opened.db
      .selectFrom('articles')
      .select(['published_at', 'language', 'title'])
      .orderBy('published_at', 'desc')
      .limit(10)
      .execute()
    say('Latest stories:')
    printRows(out, latest, 'table')
    const top = async (kind: 'person' | 'org') =>
      (await queryEntityList(opened.db, { kind, limit: 10 })).map((r) => ({
        name: r.name,
        stories: r.stories,
        mentions: r.mentions,
      }))
    say('Top people:')
    printRows(out, await top('person'), 'table')
    say('Top organisations:')
    printRows(out, await top('org'), 'table')
    const moves = await queryMoves(opened.db, { limit: 25 })
    say(
      `Talent moves (reported; ${moves.length} shown, newest first — rumours and denials: newshound moves --status all):`,
    )
    printRows(
      out,
      moves.map((m) => ({
        happened: m.happenedAt,
        person: m.person,
        kind: m.kind,
        role: m.role,
        from: m.fromOrg,
        to: m.toOrg,
        reports: m.reports,
      })),
      'table',
    )
    const { flows, net } = await queryTalentFlows(opened.db)
    say('Top flows between organisations:')
    printRows(
      out,
      flows.slice(0, 10).map((f) => ({
        from: f.fromOrg,
        to: f.toOrg,
        people: f.people,
        names: f.names.join(', '),
      })),
      'table',
    )
    say('Net talent flow (most outflow first):')
    printRows(
      out,
      net.slice(0, 8).map((n) => ({ ...n })),
      'table',
    )
    const errors = await opened.db
      .selectFrom('fetch_errors')
      .select(['stage', 'code', 'url', 'reason'])
      .execute()
    if (errors.length > 0) {
      say('Recorded errors:')
      printRows(out, errors, 'table')
    }
    // The corpus covers 2023-2026: measure trends and draw the report as of its newest story.
    const newest = await opened.db
      .selectFrom('articles')
      .select((eb) => eb.fn.max('published_at').as('at'))
      .executeTakeFirst()
    const asOf = new Date(Date.parse(String(newest?.at ?? new Date().toISOString())) + 1000)
    const reportPath = join(root, 'storage/demo-report.html')
    const html = await buildReport(opened, {
      since: '2023-01-01T00:00:00.000Z',
      now: asOf,
      title: 'newshound demo: AI talent moves',
    })
    await writeFile(reportPath, html)
    const exported: string[] = []
    for (const [name, options] of [
      ['moves', { now: asOf }],
      [
        'trends',
        { now: asOf, trends: { windowDays: 120, baselineDays: 720, minStories: 2, limit: 50 } },
      ],
    ] as const) {
      const path = join(root, `storage/demo-${name}.csv`)
      const result = await exportDataset(opened, name, options)
      const rows = await writeFileAtomically(path, (sink) =>
        writeCsv(sink, result.columns, result.rows, {}),
      )
      exported.push(`  ${path} (${rows} rows)`)
    }
    say(`Report (open it in a browser, works offline): ${reportPath}`)
    say(`CSV exports for dashboards:\n${exported.join('\n')}`)
    say(`Database: ${dbPath}  (try: npx newshound --db ${dbPath} moves --company Meta)`)
    if (scheduleMode) {
      const scheduler = await startScheduler({
        db: opened.db,
        config,
        sources,
        log,
        maxConcurrentSources: 2,
        jitterMs: 2000,
        heartbeatMs: 5000,
      })
      say(
        `\nScheduler running on the demo sources (every 20 s${scheduleSeconds ? `, for ${scheduleSeconds} s` : ''}; Ctrl-C to stop).`,
      )
      say(`Watch it from another terminal: npx newshound --db ${dbPath} status`)
      const stop = () => void scheduler.stop(10_000)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      if (scheduleSeconds) setTimeout(stop, scheduleSeconds * 1000)
      await scheduler.stopped
      const runs = await opened.db
        .selectFrom('crawl_runs')
        .select(['id', 'trigger', 'status', 'feeds_not_modified', 'articles_new'])
        .orderBy('id')
        .execute()
      printRows(out, runs, 'table')
    }
  } finally {
    await opened.close()
  }
} finally {
  await server.close()
}
