import { Command } from '@commander-js/extra-typings'
import { listFetchErrors, listRuns } from '../../store/runs.js'
import { type AnyCommand, globalsOf, type Io, resolveConfig, withDatabase } from '../context.js'
import { formatOf, printRows } from '../output.js'

export function makeRunsCommand(io: Io): AnyCommand {
  return new Command('runs')
    .description('recent crawl runs with their counts')
    .option('-n, --limit <n>', 'how many runs', '20')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      await withDatabase(loaded.config.db, async ({ db }) => {
        const rows = await listRuns(db, Number(options.limit))
        const format = formatOf(options)
        printRows(
          io.stdout,
          rows.map((r) => ({
            id: r.id,
            started_at: r.started_at,
            status: r.status,
            trigger: r.trigger,
            duration_s: r.duration_ms === null ? null : Math.round(r.duration_ms / 100) / 10,
            feeds_polled: r.feeds_polled,
            feeds_not_modified: r.feeds_not_modified,
            feeds_failed: r.feeds_failed,
            articles_new: r.articles_new,
            articles_updated: r.articles_updated,
            articles_unchanged: r.articles_unchanged,
            articles_failed: r.articles_failed,
            articles_skipped: r.articles_skipped,
            ...(format === 'table' ? {} : { error: r.error }),
          })),
          format,
        )
      })
    })
}

export function makeErrorsCommand(io: Io): AnyCommand {
  return new Command('errors')
    .description('what failed and why: feeds, pages, extraction, robots.txt refusals')
    .option('--run <id>', 'only this run')
    .option('--source <id>', 'only this source')
    .option('-n, --limit <n>', 'how many rows', '50')
    .option('--json', 'JSON array on stdout')
    .option('--nl', 'one JSON object per line')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      await withDatabase(loaded.config.db, async ({ db }) => {
        const rows = await listFetchErrors(db, {
          limit: Number(options.limit),
          runId: options.run === undefined ? undefined : Number(options.run),
          sourceId: options.source,
        })
        printRows(
          io.stdout,
          rows.map((r) => ({
            occurred_at: r.occurred_at,
            run: r.run_id,
            source: r.source_id,
            stage: r.stage,
            code: r.code,
            status: r.http_status,
            url: r.url,
            reason: r.reason,
          })),
          formatOf(options),
        )
      })
    })
}
