import type { SourceDefinition } from '../sources.js'
import { type Db, nowIso } from './database.js'
import type { FeedRow } from './schema.js'

/**
 * Makes the database's sources and feeds match the given definitions (upsert; feeds no longer
 * listed are deactivated, never deleted, so their history stays). Returns the active feeds.
 */
export async function syncSources(
  db: Db,
  definitions: readonly SourceDefinition[],
  origin: 'catalog' | 'imported' = 'catalog',
): Promise<FeedRow[]> {
  const now = nowIso()
  return db.transaction().execute(async (trx) => {
    const feeds: FeedRow[] = []
    for (const def of definitions) {
      await trx
        .insertInto('sources')
        .values({
          id: def.id,
          name: def.name,
          homepage: def.homepage,
          language: def.language,
          schedule: def.schedule,
          definition_json: JSON.stringify(def),
          is_local: def.local ? 1 : 0,
          origin,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            homepage: eb.ref('excluded.homepage'),
            language: eb.ref('excluded.language'),
            schedule: eb.ref('excluded.schedule'),
            definition_json: eb.ref('excluded.definition_json'),
            is_local: eb.ref('excluded.is_local'),
            updated_at: now,
          })),
        )
        .execute()
      const wanted = [
        ...def.feeds.map((url) => ({ url, kind: 'feed' as const })),
        ...(def.sitemaps ?? []).map((url) => ({ url, kind: 'sitemap' as const })),
      ]
      await trx.updateTable('feeds').set({ is_active: 0 }).where('source_id', '=', def.id).execute()
      for (const { url, kind } of wanted) {
        const row = await trx
          .insertInto('feeds')
          .values({ source_id: def.id, url, kind })
          .onConflict((oc) => oc.columns(['source_id', 'url']).doUpdateSet({ is_active: 1, kind }))
          .returningAll()
          .executeTakeFirstOrThrow()
        feeds.push(row)
      }
    }
    return feeds
  })
}

export async function listSourceRows(db: Db) {
  return db.selectFrom('sources').selectAll().orderBy('id').execute()
}

/** Sources added without code (OPML import), stored as their definitions. */
export async function listImportedSources(db: Db): Promise<SourceDefinition[]> {
  const rows = await db
    .selectFrom('sources')
    .select('definition_json')
    .where('origin', '=', 'imported')
    .orderBy('id')
    .execute()
  return rows.map((r) => JSON.parse(r.definition_json) as SourceDefinition)
}

export async function removeSource(db: Db, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sources')
    .where('id', '=', id)
    .where('origin', '=', 'imported')
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
