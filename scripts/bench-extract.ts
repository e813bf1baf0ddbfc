/**
 * Article-extraction benchmark: newshound's extractor and Readability 0.6 on linkedom, side by
 * side, on the same pages in the same run.
 *
 *   npm run bench:extract [DIR] [-- --per-page] [--metadata DIR] [--dates DIR] [--rounds N]
 *
 * DIR defaults to ../shared/benchmarks/extraction-dev (pages.jsonl + html/*.html.gz +
 * ground-truth.json). Predictions are written as JSONL to a temp folder and scored with the
 * shared scorer (score-extraction.mjs, 4-gram shingle P/R/F1); metadata is scored on
 * ../shared/benchmarks/metadata-dev with score-metadata.mjs; published-date accuracy (exact UTC
 * day) on test/fixtures/dates. Timing covers extraction only (pages are gunzipped beforehand),
 * best of N rounds per extractor, one core.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { extractArticle } from '../src/extract/extract-article.js'
import { requireDataDir, SHARED_BENCHMARKS } from './lib/shared-data.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Args {
  dir: string
  metadataDir: string
  datesDir: string
  perPage: boolean
  rounds: number
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: join(SHARED_BENCHMARKS, 'extraction-dev'),
    metadataDir: join(SHARED_BENCHMARKS, 'metadata-dev'),
    datesDir: resolve(repoRoot, 'test/fixtures/dates'),
    perPage: false,
    rounds: 3,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--per-page') args.perPage = true
    else if (a === '--metadata') args.metadataDir = resolve(argv[++i] ?? '')
    else if (a === '--dates') args.datesDir = resolve(argv[++i] ?? '')
    else if (a === '--rounds') args.rounds = Math.max(1, Number(argv[++i] ?? '3'))
    else if (!a.startsWith('--')) args.dir = resolve(a)
  }
  return args
}

interface Page {
  readonly id: string
  readonly url: string
  readonly html: string
}

function loadPages(dir: string): Page[] {
  const lines = readFileSync(join(dir, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
  return lines.map((line) => {
    const row = JSON.parse(line) as { id: string; url: string; html: string }
    const bytes = readFileSync(join(dir, row.html))
    const html = (row.html.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
    return { id: row.id, url: row.url, html }
  })
}

interface RunResult {
  readonly texts: Map<string, string>
  readonly exceptions: number
  readonly seconds: number
}

function runExtractor(
  pages: readonly Page[],
  rounds: number,
  extract: (p: Page) => string,
): RunResult {
  let best = Number.POSITIVE_INFINITY
  let texts = new Map<string, string>()
  let exceptions = 0
  for (let r = 0; r < rounds; r++) {
    const out = new Map<string, string>()
    let failed = 0
    const start = process.hrtime.bigint()
    for (const page of pages) {
      try {
        out.set(page.id, extract(page))
      } catch {
        failed++
        out.set(page.id, '')
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (seconds < best) best = seconds
    texts = out
    exceptions = failed
  }
  return { texts, exceptions, seconds: best }
}

function ours(page: Page): string {
  return extractArticle(page.html, page.url).text
}

function readability(page: Page): string {
  const { document } = parseHTML(page.html)
  // Readability's types name the browser Document; linkedom's is structurally what it reads.
  const reader = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  )
  return reader.parse()?.textContent ?? ''
}

function score(scorer: string, truth: string, preds: string, extra: string[] = []): string {
  return execFileSync(process.execPath, [scorer, truth, preds, ...extra], { encoding: 'utf8' })
}

function lastLine(out: string): string {
  return out.trim().split('\n').at(-1) ?? ''
}

function benchText(args: Args, tmp: string): void {
  const pages = loadPages(requireDataDir(args.dir, 'bench:extract'))
  const scorer = resolve(args.dir, '../score-extraction.mjs')
  console.log(`# article text: ${pages.length} pages from ${args.dir}\n`)
  const results: Array<[string, RunResult]> = [
    ['newshound', runExtractor(pages, args.rounds, ours)],
    ['readability-linkedom', runExtractor(pages, args.rounds, readability)],
  ]
  const rows: string[] = []
  const speeds: number[] = []
  for (const [name, result] of results) {
    const file = join(tmp, `${name}.jsonl`)
    writeFileSync(
      file,
      pages
        .map((p) => JSON.stringify({ id: p.id, articleBody: result.texts.get(p.id) ?? '' }))
        .join('\n'),
    )
    const out = score(
      scorer,
      join(args.dir, 'ground-truth.json'),
      file,
      args.perPage && name === 'newshound' ? ['--per-page'] : [],
    )
    if (args.perPage && name === 'newshound') console.log(out)
    const m = /F1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/.exec(lastLine(out))
    const empty = [...result.texts.values()].filter((t) => t.trim() === '').length
    const pps = pages.length / result.seconds
    speeds.push(pps)
    rows.push(
      `${name.padEnd(22)} ${m?.[1] ?? '?'}  ${m?.[2] ?? '?'}      ${m?.[3] ?? '?'}   ${String(empty).padStart(5)}  ${String(result.exceptions).padStart(10)}  ${pps.toFixed(1).padStart(7)}`,
    )
  }
  console.log('extractor              F1     precision  recall  empty  exceptions  pages/s')
  for (const row of rows) console.log(row)
  console.log(
    `\nspeed ratio newshound / readability-linkedom: ${(speeds[0]! / speeds[1]!).toFixed(2)}x (best of ${args.rounds} rounds, one core)`,
  )
  console.log(`predictions: ${tmp}`)
}

function benchMetadata(args: Args, tmp: string): void {
  if (!existsSync(args.metadataDir)) return
  const ids = readFileSync(join(args.metadataDir, 'ids.txt'), 'utf8').split('\n').filter(Boolean)
  const rows: string[] = []
  for (const id of ids) {
    const html = readFileSync(join(args.metadataDir, id, 'source.html'), 'utf8')
    try {
      // Readability's test pages were saved from http://fakehost/test/page.html.
      const a = extractArticle(html, 'http://fakehost/test/page.html')
      rows.push(
        JSON.stringify({
          id,
          title: a.title,
          byline: a.authors.length > 0 ? a.authors.join(', ') : null,
          excerpt: a.description,
          siteName: a.siteName,
          publishedTime: a.publishedAt,
          lang: a.language,
          dir: null,
        }),
      )
    } catch {
      rows.push(JSON.stringify({ id }))
    }
  }
  const file = join(tmp, 'metadata.jsonl')
  writeFileSync(file, rows.join('\n'))
  const out = score(
    resolve(args.metadataDir, '../score-metadata.mjs'),
    args.metadataDir,
    file,
    args.perPage ? ['--per-page'] : [],
  )
  console.log(`\n# metadata: ${ids.length} pages from ${args.metadataDir}\n`)
  console.log(out.trim())
}

interface DateExpectation {
  readonly publishedAt: string
  readonly lang: string
  readonly url?: string
  readonly now?: string
}

/** Reference "now" for the dates set unless an entry says otherwise (keeps the set stable). */
export const DATES_NOW = '2027-01-15T12:00:00Z'

function benchDates(args: Args): void {
  const file = join(args.datesDir, 'expected.json')
  if (!existsSync(file)) return
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Record<string, DateExpectation>
  const files = Object.keys(expected).sort()
  let right = 0
  const misses: string[] = []
  const bySource = new Map<string, number>()
  for (const name of files) {
    const e = expected[name]!
    const html = readFileSync(join(args.datesDir, name), 'utf8')
    const url = e.url ?? `https://news.example.com/articles/${name.replace(/\.html$/, '')}`
    const a = extractArticle(html, url, { now: new Date(e.now ?? DATES_NOW) })
    const day = a.publishedAt?.slice(0, 10) ?? null
    bySource.set(String(a.publishedFrom), (bySource.get(String(a.publishedFrom)) ?? 0) + 1)
    if (day === e.publishedAt) right++
    else misses.push(`  ${name}: expected ${e.publishedAt}, got ${day} (${a.publishedFrom})`)
  }
  const unused = readdirSync(args.datesDir).filter((f) => f.endsWith('.html') && !(f in expected))
  console.log(`\n# published date: ${files.length} pages from ${args.datesDir}\n`)
  if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`)
  if (unused.length > 0) console.log(`pages without expectation: ${unused.join(', ')}`)
  console.log(`signals used: ${[...bySource].map(([k, v]) => `${k} ${v}`).join(', ')}`)
  console.log(
    `date accuracy (exact day) ${(right / files.length).toFixed(3)} (${right}/${files.length})`,
  )
}

const args = parseArgs(process.argv.slice(2))
const tmp = mkdtempSync(join(tmpdir(), 'bench-extract-'))
benchText(args, tmp)
benchMetadata(args, tmp)
benchDates(args)
