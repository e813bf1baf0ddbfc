import cron, { type ScheduledTask } from 'node-cron'
import pLimit from 'p-limit'
import type { Config } from '../config.js'
import { describeError } from '../errors.js'
import type { Logger } from '../log.js'
import { runCrawl } from '../pipeline.js'
import type { SourceDefinition } from '../sources.js'
import { type Db, nowIso } from '../store/database.js'
import { markStaleRunsInterrupted } from '../store/runs.js'
import { syncSources } from '../store/sources.js'
import { acquireSchedulerLock } from './lock.js'

export interface SchedulerOptions {
  readonly db: Db
  readonly config: Config
  readonly sources: readonly SourceDefinition[]
  readonly log: Logger
  /** IANA time zone for the cron expressions (default UTC, never the machine's implicit zone). */
  readonly timezone?: string
  /** Sources crawling at the same time. */
  readonly maxConcurrentSources?: number
  /** Random delay added to each start, so sources on the same minute do not hit at once. */
  readonly jitterMs?: number
  readonly heartbeatMs?: number
}

export interface RunningScheduler {
  /** Stop taking new work, give in-flight crawls `deadlineMs` to finish, then abort them. */
  stop(deadlineMs?: number): Promise<void>
  /** Resolves when stopped. */
  readonly stopped: Promise<void>
  /** Source ids crawling right now. */
  running(): readonly string[]
}

/**
 * `newshound schedule`: every source on its own cron expression, no two runs of one source
 * overlapping, at most N sources at once, one scheduler per database, a heartbeat row for
 * `newshound status`. Feeds inside a run are skipped until their next_poll_at (server hints,
 * backoff), so a failing feed is retried ever less often but never dropped.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const { db, config, log } = options
  const lock = await acquireSchedulerLock(db)
  // Holding the lock, no run of ours can be in progress: 'running' rows are leftovers of a kill.
  const interrupted = await markStaleRunsInterrupted(db)
  if (interrupted > 0)
    log.warn({ runs: interrupted }, 'marked runs of a previous, killed scheduler as interrupted')
  await syncSources(db, options.sources)
  const limit = pLimit(options.maxConcurrentSources ?? 2)
  const running = new Set<string>()
  const inFlight = new Set<Promise<void>>()
  const abort = new AbortController()
  const tasks: ScheduledTask[] = []
  let accepting = true
  let resolveStopped: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve
  })

  const updateNextRun = async (sourceId: string, task: ScheduledTask | undefined) => {
    const next = task?.getNextRun()
    await db
      .insertInto('source_schedule')
      .values({ source_id: sourceId, next_run_at: next ? next.toISOString() : null })
      .onConflict((oc) =>
        oc.column('source_id').doUpdateSet({ next_run_at: next ? next.toISOString() : null }),
      )
      .execute()
  }

  const runSource = async (source: SourceDefinition, task: ScheduledTask | undefined) => {
    if (!accepting) return
    if (running.has(source.id)) {
      log.warn({ source: source.id }, 'previous run still going: skipping this tick')
      return
    }
    running.add(source.id)
    const job = limit(async () => {
      if (!accepting) return
      await db
        .updateTable('source_schedule')
        .set({ last_started_at: nowIso() })
        .where('source_id', '=', source.id)
        .execute()
      try {
        const summary = await runCrawl({
          db,
          config,
          sources: [source],
          log,
          trigger: 'schedule',
          respectPollSchedule: true,
          signal: abort.signal,
        })
        await db
          .updateTable('source_schedule')
          .set({
            last_finished_at: nowIso(),
            last_run_id: summary.runId,
            last_outcome: `${summary.status}: ${summary.articlesNew} new, ${summary.feedsFailed} feed(s) failed, ${summary.articlesFailed} page(s) failed`,
          })
          .where('source_id', '=', source.id)
          .execute()
        log.info(
          { source: source.id, run_id: summary.runId, new: summary.articlesNew },
          'source run finished',
        )
      } catch (error) {
        log.error({ source: source.id }, `source run failed: ${describeError(error)}`)
        await db
          .updateTable('source_schedule')
          .set({ last_finished_at: nowIso(), last_outcome: `failed: ${describeError(error)}` })
          .where('source_id', '=', source.id)
          .execute()
          .catch(() => undefined)
      }
    })
    const tracked = job.finally(async () => {
      running.delete(source.id)
      inFlight.delete(tracked)
      await updateNextRun(source.id, task).catch(() => undefined)
    })
    inFlight.add(tracked)
    await tracked
  }

  for (const source of options.sources) {
    const task: ScheduledTask = cron.schedule(
      source.schedule,
      async () => {
        await runSource(source, task)
      },
      {
        name: source.id,
        timezone: options.timezone ?? 'UTC',
        noOverlap: true,
        ...(options.jitterMs ? { maxRandomDelay: options.jitterMs } : {}),
      },
    )
    tasks.push(task)
    await updateNextRun(source.id, task)
  }
  await lock.heartbeat('running', [])
  const heartbeat = setInterval(() => {
    lock.heartbeat(accepting ? 'running' : 'stopping', [...running]).catch((error: unknown) => {
      log.error(`heartbeat failed: ${describeError(error)}`)
    })
  }, options.heartbeatMs ?? 15_000)
  log.info(
    { sources: options.sources.length, timezone: options.timezone ?? 'UTC' },
    'scheduler started',
  )

  let stopping: Promise<void> | null = null
  return {
    running: () => [...running],
    stopped,
    stop(deadlineMs = 30_000) {
      stopping ??= (async () => {
        accepting = false
        for (const task of tasks) await task.stop()
        await lock.heartbeat('stopping', [...running]).catch(() => undefined)
        const all = Promise.allSettled([...inFlight])
        // At the deadline in-flight crawls are told to stop; a few seconds later whatever still
        // runs is abandoned (its committed articles stay, its unfetched items stay pending).
        const timer = setTimeout(() => abort.abort(), deadlineMs)
        let abandon: NodeJS.Timeout | undefined
        const late = new Promise<void>((resolve) => {
          abandon = setTimeout(resolve, deadlineMs + 3000)
        })
        await Promise.race([all, late])
        clearTimeout(timer)
        clearTimeout(abandon)
        clearInterval(heartbeat)
        for (const task of tasks) await task.destroy()
        await lock.release()
        log.info('scheduler stopped')
        resolveStopped()
      })()
      return stopping
    },
  }
}
