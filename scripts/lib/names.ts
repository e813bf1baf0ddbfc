import { foldName } from '../../src/knowledge/atoms.js'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-types.js'

/**
 * Folded name, alias or former name → knowledge-base entity id, so a scorer can count two names
 * as one entity ("BSI" and "Bundesamt für Sicherheit in der Informationstechnik"). The first
 * entity to claim a name keeps it.
 */
export function entityIdsByName(kb: KnowledgeBase): Map<string, string> {
  const idOf = new Map<string, string>()
  for (const entity of kb.entities.values()) {
    for (const name of [entity.name, ...(entity.aliases ?? []), ...(entity.formerNames ?? [])]) {
      const key = foldName(name)
      if (!idOf.has(key)) idOf.set(key, entity.id)
    }
  }
  return idOf
}
