import type { Kysely } from 'kysely'

/**
 * Some servers (and CDNs in front of them) answer 304 to a stored ETag even after the feed changed:
 * an ETag derived from the file's inode or a config hash, not its content. Conditional polling alone
 * would then miss that feed's new items forever. These columns let the poller send an unconditional
 * GET now and then (see needsFullRefresh in store/feeds.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Last 200 with a body (a full fetch), as opposed to a 304; null = not known yet.
  await db.schema.alterTable('feeds').addColumn('last_full_fetch_at', 'text').execute()
  // 304 answers in a row since that full fetch.
  await db.schema
    .alterTable('feeds')
    .addColumn('not_modified_polls', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
