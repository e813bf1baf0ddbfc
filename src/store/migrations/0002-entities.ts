import { type Kysely, sql } from 'kysely'

/** People and organisations, their aliases, and which articles mention them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // Stable key: the knowledge-base id ("org:meta"), or "<kind>:~<slug>" for a discovered entity.
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'org')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) =>
      c.notNull().check(sql`origin in ('kb', 'discovered', 'user')`),
    )
    .addColumn('wikidata_id', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('merged_into', 'integer', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('entities_kind_name')
    .on('entities')
    .columns(['kind', 'name'])
    .execute()

  await db.schema
    .createTable('entity_aliases')
    .addColumn('entity_id', 'integer', (c) =>
      c.notNull().references('entities.id').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    // Lower-case, accents folded: what name lookups compare.
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_aliases_pk', ['entity_id', 'normalized'])
    .execute()
  await db.schema
    .createIndex('entity_aliases_normalized')
    .on('entity_aliases')
    .column('normalized')
    .execute()

  await db.schema
    .createTable('mentions')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('entity_id', 'integer', (c) =>
      c.notNull().references('entities.id').onDelete('cascade'),
    )
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_offset', 'integer', (c) => c.notNull())
    .addColumn('surface', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentions_pk', ['article_id', 'entity_id'])
    .execute()
  await db.schema
    .createIndex('mentions_entity_article')
    .on('mentions')
    .columns(['entity_id', 'article_id'])
    .execute()

  // Entities and aliases users added with `newshound entities import`: merged into the shipped
  // knowledge base at enrichment time, kept in the database so they travel with it.
  await db.schema
    .createTable('user_knowledge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('articles').addColumn('enriched_at', 'text').execute()
  await db.schema.alterTable('articles').addColumn('enrichment_version', 'integer').execute()
}
