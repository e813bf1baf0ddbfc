import { UsageError } from '../errors.js'
import type { Db } from '../store/database.js'
import { findEntities } from '../store/entities.js'

export interface ResolvedEntity {
  readonly id: number
  readonly key: string
  readonly name: string
  readonly kind: 'person' | 'org'
}

/**
 * The entity a user means by a name, alias or key ("Meta Platforms", "a16z", "org:meta"):
 * curated before discovered, then the most mentioned (store/entities.ts `findEntities`).
 * Throws a UsageError naming the input when nothing matches.
 * @example const meta = await resolveEntity(db, 'Meta Platforms') // { id: 3, name: 'Meta', ... }
 */
export async function resolveEntity(
  db: Db,
  name: string,
  kind?: 'person' | 'org',
): Promise<ResolvedEntity> {
  const [match] = await findEntities(db, name, kind)
  if (!match)
    throw new UsageError(
      `no entity named ${JSON.stringify(name)} (try: newshound entities list --search ${JSON.stringify(name.split(' ')[0] ?? name)})`,
    )
  return { id: match.id, key: match.key, name: match.name, kind: match.kind }
}
