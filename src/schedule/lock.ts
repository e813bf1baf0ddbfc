import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { sql } from 'kysely'
import { NewshoundError } from '../errors.js'
import { type Db, nowIso } from '../store/database.js'

export interface SchedulerLock {
  readonly holder: string
  heartbeat(state: 'running' | 'stopping', running: readonly string[]): Promise<void>
  release(): Promise<void>
}

/** A heartbeat older than this means the holder is gone (killed, machine rebooted). */
export const STALE_AFTER_MS = 90_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the one-scheduler-per-database lock (a row in scheduler_state, written in an immediate
 * transaction). A lock whose holder's heartbeat is stale, or whose process is gone on this host,
 * is taken over; a live one fails with a message naming the holder.
 */
export async function acquireSchedulerLock(
  db: Db,
  options: { staleAfterMs?: number; now?: () => Date; exitWaitMs?: number } = {},
): Promise<SchedulerLock> {
  const holder = randomUUID()
  const host = hostname()
  const staleAfter = options.staleAfterMs ?? STALE_AFTER_MS
  const now = options.now ?? (() => new Date())
  // A holder killed a moment ago may still be ending on this host: a capped scheduler whose
  // parent got kill -9 ends at its next event-loop turn, which a long synchronous step (loading
  // the knowledge base) delays. Wait for such a process to go before calling the lock live.
  const deadline = Date.now() + (options.exitWaitMs ?? EXIT_WAIT_MS)
  for (;;) {
    try {
      await takeLock(db, holder, host, staleAfter, now)
      break
    } catch (error) {
      const pid = error instanceof LockHeld ? error.pid : null
      if (pid === null || pid === process.pid || Date.now() >= deadline) {
        throw error instanceof LockHeld ? error.cause : error
      }
      await new Promise((done) => setTimeout(done, 200))
    }
  }
  return lockOf(db, holder, now)
}

/** How long a starter waits for a local holder process that may be exiting. */
export const EXIT_WAIT_MS = 5_000

/** The lock is held by a live process on this host (`pid`). */
class LockHeld extends Error {
  constructor(
    readonly pid: number,
    override readonly cause: NewshoundError,
  ) {
    super(cause.message)
  }
}

async function takeLock(
  db: Db,
  holder: string,
  host: string,
  staleAfter: number,
  now: () => Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // BEGIN IMMEDIATE semantics: take the write lock before reading, so two starters cannot both win.
    await sql`update scheduler_state set id = id where id = 1`.execute(trx)
    const current = await trx
      .selectFrom('scheduler_state')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst()
    if (current && current.state !== 'stopped') {
      const age = now().getTime() - Date.parse(current.heartbeat_at)
      const deadHere = current.hostname === host && !isAlive(current.pid)
      if (age < staleAfter && !deadHere) {
        const locked = new NewshoundError(
          'E_LOCKED',
          `another scheduler holds this database (pid ${current.pid} on ${current.hostname}, heartbeat ${Math.round(age / 1000)}s ago); stop it first, or wait ${Math.ceil((staleAfter - age) / 1000)}s if it was killed`,
        )
        throw current.hostname === host ? new LockHeld(current.pid, locked) : locked
      }
    }
    const at = nowIso(now())
    const row = {
      id: 1,
      holder,
      pid: process.pid,
      hostname: host,
      started_at: at,
      heartbeat_at: at,
      state: 'starting' as const,
      running_json: '[]',
      stopped_at: null,
      ...memoryMb(),
    }
    await trx
      .insertInto('scheduler_state')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute()
  })
}

function lockOf(db: Db, holder: string, now: () => Date): SchedulerLock {
  const ours = (q: ReturnType<typeof db.updateTable<'scheduler_state'>>) =>
    q.where('id', '=', 1).where('holder', '=', holder)
  return {
    holder,
    async heartbeat(state, running) {
      const result = await ours(db.updateTable('scheduler_state'))
        .set({
          heartbeat_at: nowIso(now()),
          state,
          running_json: JSON.stringify(running),
          ...memoryMb(),
        })
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) {
        throw new NewshoundError('E_LOCKED', 'scheduler lock was taken over by another process')
      }
    },
    async release() {
      await ours(db.updateTable('scheduler_state'))
        .set({ state: 'stopped', stopped_at: nowIso(now()), running_json: '[]' })
        .execute()
    },
  }
}

/** This process's resident set and V8 heap in use, in whole MB. */
function memoryMb(): { rss_mb: number; heap_mb: number } {
  const m = process.memoryUsage()
  return { rss_mb: Math.round(m.rss / 1e6), heap_mb: Math.round(m.heapUsed / 1e6) }
}
