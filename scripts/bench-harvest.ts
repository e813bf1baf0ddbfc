/**
 * `npm run bench:harvest [ARTICLES] [FEEDS]`: end-to-end harvest throughput. A child process serves
 * a generated corpus (default 2,000 articles over 20 feeds) on 127.0.0.1; this process runs the
 * real pipeline (feed polling, Crawlee page fetch, decoding, extraction, deduplication, SQLite,
 * enrichment) into a temp database, then fetches the same pages again with the same HTTP stack and
 * concurrency and nothing else (no parsing, no storing). It reports articles/s, the ratio
 * end-to-end / raw fetch, the time per stage and peak RSS.
 * Targets: >= 150 articles/s, ratio >= 0.5, peak RSS < 400 MB.
 */
import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config.js'
import { fetchPages } from '../src/harvest/fetch-pages.js'
import { silentLogger } from '../src/log.js'
import { runCrawl } from '../src/pipeline.js'
import { defineSource } from '../src/sources.js'
import { createStageTimes, STAGES } from '../src/stage-timing.js'
import { openDatabase } from '../src/store/database.js'

const WORDS =
  'model research startup engineer company launched team data cloud chips investors funding market product users platform security policy europe german berlin munich training inference agents lab scientist director'.split(
    ' ',
  )

function sentence(seed: number, length: number): string {
  const words: string[] = []
  for (let i = 0; i < length; i++)
    words.push(WORDS[(seed * 31 + i * 17 + (seed >> 3)) % WORDS.length] as string)
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

function articlePage(feed: number, item: number, origin: string): string {
  const seed = feed * 1000 + item
  const paragraphs = Array.from(
    { length: 8 },
    (_, p) =>
      `<p>${sentence(seed + p, 14)} ${sentence(seed + p * 7, 18)} Story ${seed} part ${p}.</p>`,
  ).join('\n')
  const nav = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`,
  ).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${seed} | Bench News</title>
<link rel="canonical" href="${origin}/f${feed}/a${item}.html"><meta property="article:published_time" content="2026-11-${String((item % 28) + 1).padStart(2, '0')}T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story ${seed}","author":{"@type":"Person","name":"Bench Writer"}}</script></head>
<body><header><ul>${nav}</ul></header><main><article><h1>Story ${seed}</h1>${paragraphs}</article>
<aside><h3>Related</h3><ul><li><a href="/r1">Related one</a></li><li><a href="/r2">Related two</a></li></ul></aside></main>
<footer><p>Copyright Bench News. All rights reserved.</p></footer></body></html>`
}

function feedXml(feed: number, perFeed: number, origin: string): string {
  const items = Array.from(
    { length: perFeed },
    (_, i) =>
      `<item><title>Story ${feed * 1000 + i}</title><link>${origin}/f${feed}/a${i}.html</link><guid>f${feed}-a${i}</guid><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item>`,
  ).join('\n')
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>${origin}/</link>${items}</channel></rss>`
}

async function serve(perFeed: number): Promise<void> {
  let origin = ''
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/'
    const feedMatch = /^\/feed(\d+)\.xml$/.exec(url)
    const pageMatch = /^\/f(\d+)\/a(\d+)\.html$/.exec(url)
    if (url === '/robots.txt') {
      res.end('User-agent: *\nAllow: /\n')
    } else if (feedMatch) {
      res.setHeader('content-type', 'application/rss+xml')
      res.end(feedXml(Number(feedMatch[1]), perFeed, origin))
    } else if (pageMatch) {
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(articlePage(Number(pageMatch[1]), Number(pageMatch[2]), origin))
    } else {
      res.statusCode = 404
      res.end()
    }
  })
  server.listen(0, '127.0.0.1', () => {
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    process.send?.({ origin })
  })
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000)
  const feeds = Number(process.argv[3] ?? 20)
  const perFeed = Math.ceil(total / feeds)
  const child = fork(import.meta.filename, ['--serve', String(perFeed)], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  })
  const origin = await new Promise<string>((resolve) =>
    child.once('message', (m) => resolve((m as { origin: string }).origin)),
  )
  const dir = await mkdtemp(join(tmpdir(), 'newshound-bench-'))
  try {
    const { config } = loadConfig({
      env: {},
      envFile: null,
      cwd: dir,
      flags: {
        db: join(dir, 'bench.db'),
        hostDelayMs: 0,
        concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 24),
        feedConcurrency: 8,
      },
    })
    const sources = Array.from({ length: feeds }, (_, f) =>
      defineSource({
        id: `bench-${f}`,
        name: `Bench ${f}`,
        homepage: `${origin}/`,
        language: 'en',
        feeds: [`${origin}/feed${f}.xml`],
        schedule: '0 * * * *',
        local: true,
        politeness: { delayMs: 0 },
      }),
    )
    const opened = await openDatabase(config.db)
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }, 25)
    const stageTimes = createStageTimes()
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    const summary = await runCrawl({
      db: opened.db,
      config,
      sources,
      log: silentLogger(),
      trigger: 'bench',
      stageTimes,
    })
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    clearInterval(sampler)
    await opened.close()

    // The same pages, the same HTTP stack (Crawlee HttpCrawler through fetchPages) and
    // concurrency, nothing done with the bodies: what the network side alone allows.
    const urls = Array.from({ length: feeds * perFeed }, (_, i) => {
      const path = `/f${Math.floor(i / perFeed)}/a${i % perFeed}.html`
      return { url: `${origin}${path}`, key: path, allowPrivate: true }
    })
    let fetched = 0
    const rawStarted = performance.now()
    await fetchPages(urls, {
      userAgent: config.userAgent,
      concurrency: config.concurrency,
      hostDelayMs: 0,
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxPageBytes,
      maxRetries: config.maxRetries,
      maxRedirects: config.maxRedirects,
      onPage: async () => {
        fetched++
      },
      onFailure: async () => undefined,
    })
    const rawSeconds = (performance.now() - rawStarted) / 1000

    const rate = summary.articlesNew / seconds
    const rawRate = fetched / rawSeconds
    const ratio = rate / rawRate
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
    console.log(
      `articles stored: ${summary.articlesNew} of ${feeds * perFeed} (failed ${summary.articlesFailed})`,
    )
    console.log(
      `end to end: ${seconds.toFixed(2)} s, ${rate.toFixed(1)} articles/s   concurrency: ${config.concurrency}`,
    )
    console.log(
      `  this process used ${cpuSeconds.toFixed(2)} s of CPU in those ${seconds.toFixed(2)} s (${((cpuSeconds / seconds) * 100).toFixed(0)} %; the server is another process)`,
    )
    console.log(
      `raw fetch of the same pages (same HTTP stack and concurrency, after the end-to-end run): ${fetched} in ${rawSeconds.toFixed(2)} s, ${rawRate.toFixed(1)} pages/s`,
    )
    console.log(`ratio end-to-end / raw fetch: ${ratio.toFixed(2)}`)
    console.log('time per stage (main thread, summed over articles; share of the end-to-end time):')
    const perArticle = (ms: number) => (ms / Math.max(1, summary.articlesNew)).toFixed(2)
    const share = (ms: number) => `${((ms / (seconds * 1000)) * 100).toFixed(0)}%`
    console.log(
      `  ${'fetch (raw run)'.padEnd(16)} ${perArticle(rawSeconds * 1000)} ms/article of wall time`,
    )
    for (const stage of STAGES)
      console.log(
        `  ${stage.padEnd(16)} ${perArticle(stageTimes[stage])} ms/article  ${share(stageTimes[stage])}`,
      )
    console.log(`peak RSS: ${mb(peakRss)} MB`)
    console.log(
      `articles/s ${rate.toFixed(1)} ratio ${ratio.toFixed(2)} peak_rss_mb ${mb(peakRss)} (targets: >= 150, >= 0.5, < 400)`,
    )
  } finally {
    child.kill()
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--serve') await serve(Number(process.argv[3]))
else await main()
