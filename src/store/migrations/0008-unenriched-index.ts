import { type Kysely, sql } from 'kysely'

/**
 * Every crawl run looks for articles stored but never enriched (a process killed between the two
 * transactions). A partial index keeps that lookup to the handful of such rows instead of a scan
 * of the whole articles table on every scheduled run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists articles_unenriched on articles (source_id, id) where enriched_at is null`.execute(
    db,
  )
}
