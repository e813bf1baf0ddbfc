import { Command, Option } from '@commander-js/extra-typings'
import { UsageError } from '../../errors.js'
import { type CrawlProgress, type CrawlRunSummary, runCrawl } from '../../pipeline.js'
import {
  type AnyCommand,
  allSources,
  globalsOf,
  type Io,
  loggerFor,
  resolveConfig,
  withDatabase,
} from '../context.js'

export function makeCrawlCommand(io: Io): AnyCommand {
  return new Command('crawl')
    .description(
      'run one harvest: poll the feeds of all (or some) sources, fetch new articles, store them',
    )
    .option('-s, --source <id...>', 'only these source ids')
    .option('--concurrency <n>', 'parallel page fetches (NEWSHOUND_CONCURRENCY)')
    .option('--host-delay-ms <ms>', 'delay between requests to one host (NEWSHOUND_HOST_DELAY_MS)')
    .option('--timeout-ms <ms>', 'timeout per request (NEWSHOUND_TIMEOUT_MS)')
    .option('--max-page-bytes <n>', 'largest page accepted (NEWSHOUND_MAX_PAGE_BYTES)')
    .option('--user-agent <ua>', 'User-Agent header (NEWSHOUND_USER_AGENT)')
    .option('--proxy <url>', 'HTTP(S) proxy (NEWSHOUND_PROXY)')
    .addOption(new Option('--no-robots', 'ignore robots.txt (only for your own sites)'))
    .option('--json', 'print the run summary as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ newshound crawl                      # every source in the catalog and imported ones
  $ newshound crawl --source heise golem # just these
  $ newshound crawl --json | jq .articlesNew

Exit code is 0 even when some sites fail (see 'newshound errors'); 1 when the run itself
could not happen (database unwritable), 2 for bad configuration.`,
    )
    .action(async (options, command) => {
      const globals = globalsOf(command)
      const loaded = resolveConfig(io, globals, {
        concurrency: options.concurrency,
        hostDelayMs: options.hostDelayMs,
        timeoutMs: options.timeoutMs,
        maxPageBytes: options.maxPageBytes,
        userAgent: options.userAgent,
        proxy: options.proxy,
        ...(options.robots === false ? { respectRobotsTxt: 'false' } : {}),
      })
      const log = loggerFor(loaded)
      await withDatabase(loaded.config.db, async (opened) => {
        const available = await allSources(opened)
        let chosen = available
        if (options.source) {
          const wanted = new Set(options.source)
          chosen = available.filter((s) => wanted.has(s.id))
          const unknown = [...wanted].filter((id) => !available.some((s) => s.id === id))
          if (unknown.length > 0)
            throw new UsageError(
              `unknown source id: ${unknown.join(', ')} (see 'newshound sources')`,
            )
        }
        const progress = createProgressPrinter(io, globals.quiet === true)
        const summary = await runCrawl({
          db: opened.db,
          config: loaded.config,
          sources: chosen,
          log,
          onProgress: progress.update,
        })
        progress.done()
        if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
        else io.stderr.write(`${formatSummary(summary)}\n`)
      })
    })
}

export function formatSummary(s: CrawlRunSummary): string {
  return [
    `run ${s.runId} ${s.status} in ${(s.durationMs / 1000).toFixed(1)}s`,
    `  feeds:    ${s.feedsPolled} polled, ${s.feedsNotModified} not modified, ${s.feedsFailed} failed`,
    `  articles: ${s.articlesNew} new${s.articlesDuplicate > 0 ? ` (${s.articlesDuplicate} copies of stored stories)` : ''}, ${s.articlesUpdated} updated, ${s.articlesUnchanged} unchanged, ${s.articlesFailed} failed, ${s.articlesSkipped} skipped`,
    s.feedsFailed + s.articlesFailed > 0 ? `  see: newshound errors --run ${s.runId}` : '',
  ]
    .filter(Boolean)
    .join('\n')
}

/** A one-line progress display on a terminal; plain lines every phase change otherwise. */
function createProgressPrinter(io: Io, quiet: boolean) {
  const tty = io.stderr.isTTY === true && !quiet
  let lastPhase = ''
  let lastDraw = 0
  return {
    update: (event: CrawlProgress) => {
      if (quiet) return
      if (!tty) {
        if (event.phase !== lastPhase) io.stderr.write(`${event.phase}: ${event.total} to do\n`)
        lastPhase = event.phase
        return
      }
      const now = Date.now()
      if (now - lastDraw < 80 && event.done < event.total) return
      lastDraw = now
      const width = 24
      const filled = event.total === 0 ? width : Math.round((event.done / event.total) * width)
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      io.stderr.write(
        `\r\x1b[K${event.phase.padEnd(5)} ${bar} ${event.done}/${event.total} ${event.url.slice(0, 60)}`,
      )
      lastPhase = event.phase
    },
    done: () => {
      if (tty && lastPhase) io.stderr.write('\r\x1b[K')
    },
  }
}
