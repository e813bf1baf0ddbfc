import { type Kysely, sql } from 'kysely'

/**
 * The scheduler's memory in its heartbeat, so `newshound status` shows what a long-lived process
 * holds (resident set and V8 heap in use, MB) without a shell on the machine.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE scheduler_state ADD COLUMN rss_mb INTEGER`.execute(db)
  await sql`ALTER TABLE scheduler_state ADD COLUMN heap_mb INTEGER`.execute(db)
}
