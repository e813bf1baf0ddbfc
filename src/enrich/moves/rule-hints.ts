import { foldName } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { EntityMention } from '../entities/mention-types.js'
import { detectMoves } from './detect-moves.js'
import type { MoveHint } from './move-features.js'

/** The rule-based reader's moves of a text, as hints for the learned scorer. */
export function ruleHints(
  text: string,
  lang: string,
  mentions: readonly EntityMention[],
  kb: KnowledgeBase,
): MoveHint[] {
  const orgKey = (name: string | null, id: string | null) =>
    name === null ? null : (id ?? `name:${name.toLowerCase()}`)
  return detectMoves(text, lang, mentions, { kb }).map((m) => ({
    personKey: m.personId ?? foldName(m.person),
    kind: m.kind,
    status: m.status,
    sentenceStart: m.evidence.start,
    to: orgKey(m.toOrg, m.toOrgId),
    from: orgKey(m.fromOrg, m.fromOrgId),
  }))
}
