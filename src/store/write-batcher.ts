import { sql, type Transaction } from 'kysely'
import type { Db } from './database.js'
import type { Database } from './schema.js'

/** Jobs written in one transaction at most; a batch is whatever queued while the last one ran. */
const MAX_JOBS = 64

export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>

export interface WriteBatcher {
  /**
   * Runs `job` in the next batch transaction, in a savepoint of its own: a job that throws is
   * rolled back alone and its promise rejects; the others commit. Resolves once committed.
   */
  write<T>(job: WriteJob<T>): Promise<T>
}

interface Queued {
  readonly job: WriteJob<unknown>
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

/**
 * Groups the crawl's per-article writes into a few transactions. One transaction per article
 * cost a commit each, and SQLite's full-text index writes a new segment per commit: with
 * 2,000 articles in `npm run bench:harvest` the commits alone took a second. Concurrent page
 * handlers queue their writes; each batch starts on the next turn of the event loop.
 */
export function createWriteBatcher(db: Db): WriteBatcher {
  let queue: Queued[] = []
  let scheduled = false

  async function flush(): Promise<void> {
    const jobs = queue.slice(0, MAX_JOBS)
    queue = queue.slice(MAX_JOBS)
    scheduled = queue.length > 0
    if (scheduled) setImmediate(flush)
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      await db.transaction().execute(async (trx) => {
        for (const { job } of jobs) {
          await sql`SAVEPOINT article`.execute(trx)
          try {
            const value = await job(trx)
            await sql`RELEASE article`.execute(trx)
            outcomes.push({ ok: true, value })
          } catch (error) {
            await sql`ROLLBACK TO article`.execute(trx)
            await sql`RELEASE article`.execute(trx)
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // The commit itself failed (disk full, database locked too long): nothing was written.
      for (const { reject } of jobs) reject(error)
      return
    }
    jobs.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]
      if (outcome?.ok) resolve(outcome.value)
      else reject(outcome?.error)
    })
  }

  return {
    write<T>(job: WriteJob<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: unknown) => void, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(flush)
        }
      })
    },
  }
}
