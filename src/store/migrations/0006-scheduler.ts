import type { Kysely } from 'kysely'

/** One scheduler per database: its lock and heartbeat, and what each source is doing. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scheduler_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('hostname', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('running_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('stopped_at', 'text')
    .execute()
  await db.schema
    .createTable('source_schedule')
    .addColumn('source_id', 'text', (c) =>
      c.primaryKey().references('sources.id').onDelete('cascade'),
    )
    .addColumn('next_run_at', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_run_id', 'integer')
    .addColumn('last_outcome', 'text')
    .execute()
  // Polls in a row without a new item: feeds that rarely change are polled less often.
  await db.schema
    .alterTable('feeds')
    .addColumn('idle_polls', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
