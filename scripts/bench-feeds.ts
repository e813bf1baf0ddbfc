/**
 * Feed-parsing benchmark: our parseFeed against plain rss-parser (default options, parseString on
 * the UTF-8-decoded text), side by side in one run, on feeds-dev (or DIR) and feeds-real (silver
 * labels). Predictions go to a temp dir and are scored by ../shared/benchmarks/score-feeds.mjs.
 *
 *   npx tsx scripts/bench-feeds.ts [DIR]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import Parser from 'rss-parser'
import type { ParsedFeed } from '../src/harvest/feed-types.js'
import { parseFeed } from '../src/harvest/parse-feed.js'
import { requireDataDir, SHARED_BENCHMARKS } from './lib/shared-data.js'

interface FeedEntry {
  readonly file: string
  readonly url?: string
  readonly headers?: Readonly<Record<string, string>>
}

interface Prediction {
  readonly file: string
  readonly error?: string
  readonly title?: string | null
  readonly link?: string | null
  readonly items?: readonly Record<string, unknown>[]
}

interface RunResult {
  readonly predictions: Prediction[]
  readonly seconds: number
}

interface Score {
  readonly feeds: number
  readonly parsed: number
  readonly parseRate: number
  readonly itemFields: { readonly ok: number; readonly n: number; readonly accuracy: number }
}

const BENCH_ROOT = requireDataDir(SHARED_BENCHMARKS, 'bench:feeds')
const SCORER = join(BENCH_ROOT, 'score-feeds.mjs')

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/** What an HTTP client would hand the parser: the body after Content-Encoding, and the base URL. */
function request(
  dir: string,
  entry: FeedEntry,
): { bytes: Uint8Array; url: string; contentType: string | null } {
  let bytes: Uint8Array = readFileSync(join(dir, entry.file))
  const headers = entry.headers ?? {}
  if (headers['content-encoding'] === 'gzip') bytes = gunzipSync(bytes)
  const fallback = `http://bench.invalid/${entry.file}`
  const url = entry.url ?? fallback
  const location = headers['content-location']
  // Content-Location names the document's own URL: the base for relative links (RFC 9110 8.7).
  const base = location ? new URL(location, url).href : url
  return { bytes, url: base, contentType: headers['content-type'] ?? null }
}

function fromOurs(file: string, feed: ParsedFeed): Prediction {
  return {
    file,
    title: feed.title,
    link: feed.link,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.link,
      guid: item.guid,
      published: item.publishedAt,
      author: item.author,
      summary: item.summary,
    })),
  }
}

async function runOurs(dir: string, entries: readonly FeedEntry[]): Promise<RunResult> {
  const predictions: Prediction[] = []
  let elapsed = 0
  for (const entry of entries) {
    const { bytes, url, contentType } = request(dir, entry)
    const start = performance.now()
    try {
      const feed = parseFeed(bytes, { url, contentType })
      elapsed += performance.now() - start
      predictions.push(fromOurs(entry.file, feed))
    } catch (error) {
      elapsed += performance.now() - start
      predictions.push({ file: entry.file, error: String((error as Error).message ?? error) })
    }
  }
  return { predictions, seconds: elapsed / 1000 }
}

async function runRssParser(dir: string, entries: readonly FeedEntry[]): Promise<RunResult> {
  const parser = new Parser()
  const predictions: Prediction[] = []
  let elapsed = 0
  for (const entry of entries) {
    const { bytes } = request(dir, entry)
    const text = new TextDecoder('utf-8').decode(bytes)
    const start = performance.now()
    try {
      const feed = await parser.parseString(text)
      elapsed += performance.now() - start
      predictions.push({
        file: entry.file,
        title: feed.title ?? null,
        link: feed.link ?? null,
        items: feed.items.map((item) => ({
          title: item.title ?? null,
          link: item.link ?? null,
          guid: item.guid ?? (item as { id?: string }).id ?? null,
          published: item.isoDate ?? null,
          author: item.creator ?? (item as { author?: string }).author ?? null,
          summary: item.content ?? null,
        })),
      })
    } catch (error) {
      elapsed += performance.now() - start
      predictions.push({ file: entry.file, error: String((error as Error).message ?? error) })
    }
  }
  return { predictions, seconds: elapsed / 1000 }
}

function score(
  corpus: string,
  predictions: readonly Prediction[],
  name: string,
  expected?: string,
): Score {
  const out = mkdtempSync(join(tmpdir(), 'bench-feeds-'))
  const path = join(out, `${name}.jsonl`)
  writeFileSync(path, `${predictions.map((p) => JSON.stringify(p)).join('\n')}\n`)
  const args = [SCORER, corpus, path, '--json', ...(expected ? ['--expected', expected] : [])]
  const summary = JSON.parse(
    execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as Score
  if (process.env['BENCH_FAILURES']) {
    const text = execFileSync(
      process.execPath,
      [
        SCORER,
        corpus,
        path,
        '--failures',
        process.env['BENCH_FAILURES'],
        ...(expected ? ['--expected', expected] : []),
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    )
    process.stderr.write(`--- ${name}\n${text}`)
  }
  return summary
}

interface SetFigures {
  readonly name: string
  readonly ours: Score & { feedsPerSecond: number }
  readonly baseline: Score & { feedsPerSecond: number }
}

/** Best of a warm-up plus RUNS timed passes: the machine is shared, the minimum is the signal. */
const RUNS = 3

async function bestOf(run: () => Promise<RunResult>): Promise<RunResult> {
  await run()
  let best: RunResult | null = null
  for (let i = 0; i < RUNS; i++) {
    const result = await run()
    if (!best || result.seconds < best.seconds) best = result
  }
  return best as RunResult
}

async function benchSet(name: string, dir: string, expected?: string): Promise<SetFigures> {
  const entries = readJsonl<FeedEntry>(join(dir, 'feeds.jsonl'))
  const ours = await bestOf(() => runOurs(dir, entries))
  const baseline = await bestOf(() => runRssParser(dir, entries))
  return {
    name,
    ours: {
      ...score(dir, ours.predictions, `${name}-newshound`, expected),
      feedsPerSecond: entries.length / ours.seconds,
    },
    baseline: {
      ...score(dir, baseline.predictions, `${name}-rss-parser`, expected),
      feedsPerSecond: entries.length / baseline.seconds,
    },
  }
}

function line(label: string, s: SetFigures['ours']): string {
  return `  ${label.padEnd(11)} parsed ${s.parsed}/${s.feeds} (${s.parseRate.toFixed(3)})  item fields ${s.itemFields.accuracy.toFixed(3)} (${s.itemFields.ok}/${s.itemFields.n})  ${s.feedsPerSecond.toFixed(0)} feeds/s`
}

const devDir = requireDataDir(
  resolve(process.argv[2] ?? join(BENCH_ROOT, 'feeds-dev')),
  'bench:feeds',
)
const realDir = join(BENCH_ROOT, 'feeds-real')
const sets = [
  await benchSet('feeds-dev', devDir),
  await benchSet('feeds-real', realDir, join(realDir, 'expected-silver.jsonl')),
]
console.log(
  `feed parsing: newshound parseFeed vs rss-parser 3.13 (defaults); node ${process.version}, ${cpus().length} cores; speed = best of ${RUNS} warm passes`,
)
for (const set of sets) {
  console.log(`${set.name}:`)
  console.log(line('newshound', set.ours))
  console.log(line('rss-parser', set.baseline))
  console.log(
    `  ratio       item fields ${(set.ours.itemFields.accuracy / set.baseline.itemFields.accuracy).toFixed(2)}x, speed ${(set.ours.feedsPerSecond / set.baseline.feedsPerSecond).toFixed(2)}x`,
  )
}
const [dev, real] = sets as [SetFigures, SetFigures]
console.log(
  `feeds-dev item fields ${dev.ours.itemFields.accuracy.toFixed(3)} (rss-parser ${dev.baseline.itemFields.accuracy.toFixed(3)}), feeds-real ${real.ours.itemFields.accuracy.toFixed(3)} (rss-parser ${real.baseline.itemFields.accuracy.toFixed(3)}), parse rate ${dev.ours.parseRate.toFixed(3)}/${real.ours.parseRate.toFixed(3)}, ${dev.ours.feedsPerSecond.toFixed(0)} feeds/s`,
)
