import type { KnowledgeEntity } from '../knowledge/load-knowledge.js'
import { type Db, nowIso } from './database.js'

/** Stores user entities (replacing ones with the same id). */
export async function importUserEntities(
  db: Db,
  entities: readonly KnowledgeEntity[],
): Promise<number> {
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    for (const entity of entities) {
      await trx
        .insertInto('user_knowledge')
        .values({ id: entity.id, entity_json: JSON.stringify(entity), imported_at: now })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({ entity_json: JSON.stringify(entity), imported_at: now }),
        )
        .execute()
    }
  })
  return entities.length
}

export async function listUserEntities(db: Db): Promise<KnowledgeEntity[]> {
  const rows = await db.selectFrom('user_knowledge').select('entity_json').orderBy('id').execute()
  return rows.map((r) => JSON.parse(r.entity_json) as KnowledgeEntity)
}
