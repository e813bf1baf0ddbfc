import { rename, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Command } from '@commander-js/extra-typings'
import { buildReport } from '../../export/report-html.js'
import { chooseReportWindow } from '../../export/report-window.js'
import { parseTimeOption } from '../../query/range.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'

export function makeReportCommand(io: Io): AnyCommand {
  return new Command('report')
    .description(
      'one self-contained HTML page with charts: rising entities, mentions over time, talent flows, latest moves, source health',
    )
    .option(
      '--since <when>',
      'period start: 2026-11-01, or back from now: 7d, 4w, 3m (default 30d; see below)',
    )
    .option('--until <when>', 'period end (exclusive), default now')
    .option('--title <text>', 'page title', 'newshound report')
    .option('-o, --out <file>', "HTML file to write ('-' for stdout)", 'report.html')
    .addHelpText(
      'after',
      `
The page opens offline: no scripts, no CDN, no external requests (a Content-Security-Policy
forbids them). Charts are Vega-Lite specs rendered to SVG when the report is built.

With neither --since nor --until the page covers the last 30 days; when those hold no story
(older data, a crawl that stopped) it covers the last 30 days of data, up to the latest story,
and says so. An empty period is never silent: the page and stderr say how many stories the
database holds, from when to when, and the --since that covers them.

Examples:
  $ newshound report --out storage/report.html
  $ newshound report --since 90d --title "AI labs, Q4" --out q4.html`,
    )
    .action(async (options, cmd) => {
      const loaded = resolveConfig(io, globalsOf(cmd))
      const now = new Date()
      const { since, until, notice, html } = await withDatabase(
        loaded.config.db,
        async (opened) => {
          const window = await chooseReportWindow(opened.db, {
            since: parseTimeOption(options.since, '--since', now),
            until: parseTimeOption(options.until, '--until', now),
            now,
          })
          const html = await buildReport(opened, { ...window, now, title: options.title })
          return { ...window, html }
        },
      )
      if (notice !== null) io.stderr.write(`report: ${notice}\n`)
      if (options.out === '-') {
        io.stdout.write(html)
        return
      }
      const path = resolve(io.cwd, options.out)
      await writeFile(`${path}.tmp`, html, 'utf8')
      await rename(`${path}.tmp`, path)
      io.stderr.write(
        `report: ${since} until ${until} -> ${options.out} (${Math.round(html.length / 1024)} kB)\n`,
      )
    }) as unknown as AnyCommand
}
