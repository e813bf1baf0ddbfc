import { getHeapStatistics } from 'node:v8'
import { Command } from '@commander-js/extra-typings'
import { UsageError } from '../../errors.js'
import { querySourceHealth } from '../../query/health.js'
import { STALE_AFTER_MS } from '../../schedule/lock.js'
import { startScheduler } from '../../schedule/scheduler.js'
import {
  type AnyCommand,
  allSources,
  globalsOf,
  type Io,
  loggerFor,
  resolveConfig,
  withDatabase,
} from '../context.js'
import { formatOf, printRows } from '../output.js'

export function makeScheduleCommand(io: Io): AnyCommand {
  return new Command('schedule')
    .description(
      'run in the foreground: every source polls on its own cron schedule until stopped (SIGINT/SIGTERM)',
    )
    .option('-s, --source <id...>', 'only these source ids')
    .option('--timezone <tz>', 'IANA time zone of the cron expressions', 'UTC')
    .option('--max-sources <n>', 'sources crawling at the same time', '2')
    .option('--jitter-ms <ms>', 'random delay added to each start', '30000')
    .option(
      '--shutdown-deadline-ms <ms>',
      'time in-flight work gets to finish on SIGTERM before it is abandoned',
      '30000',
    )
    .addHelpText(
      'after',
      `
Memory: unless NODE_OPTIONS sets --max-old-space-size, the scheduler runs in a child Node
started with a heap cap of NEWSHOUND_SCHEDULER_HEAP_MB (default 384; 0 leaves V8's default,
sized from the machine's memory); this process forwards signals to it and exits with its code.

One scheduler per database: a second one exits with a message naming the holder. Stop with
Ctrl-C or SIGTERM: no new work is taken, in-flight fetches get the deadline, committed work is
kept, exit code 0. 'newshound status' shows what it is doing.`,
    )
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      const log = loggerFor(loaded)
      try {
        Intl.DateTimeFormat('en', { timeZone: options.timezone })
      } catch {
        throw new UsageError(`--timezone: unknown time zone ${JSON.stringify(options.timezone)}`)
      }
      await withDatabase(loaded.config.db, async (opened) => {
        let sources = await allSources(opened)
        if (options.source) sources = sources.filter((s) => options.source?.includes(s.id))
        if (sources.length === 0) throw new UsageError('no sources to schedule')
        const scheduler = await startScheduler({
          db: opened.db,
          config: loaded.config,
          sources,
          log,
          timezone: options.timezone,
          maxConcurrentSources: Number(options.maxSources),
          jitterMs: Number(options.jitterMs),
        })
        const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)
        io.stderr.write(
          `newshound scheduler: ${sources.length} source(s), ${options.timezone}, pid ${process.pid}, heap limit ${heapLimitMb} MB; Ctrl-C to stop\n`,
        )
        let stopping = false
        const shutdown = (signal: string) => {
          // A SIGTERM can arrive twice (systemd signals the whole group, and the heap-cap parent
          // forwards it): one graceful stop. A second Ctrl-C still ends the process at once.
          if (stopping) return
          stopping = true
          io.stderr.write(
            `\n${signal}: finishing in-flight work (up to ${Number(options.shutdownDeadlineMs) / 1000}s)…\n`,
          )
          void scheduler.stop(Number(options.shutdownDeadlineMs))
        }
        process.once('SIGINT', () => shutdown('SIGINT'))
        process.on('SIGTERM', () => shutdown('SIGTERM'))
        await scheduler.stopped
        // Abandoned in-flight work (past the deadline) may still hold timers or sockets: do not
        // let it keep the process alive once the scheduler has released its lock.
        setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref()
      })
    })
}

export function makeStatusCommand(io: Io): AnyCommand {
  return new Command('status')
    .description(
      'what the scheduler is doing: heartbeat, running sources, last success, error streak and next run per source',
    )
    .option('--json', 'JSON object on stdout')
    .action(async (options, command) => {
      const loaded = resolveConfig(io, globalsOf(command))
      await withDatabase(loaded.config.db, async ({ db }) => {
        const state = await db
          .selectFrom('scheduler_state')
          .selectAll()
          .where('id', '=', 1)
          .executeTakeFirst()
        const health = await querySourceHealth(db)
        const schedule = await db.selectFrom('source_schedule').selectAll().execute()
        const bySource = new Map(schedule.map((s) => [s.source_id, s]))
        const age = state ? Date.now() - Date.parse(state.heartbeat_at) : null
        const alive =
          state !== undefined && state.state !== 'stopped' && age !== null && age < STALE_AFTER_MS
        const scheduler = state
          ? {
              state: alive ? state.state : state.state === 'stopped' ? 'stopped' : 'not responding',
              pid: state.pid,
              host: state.hostname,
              startedAt: state.started_at,
              heartbeatAt: state.heartbeat_at,
              running: JSON.parse(state.running_json) as string[],
              rssMb: state.rss_mb,
              heapMb: state.heap_mb,
            }
          : { state: 'never started' }
        const sources = health.map((h) => ({
          source: h.sourceId,
          flag: h.flag,
          lastSuccessAt: h.lastSuccessAt,
          errorStreak: h.errorStreak,
          nextRunAt: bySource.get(h.sourceId)?.next_run_at ?? null,
          lastOutcome: bySource.get(h.sourceId)?.last_outcome ?? null,
        }))
        if (options.json) {
          io.stdout.write(`${JSON.stringify({ scheduler, sources }, null, 2)}\n`)
          return
        }
        io.stdout.write(
          state
            ? `scheduler: ${scheduler.state} (pid ${state.pid} on ${state.hostname}, heartbeat ${Math.round((age ?? 0) / 1000)}s ago, running: ${(scheduler as { running: string[] }).running.join(', ') || '-'}${state.rss_mb === null ? '' : `, memory ${state.rss_mb} MB resident, ${state.heap_mb} MB heap`})\n`
            : 'scheduler: never started on this database\n',
        )
        printRows(io.stdout, sources, formatOf({}))
      })
    })
}
