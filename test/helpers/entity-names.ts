import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-types.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'

/** The distinct canonical names of one kind that the recognizer finds in a text, sorted. */
export function entityNames(
  text: string,
  lang: string,
  kind: 'person' | 'org',
  kb: KnowledgeBase = loadKnowledgeBase(),
): string[] {
  const found = recognizeEntities(text, lang, kb)
    .filter((m) => m.kind === kind)
    .map((m) => m.canonical)
  return [...new Set(found)].sort()
}
