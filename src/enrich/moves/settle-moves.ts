import type { OrgOf } from './merge-moves.js'
import { personKey } from './merge-moves.js'
import type { TalentMove } from './types.js'

/**
 * The least confidence a move needs to be reported. A reading scores 0.55 for a person and a
 * trigger, +0.15 with an organisation, +0.1 with both ends, +0.05 with a role, minus 0.1 for each
 * organisation guessed from earlier sentences (0.05 behind "the company"), minus 0.1 for a hedge.
 * 0.65 drops a bare "X wolle ein eigenes Start-up gründen" (nobody's company, nothing left) and a
 * hedged reading whose only organisation is a guess, and keeps every reading that names one.
 */
export const MIN_CONFIDENCE = 0.65

/**
 * The article-level pass after merging, for full stories that tell one change several times and
 * from several angles:
 * - a departure from an organisation the same person joins or is promoted in (same status) is a
 *   misreading of "the startup they co-founded" or of a role change, and goes; so is a promotion
 *   at an organisation the person leaves ("Er wird Chefwissenschaftler der neuen Einheit");
 * - a founding of an organisation the same person leaves in the story is their history, not the
 *   news ("Wang started Scale as a teenager" in a story about Wang leaving Scale AI for Meta);
 * - two readings of one person, kind and status whose organisations are one company and its unit
 *   ("Meta AI research chief ... to leave" and "... is leaving Meta") are one move;
 * - two readings of one person, kind and status with different organisations are one change told
 *   twice with one attachment wrong: the more confident one stays, the earlier on a tie;
 * - moves below `MIN_CONFIDENCE` are dropped.
 *
 * @example
 * settleMoves([pineauFromFair, pineauFromMeta], related) // [pineauFromMeta]
 */
export function settleMoves(
  moves: readonly TalentMove[],
  related: (a: OrgOf, b: OrgOf) => boolean,
): TalentMove[] {
  const orgOf = (name: string | null, id: string | null): OrgOf | null =>
    name === null ? null : { name, id }
  const joins = (m: TalentMove, org: OrgOf) => {
    const to = orgOf(m.toOrg, m.toOrgId)
    return m.kind !== 'departure' && to !== null && related(to, org)
  }
  const leaves = (m: TalentMove, org: OrgOf) => {
    const from = orgOf(m.fromOrg, m.fromOrgId)
    return (m.kind === 'departure' || m.kind === 'hire') && from !== null && related(from, org)
  }
  const same = (a: TalentMove, b: TalentMove) =>
    a !== b && personKey(a) === personKey(b) && a.status === b.status
  let list = moves.filter((m) => {
    const from = orgOf(m.fromOrg, m.fromOrgId)
    const to = orgOf(m.toOrg, m.toOrgId)
    // A founding of the organisation left is history (below), not a reason to drop the departure.
    if (m.kind === 'departure' && from !== null)
      return !moves.some((o) => same(o, m) && o.kind !== 'founding' && joins(o, from))
    // "Er wird Chefwissenschaftler der neuen Einheit" read as a role at the company he leaves.
    if (m.kind === 'promotion' && to !== null)
      return !moves.some((o) => same(o, m) && leaves(o, to))
    if (m.kind === 'founding' && to !== null)
      return !moves.some(
        (o) => o !== m && personKey(o) === personKey(m) && o.status !== 'denied' && leaves(o, to),
      )
    return true
  })
  const kept: TalentMove[] = []
  for (const move of [...list].sort(
    (a, b) => b.confidence - a.confidence || a.evidence.start - b.evidence.start,
  )) {
    const twin = kept.find(
      (k) => personKey(k) === personKey(move) && k.kind === move.kind && k.status === move.status,
    )
    if (twin === undefined) kept.push(move)
  }
  list = kept.filter((m) => m.confidence >= MIN_CONFIDENCE)
  return list.sort(
    (a, b) => a.evidence.start - b.evidence.start || a.person.localeCompare(b.person),
  )
}
