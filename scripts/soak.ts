/**
 * `npm run soak [-- --minutes 5 | --seconds 40]`: runs `newshound schedule` as a child process
 * against 50 local sources with injected faults and kills it with SIGKILL at a fixed interval
 * (every minute; every 10 s in runs shorter than two minutes), restarting it each time, like a
 * host that OOM-kills or reboots a long-lived harvester. At the end it stops the scheduler with
 * SIGTERM and checks the database:
 *
 * - no duplicate articles (canonical_url unique, and no two articles for one published item);
 * - no lost articles: every item the fixture server published in a complete feed response is
 *   stored (and complete), or has a recorded error, or is still pending for a retryable reason
 *   (pending/failed page under the attempt limit, or a feed never polled successfully since);
 * - `pragma integrity_check` = ok, no foreign key violations;
 * - memory does not grow run over run, and its peak stays under --max-rss-mb (400 MB): VmRSS of
 *   the command's process tree per run, from /proc/<pid>/status, with no NODE_OPTIONS set.
 *
 * Prints its figures and a last line `soak ok …` or `soak FAILED …` (exit code 0 or 1).
 * Everything runs on 127.0.0.1; the child schedules only the soak's own sources.
 */

import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { defineSource, type SourceDefinition } from '../src/sources.js'
import { openDatabase } from '../src/store/database.js'
import { syncSources } from '../src/store/sources.js'
import { type ChildCli, spawnNewshound } from '../test/helpers/child-cli.js'
import { articleHtml, articleParagraphs, rssFeed, seededRandom } from '../test/helpers/news-site.js'
import { type FixtureServer, startFixtureServer } from './fixture-server.js'

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    sources: { type: 'string', default: '50' },
    'restart-every': { type: 'string' },
    'max-sources': { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    // The built CLI (dist/, `npm run build` first) instead of the source through tsx.
    built: { type: 'boolean', default: false },
    'max-rss-mb': { type: 'string', default: '400' },
  },
})

const DURATION_MS = flags.seconds
  ? Number(flags.seconds) * 1000
  : Number(flags.minutes ?? 5) * 60_000
const SHORT = DURATION_MS < 120_000
const RESTART_EVERY_MS = flags['restart-every']
  ? Number(flags['restart-every']) * 1000
  : SHORT
    ? 10_000
    : 60_000
const SOURCE_COUNT = Number(flags.sources)
const MAX_SOURCES = Number(flags['max-sources'])
/** Feed items listed per feed (newest first); old ones drop out as on a real site. */
const FEED_WINDOW = 30
/** A page failing this many times is given up (the pipeline's default maxAttemptsPerItem). */
const MAX_ATTEMPTS = 3
const TIMEOUT_MS = 2000
const SHUTDOWN_DEADLINE_MS = 3000
/**
 * Median peak RSS of the later half of the scheduler runs over the earlier half above this fails
 * the soak. Each run is a fresh process, so what could grow is what scales with the database or
 * the backlog; peaks also swing ±25 % with how much work a run happened to overlap, hence 1.5.
 */
const MAX_RSS_GROWTH = 1.5
/**
 * Peak resident memory of `newshound schedule` (its whole process tree) above this fails the
 * soak: what a small server has to spare for it, with no NODE_OPTIONS set.
 */
const MAX_RSS_MB = Number(flags['max-rss-mb'])

if (!(DURATION_MS > 0) || !(RESTART_EVERY_MS > 0) || !(SOURCE_COUNT > 0) || !(MAX_RSS_MB > 0)) {
  process.stderr.write(
    'usage: tsx scripts/soak.ts [--minutes N | --seconds N] [--sources 50] [--restart-every S] [--max-rss-mb 400] [--built]\n',
  )
  process.exit(2)
}

const random = seededRandom(Number(flags.seed))
const chance = (p: number) => random() < p

// ---------------------------------------------------------------------------------------------
// The fixture site: 50 sources, items appearing over time, faults by source profile

type Profile =
  | 'healthy'
  | 'slow-pages'
  | 'hangs'
  | 'errors-500'
  | 'rate-limited'
  | 'malformed'
  | 'flaky-pages'

/** Half the sources are well behaved; the rest each carry one kind of trouble. */
function profileOf(index: number): Profile {
  const profiles: Profile[] = [
    'healthy',
    'healthy',
    'healthy',
    'slow-pages',
    'slow-pages',
    'hangs',
    'errors-500',
    'rate-limited',
    'malformed',
    'flaky-pages',
  ]
  return profiles[index % profiles.length] as Profile
}

/** Seconds between two scheduled runs of a source. */
function pollSecondsOf(index: number): number {
  return 4 + (index % 3)
}

interface SiteItem {
  readonly n: number
  readonly publishAt: number
  /** When a complete feed response first carried it (the crawler could have seen it). */
  firstServedAt: number | null
}

interface Site {
  readonly index: number
  readonly id: string
  readonly profile: Profile
  readonly items: SiteItem[]
  /**
   * Feed responses that reached the client in full and could count as a successful poll, in
   * order: the items each carried (a 304 carries what the client already has; a malformed one,
   * nothing usable).
   */
  readonly responses: { readonly at: number; readonly carried: readonly number[] }[]
}

const started = Date.now()
const publishUntil = started + DURATION_MS
const sites: Site[] = Array.from({ length: SOURCE_COUNT }, (_, index) => {
  // Three stories already out at start, then one every 1.5 to 3 poll intervals: often enough
  // that the scheduler's idle slow-down (three empty polls in a row) does not put the feed to
  // sleep for the rest of the soak, rarely enough that empty polls and 304s happen too.
  const period = Math.round(pollSecondsOf(index) * 1000 * (1.5 + ((index * 37) % 100) / 66))
  const offset = (index * 131) % period
  const items: SiteItem[] = []
  for (let n = 0; ; n++) {
    const publishAt = n < 3 ? started - 60_000 + n : started + offset + (n - 3) * period
    if (publishAt > publishUntil) break
    items.push({ n, publishAt, firstServedAt: null })
  }
  return {
    index,
    id: `soak-${String(index).padStart(2, '0')}`,
    profile: profileOf(index),
    items,
    responses: [],
  }
})

const stats = {
  feed: { ok: 0, notModified: 0, hang: 0, error500: 0, rateLimited: 0, malformed: 0 },
  page: { ok: 0, slow: 0, hang: 0, error500: 0, notFound: 0 },
}

const pagePath = (site: Site, n: number) => `/s/${site.index}/a/${n}.html`
const titleOf = (site: Site, n: number) => `${site.id} story ${n}`
const seedOf = (site: Site, n: number) => 100_000 + site.index * 1000 + n

function visibleItems(site: Site, now: number): SiteItem[] {
  return site.items.filter((item) => item.publishAt <= now).slice(-FEED_WINDOW)
}

function serveFeed(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  server: FixtureServer,
): Promise<void> | void {
  const now = Date.now()
  const visible = visibleItems(site, now)
  if (site.profile === 'hangs' && chance(0.35)) {
    stats.feed.hang++
    return new Promise<void>(() => undefined)
  }
  if (site.profile === 'errors-500' && chance(0.5)) {
    stats.feed.error500++
    res.statusCode = 500
    res.end('internal error')
    return
  }
  if (site.profile === 'rate-limited' && chance(0.35)) {
    stats.feed.rateLimited++
    res.statusCode = 429
    res.setHeader('retry-after', String(3 + Math.floor(random() * 10)))
    res.end('slow down')
    return
  }
  const body = rssFeed(
    site.id,
    [...visible].reverse().map((item) => ({
      title: titleOf(site, item.n),
      link: server.url(pagePath(site, item.n)),
      guid: `${site.id}-${item.n}`,
      publishedAt: new Date(item.publishAt).toISOString(),
    })),
  )
  res.setHeader('content-type', 'application/rss+xml; charset=utf-8')
  if (site.profile === 'malformed' && chance(0.4)) {
    stats.feed.malformed++
    // Cut off mid-document (a proxy timeout, a full disk on the publisher's side) or an HTML error
    // page sent with 200: no item in it counts as published.
    res.on('finish', () => site.responses.push({ at: Date.now(), carried: [] }))
    res.end(
      chance(0.5)
        ? body.slice(0, Math.floor(body.length * random()))
        : '<!doctype html><html><body><h1>Maintenance</h1></body></html>',
    )
    return
  }
  const etag = `"${site.id}-${visible.length}"`
  res.setHeader('etag', etag)
  if (req.headers['if-none-match'] === etag) {
    stats.feed.notModified++
    res.on('finish', () =>
      site.responses.push({ at: Date.now(), carried: visible.map((i) => i.n) }),
    )
    res.statusCode = 304
    res.end()
    return
  }
  stats.feed.ok++
  res.on('finish', () => {
    const at = Date.now()
    for (const item of visible) item.firstServedAt ??= at
    site.responses.push({ at, carried: visible.map((i) => i.n) })
  })
  res.end(body)
}

async function servePage(
  site: Site,
  n: number,
  res: ServerResponse,
  server: FixtureServer,
): Promise<void> {
  const item = site.items[n]
  if (!item || item.publishAt > Date.now()) {
    stats.page.notFound++
    res.statusCode = 404
    res.end('not found')
    return
  }
  let delay = 10 + random() * 60
  if (site.profile === 'slow-pages') delay = 300 + random() * 700
  if (site.profile === 'flaky-pages') {
    if (chance(0.1)) {
      stats.page.hang++
      return new Promise<void>(() => undefined)
    }
    if (chance(0.25)) {
      stats.page.error500++
      res.statusCode = 500
      res.end('internal error')
      return
    }
    delay = 1000 + random() * 1500
  }
  if (delay > 250) stats.page.slow++
  await new Promise((r) => setTimeout(r, delay))
  stats.page.ok++
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.end(
    articleHtml({
      url: server.url(pagePath(site, n)),
      title: titleOf(site, n),
      seed: seedOf(site, n),
      publishedAt: new Date(item.publishAt).toISOString(),
    }),
  )
}

async function startSite(): Promise<FixtureServer> {
  const server = await startFixtureServer({
    routes: {
      '/robots.txt': (_req, res) => {
        res.setHeader('content-type', 'text/plain')
        res.end('User-agent: *\nAllow: /\n')
      },
    },
  })
  for (const site of sites) {
    server.route(`/s/${site.index}/feed.xml`, (req, res, srv) => serveFeed(site, req, res, srv))
    for (const item of site.items)
      server.route(pagePath(site, item.n), (_req, res, srv) => servePage(site, item.n, res, srv))
  }
  return server
}

// ---------------------------------------------------------------------------------------------
// The scheduler under test: a child process, killed and restarted

interface RunRecord {
  readonly pid: number
  readonly startedAt: number
  endedAt: number
  ended: 'SIGKILL' | 'SIGTERM' | string
  /** Saw "newshound scheduler: …" on stderr (lock taken, cron tasks registered). */
  confirmed: boolean
  readonly rssKb: number[]
}

function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

/**
 * Resident kB of a process and all its descendants: `newshound schedule` runs the scheduler in a
 * heap-capped child (src/cli/heap-cap.ts), and tsx keeps an esbuild helper; all of it is what the
 * command costs the machine.
 */
function rssOfTree(pid: number): number | null {
  const own = rssOf(pid)
  if (own === null) return null
  const parentOf = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the ")" that ends the command name: state, ppid, …
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parentOf.set(ppid, [...(parentOf.get(ppid) ?? []), Number(entry)])
    } catch {
      // The process ended while we looked.
    }
  }
  let total = own
  const pending = [...(parentOf.get(pid) ?? [])]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    total += rssOf(next) ?? 0
    pending.push(...(parentOf.get(next) ?? []))
  }
  return total
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function main(): Promise<boolean> {
  const dir = flags.db ? null : await mkdtemp(join(tmpdir(), 'newshound-soak-'))
  const dbPath = flags.db ?? join(dir as string, 'soak.db')
  const server = await startSite()
  const definitions: SourceDefinition[] = sites.map((site) =>
    defineSource({
      id: site.id,
      name: `Soak ${site.index} (${site.profile})`,
      homepage: server.url(`/s/${site.index}/`),
      language: 'en',
      feeds: [server.url(`/s/${site.index}/feed.xml`)],
      // 6-field node-cron expressions: every 4, 5 or 6 seconds.
      schedule: `*/${pollSecondsOf(site.index)} * * * * *`,
      local: true,
    }),
  )
  const setup = await openDatabase(dbPath)
  await syncSources(setup.db, definitions, 'imported')
  await setup.close()

  log(
    `soak: ${SOURCE_COUNT} sources, ${(DURATION_MS / 1000).toFixed(0)} s, SIGKILL every ${RESTART_EVERY_MS / 1000} s, database ${dbPath}`,
  )
  const runs: RunRecord[] = []
  const problems: string[] = []
  let current: { cli: ChildCli; record: RunRecord } | null = null
  const startChild = () => {
    const cli = spawnNewshound(
      [
        '--db',
        dbPath,
        'schedule',
        '--source',
        ...definitions.map((d) => d.id),
        '--max-sources',
        String(MAX_SOURCES),
        '--jitter-ms',
        '300',
        '--shutdown-deadline-ms',
        String(SHUTDOWN_DEADLINE_MS),
      ],
      {
        built: flags.built,
        env: {
          LOG_LEVEL: 'warn',
          NEWSHOUND_HOST_DELAY_MS: '0',
          NEWSHOUND_TIMEOUT_MS: String(TIMEOUT_MS),
          NEWSHOUND_MAX_RETRIES: '1',
          NEWSHOUND_CONCURRENCY: '4',
          NEWSHOUND_STORAGE_DIR: join(dir ?? tmpdir(), 'storage'),
          CRAWLEE_STORAGE_DIR: join(dir ?? tmpdir(), 'crawlee'),
        },
      },
    )
    const record: RunRecord = {
      pid: cli.child.pid ?? -1,
      startedAt: Date.now(),
      endedAt: 0,
      ended: '',
      confirmed: false,
      rssKb: [],
    }
    cli.child.stderr?.on('data', (chunk: Buffer | string) => {
      if (String(chunk).includes('newshound scheduler:')) record.confirmed = true
    })
    runs.push(record)
    current = { cli, record }
    return current
  }
  const onSignal = () => {
    current?.cli.child.kill('SIGKILL')
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  // Run, sample, kill, restart.
  while (Date.now() < publishUntil) {
    const { cli, record } = startChild()
    const killAt = Math.min(publishUntil, Date.now() + RESTART_EVERY_MS)
    while (Date.now() < killAt && cli.child.exitCode === null) {
      const rss = rssOfTree(record.pid)
      // 0 kB while the child is still exec'ing node: not a sample.
      if (rss !== null && rss > 0) record.rssKb.push(rss)
      await sleep(500)
    }
    if (cli.child.exitCode !== null) {
      record.ended = String(await cli.exited)
      record.endedAt = Date.now()
      problems.push(
        `scheduler pid ${record.pid} exited by itself (${record.ended}): ${cli.stderr().slice(-600)}`,
      )
      continue
    }
    if (Date.now() >= publishUntil) break
    cli.child.kill('SIGKILL')
    record.ended = String(await cli.exited)
    record.endedAt = Date.now()
  }
  // The last run is stopped the documented way: SIGTERM, in-flight work within the deadline, exit 0.
  const last = current as { cli: ChildCli; record: RunRecord } | null
  if (last && last.cli.child.exitCode === null) {
    last.cli.child.kill('SIGTERM')
    const stopStarted = Date.now()
    const code = await Promise.race([
      last.cli.exited,
      sleep(SHUTDOWN_DEADLINE_MS + 10_000).then(() => 'timeout'),
    ])
    last.record.ended = `SIGTERM → ${code} in ${((Date.now() - stopStarted) / 1000).toFixed(1)} s`
    last.record.endedAt = Date.now()
    if (code === 'timeout') {
      last.cli.child.kill('SIGKILL')
      problems.push('scheduler did not stop within its shutdown deadline after SIGTERM')
    } else if (code !== 0) {
      problems.push(`scheduler exited ${code} after SIGTERM: ${last.cli.stderr().slice(-600)}`)
    }
  }
  process.removeListener('SIGINT', onSignal)
  process.removeListener('SIGTERM', onSignal)
  await server.close()

  const unconfirmed = runs.filter((r) => !r.confirmed)
  if (unconfirmed.length > 0)
    problems.push(
      `${unconfirmed.length} scheduler start(s) never reported running (lock not taken over?)`,
    )

  const report = checkDatabase(dbPath, server.origin)
  problems.push(...report.problems)
  const memory = memoryFigures(runs)
  if (memory.growth !== null && memory.growth > MAX_RSS_GROWTH) {
    problems.push(
      `peak RSS grew run over run: ×${memory.growth.toFixed(2)} (limit ×${MAX_RSS_GROWTH})`,
    )
  }

  const peakMb = Math.max(0, ...memory.peaksMb)
  if (peakMb > MAX_RSS_MB)
    problems.push(`peak RSS ${peakMb} MB is above the ${MAX_RSS_MB} MB limit`)

  printFigures(runs, report, memory)
  if (dir && !flags.keep) await rm(dir, { recursive: true, force: true })
  else log(`database kept at ${dbPath}`)

  const summary = `${report.items.published} published, ${report.items.stored} stored, ${report.items.errored} with recorded errors, ${report.items.pending} pending, ${report.items.lost} lost, ${report.duplicates} duplicates, integrity ${report.integrity}, ${runs.length} runs (${runs.length - 1} restarts), peak RSS ${memory.firstMb}→${memory.lastMb} MB`
  if (problems.length === 0) {
    log(`soak ok: ${summary}`)
    return true
  }
  for (const problem of problems.slice(0, 30)) log(`  problem: ${problem}`)
  log(`soak FAILED: ${problems.length} problem(s); ${summary}`)
  return false
}

// ---------------------------------------------------------------------------------------------
// Checks

interface DbReport {
  readonly integrity: string
  readonly duplicates: number
  readonly articles: number
  readonly items: {
    published: number
    stored: number
    errored: number
    pending: number
    unseen: number
    lost: number
    notServed: number
  }
  readonly errorsByCode: Record<string, number>
  readonly runs: Record<string, number>
  readonly problems: string[]
}

function checkDatabase(dbPath: string, origin: string): DbReport {
  const sqlite = new SQLite(dbPath, { readonly: true })
  const problems: string[] = []
  try {
    const integrity = String(sqlite.pragma('integrity_check', { simple: true }))
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`)
    const fk = sqlite.pragma('foreign_key_check') as unknown[]
    if (fk.length > 0) problems.push(`${fk.length} foreign key violation(s)`)

    const articles = sqlite
      .prepare('select id, canonical_url, url, title, text from articles')
      .all() as {
      id: number
      canonical_url: string
      url: string
      title: string | null
      text: string
    }[]
    const byCanonical = new Map<string, number>()
    const byItem = new Map<string, number>()
    let duplicates = 0
    for (const article of articles) {
      byCanonical.set(article.canonical_url, (byCanonical.get(article.canonical_url) ?? 0) + 1)
      const match = /\/s\/(\d+)\/a\/(\d+)\.html$/.exec(article.canonical_url)
      if (!match || !article.canonical_url.startsWith(origin)) {
        problems.push(`article ${article.id} has an unexpected URL ${article.canonical_url}`)
        continue
      }
      const key = `${match[1]}/${match[2]}`
      byItem.set(key, (byItem.get(key) ?? 0) + 1)
      const site = sites[Number(match[1])]
      const n = Number(match[2])
      // Complete: the right title and every generated paragraph (none cut off by a kill).
      if (
        !site ||
        article.title !== titleOf(site, n) ||
        !articleParagraphs(seedOf(site, n)).every((p) => article.text.includes(p))
      ) {
        problems.push(
          `article ${article.id} (${article.canonical_url}) is incomplete or wrong: title ${JSON.stringify(article.title)}, ${article.text.length} chars`,
        )
      }
    }
    for (const count of byCanonical.values()) if (count > 1) duplicates += count - 1
    for (const [key, count] of byItem)
      if (count > 1) problems.push(`published item ${key} stored as ${count} articles`)
    if (duplicates > 0) problems.push(`${duplicates} duplicate canonical_url row(s)`)

    const itemRows = sqlite
      .prepare(
        'select fi.url, fi.status, fi.attempts, f.source_id, f.last_success_at from feed_items fi join feeds f on f.id = fi.feed_id',
      )
      .all() as {
      url: string
      status: string
      attempts: number
      source_id: string
      last_success_at: string | null
    }[]
    const itemsByUrl = new Map<string, (typeof itemRows)[number][]>()
    for (const row of itemRows) itemsByUrl.set(row.url, [...(itemsByUrl.get(row.url) ?? []), row])
    const errorUrls = new Set(
      (sqlite.prepare('select distinct url from fetch_errors').all() as { url: string }[]).map(
        (r) => r.url,
      ),
    )
    const feeds = new Map(
      (
        sqlite.prepare('select source_id, last_success_at from feeds').all() as {
          source_id: string
          last_success_at: string | null
        }[]
      ).map((f) => [f.source_id, f.last_success_at]),
    )

    const counts = {
      published: 0,
      stored: 0,
      errored: 0,
      pending: 0,
      unseen: 0,
      lost: 0,
      notServed: 0,
    }
    for (const site of sites) {
      for (const item of site.items) {
        if (item.publishAt > Date.now()) continue
        if (item.firstServedAt === null) {
          counts.notServed++ // published, but every feed response since was a fault
          continue
        }
        counts.published++
        const url = `${origin}${pagePath(site, item.n)}`
        if ((byItem.get(`${site.index}/${item.n}`) ?? 0) > 0) {
          counts.stored++
          continue
        }
        const rows = itemsByUrl.get(url) ?? []
        if (rows.length === 0) {
          // Never recorded as a feed item. Fine when the poll last committed as a success came
          // from a response without it (before it was out, or a malformed one); lost when that
          // response carried it: the items of a poll are committed before its success is.
          const lastSuccess = feeds.get(site.id)
          const committed = lastSuccess
            ? site.responses.filter((r) => r.at <= Date.parse(lastSuccess)).at(-1)
            : undefined
          if (!committed?.carried.includes(item.n)) counts.unseen++
          else {
            counts.lost++
            problems.push(
              `lost: ${url} was in the feed response of ${new Date(committed.at).toISOString()}, committed as the success of ${lastSuccess}, but it is not in feed_items`,
            )
          }
          continue
        }
        const retryable = rows.some(
          (r) => r.status === 'pending' || (r.status === 'failed' && r.attempts < MAX_ATTEMPTS),
        )
        if (retryable) {
          counts.pending++
          continue
        }
        if (rows.every((r) => r.status === 'fetched')) {
          counts.lost++
          problems.push(`lost: ${url} is marked fetched but no article is stored for it`)
          continue
        }
        if (errorUrls.has(url)) counts.errored++
        else {
          counts.lost++
          problems.push(
            `lost: ${url} is ${rows.map((r) => r.status).join('/')} without a recorded error`,
          )
        }
      }
    }
    const errorsByCode = Object.fromEntries(
      (
        sqlite
          .prepare(
            "select stage || ' ' || code as k, count(*) as n from fetch_errors group by k order by n desc",
          )
          .all() as { k: string; n: number }[]
      ).map((r) => [r.k, r.n]),
    )
    const runs = Object.fromEntries(
      (
        sqlite.prepare('select status, count(*) as n from crawl_runs group by status').all() as {
          status: string
          n: number
        }[]
      ).map((r) => [r.status, r.n]),
    )
    return {
      integrity,
      duplicates,
      articles: articles.length,
      items: counts,
      errorsByCode,
      runs,
      problems,
    }
  } finally {
    sqlite.close()
  }
}

interface MemoryFigures {
  readonly peaksMb: number[]
  readonly firstMb: number
  readonly lastMb: number
  /** Median peak of the later half of the runs over the median of the earlier half. */
  readonly growth: number | null
}

function memoryFigures(runs: readonly RunRecord[]): MemoryFigures {
  const peaksMb = runs
    .filter((r) => r.rssKb.length > 0)
    .map((r) => Math.round(Math.max(...r.rssKb) / 1024))
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? 0
  }
  const half = Math.floor(peaksMb.length / 2)
  const growth =
    peaksMb.length >= 3
      ? median(peaksMb.slice(peaksMb.length - half)) / Math.max(1, median(peaksMb.slice(0, half)))
      : null
  return { peaksMb, firstMb: peaksMb[0] ?? 0, lastMb: peaksMb.at(-1) ?? 0, growth }
}

function printFigures(runs: readonly RunRecord[], report: DbReport, memory: MemoryFigures): void {
  const elapsed = (Date.now() - started) / 1000
  const figures = {
    durationSeconds: Math.round(elapsed),
    sources: SOURCE_COUNT,
    profiles: Object.fromEntries(
      [...new Set(sites.map((s) => s.profile))].map((p) => [
        p,
        sites.filter((s) => s.profile === p).length,
      ]),
    ),
    schedulerRuns: runs.map((r) => ({
      pid: r.pid,
      seconds: Math.round((r.endedAt - r.startedAt) / 1000),
      ended: r.ended,
      peakRssMb: r.rssKb.length ? Math.round(Math.max(...r.rssKb) / 1024) : null,
    })),
    fixtureServer: stats,
    items: report.items,
    articles: report.articles,
    duplicates: report.duplicates,
    integrity: report.integrity,
    crawlRuns: report.runs,
    fetchErrors: report.errorsByCode,
    rssPeaksMb: memory.peaksMb,
    rssGrowth: memory.growth === null ? null : Number(memory.growth.toFixed(2)),
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
    return
  }
  log(
    `duration ${figures.durationSeconds} s, ${SOURCE_COUNT} sources ${JSON.stringify(figures.profiles)}`,
  )
  log(
    `scheduler runs: ${runs.length} (${runs.filter((r) => r.ended === 'SIGKILL').length} killed with SIGKILL); last: ${runs.at(-1)?.ended ?? '-'}`,
  )
  log(
    `peak RSS per run (MB, the command's process tree): ${memory.peaksMb.join(' ')}; limit ${MAX_RSS_MB} MB; later/earlier median ×${memory.growth?.toFixed(2) ?? '-'}`,
  )
  // Within one process: RSS every ~10 s of the longest run (each sample is 0.5 s apart).
  const longest = [...runs].sort((a, b) => b.rssKb.length - a.rssKb.length)[0]
  if (longest)
    log(
      `RSS within the longest run (MB, every 10 s): ${longest.rssKb
        .filter((_, i) => i % 20 === 0)
        .map((kb) => Math.round(kb / 1024))
        .join(' ')}`,
    )
  log(`fixture server feeds: ${JSON.stringify(stats.feed)}`)
  log(`fixture server pages: ${JSON.stringify(stats.page)}`)
  log(`items: ${JSON.stringify(report.items)}`)
  log(
    `articles: ${report.articles}, duplicates: ${report.duplicates}, integrity_check: ${report.integrity}`,
  )
  log(`crawl runs: ${JSON.stringify(report.runs)}`)
  log(`fetch errors: ${JSON.stringify(report.errorsByCode)}`)
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1
  },
  (error: unknown) => {
    process.stdout.write(
      `soak FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
