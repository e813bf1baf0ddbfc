import { type Kysely, sql } from 'kysely'

/**
 * Talent moves. `move_reports` holds what each article says (replaced when the article is
 * re-enriched); `moves` holds the events aggregated from the reports of one person (many
 * articles, one move), with `move_evidence` linking every event to its sentences.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('move_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('entities.id').onDelete('cascade'),
    )
    .addColumn('from_org_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('to_org_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('role_normalized', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('departure', 'hire', 'founding', 'promotion')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('reported', 'rumored', 'denied')`),
    )
    .addColumn('happened_at', 'text')
    .addColumn('happened_from', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('move_reports_article')
    .on('move_reports')
    .column('article_id')
    .execute()
  await db.schema
    .createIndex('move_reports_person')
    .on('move_reports')
    .column('person_id')
    .execute()

  await db.schema
    .createTable('moves')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('entities.id').onDelete('cascade'),
    )
    .addColumn('from_org_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('to_org_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('role_normalized', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('departure', 'hire', 'founding', 'promotion')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('reported', 'rumored', 'denied')`),
    )
    .addColumn('happened_at', 'text')
    .addColumn('first_seen_at', 'text')
    .addColumn('last_seen_at', 'text')
    // Stories (duplicate clusters), not copies, that report the move.
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('source_ids_json', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('moves_person').on('moves').column('person_id').execute()
  await db.schema
    .createIndex('moves_from')
    .on('moves')
    .columns(['from_org_id', 'happened_at'])
    .execute()
  await db.schema
    .createIndex('moves_to')
    .on('moves')
    .columns(['to_org_id', 'happened_at'])
    .execute()
  await db.schema.createIndex('moves_happened').on('moves').column('happened_at').execute()

  await db.schema
    .createTable('move_evidence')
    .addColumn('move_id', 'integer', (c) => c.notNull().references('moves.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('move_evidence_pk', ['move_id', 'article_id', 'start'])
    .execute()
  await db.schema
    .createIndex('move_evidence_article')
    .on('move_evidence')
    .column('article_id')
    .execute()

  // A flat view for SQL users (sqlite3, Datasette): one row per move event with readable names.
  await sql`
    create view talent_moves as
    select
      m.id as move_id,
      p.name as person,
      m.role,
      m.role_normalized,
      fo.name as from_org,
      t.name as to_org,
      m.kind,
      m.status,
      m.happened_at,
      m.report_count,
      m.first_seen_at,
      m.last_seen_at,
      (select a.canonical_url from move_evidence e join articles a on a.id = e.article_id
        where e.move_id = m.id order by a.published_at, a.id limit 1) as evidence_url,
      (select e.sentence from move_evidence e join articles a on a.id = e.article_id
        where e.move_id = m.id order by a.published_at, a.id limit 1) as evidence
    from moves m
    join entities p on p.id = m.person_id
    left join entities fo on fo.id = m.from_org_id
    left join entities t on t.id = m.to_org_id
  `.execute(db)
}
