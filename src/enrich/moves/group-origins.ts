import type { MovePatterns } from './pattern-types.js'
import type { OrgRef, SentenceContext } from './sentence-context.js'
import { within } from './sentence-context.js'
import type { TalentMove } from './types.js'

/** "Meta hat drei KI-Forscher von OpenAI abgeworben": a group moves from one company to another. */
export interface GroupOrigin {
  readonly from: OrgRef
  readonly to: OrgRef
}

/**
 * Reads a move of people who are not named ("OpenAI researchers head to Meta", "Meta hat drei
 * KI-Forscher von OpenAI abgeworben"): a join or hire trigger, a plural mover noun, the company
 * they come from (written "OpenAI-Forscher", "OpenAI researchers" or "von OpenAI") and one other
 * company, where they go. Null when the sentence names no such group move.
 *
 * @example
 * groupOrigin(ctx, text, PATTERNS_DE) // { from: OpenAI, to: Meta } for "OpenAI-Forscher wechseln zu Meta"
 */
export function groupOrigin(
  ctx: SentenceContext,
  text: string,
  patterns: MovePatterns,
): GroupOrigin | null {
  if (
    !ctx.triggers.some(
      (t) => !t.background && (t.rule.frame === 'join' || t.rule.frame === 'hireBy'),
    )
  )
    return null
  const anonymous = new RegExp(patterns.anonymous.source, 'iu')
  if (!anonymous.test(ctx.sentence.text)) return null
  const orgs = ctx.orgs.filter((o) => !o.anaphor && !within(ctx.background, o.start, o.end))
  const nounAfter = new RegExp(
    `^(?:-|\\s+)(?:[\\p{L}-]+\\s+)?(?:${patterns.anonymous.source})`,
    'iu',
  )
  const markedFrom = new RegExp(`(?:${patterns.fromMarker.source})\\s+$`, 'iu')
  const from = orgs.find(
    (o) =>
      nounAfter.test(text.slice(o.end, o.end + 40)) ||
      markedFrom.test(text.slice(Math.max(ctx.sentence.start, o.start - 20), o.start)),
  )
  if (from === undefined) return null
  const others = new Set(orgs.filter((o) => o.canonical !== from.canonical).map((o) => o.canonical))
  if (others.size !== 1) return null
  const to = orgs.find((o) => others.has(o.canonical)) as OrgRef
  return { from, to }
}

/**
 * Named people who join a company together, with no origin of their own, come from where the
 * article says a group went to that company from ("OpenAI-Forscher wechseln zu Meta ... Beyer,
 * Kolesnikov und Zhai wechseln zu dem Facebook-Konzern"). A lone name is not taken for the group.
 */
export function fillGroupOrigins(
  moves: readonly TalentMove[],
  origins: readonly GroupOrigin[],
  related: (
    a: { name: string; id: string | null },
    b: { name: string; id: string | null },
  ) => boolean,
): TalentMove[] {
  if (origins.length === 0) return [...moves]
  return moves.map((m) => {
    if (m.kind !== 'hire' || m.fromOrg !== null || m.toOrg === null) return m
    const to = { name: m.toOrg, id: m.toOrgId }
    const together = moves.filter(
      (o) =>
        o !== m &&
        o.kind === 'hire' &&
        o.evidence.start === m.evidence.start &&
        o.toOrg !== null &&
        related({ name: o.toOrg, id: o.toOrgId }, to),
    )
    if (together.length === 0) return m
    const origin = origins.find(
      (g) =>
        related({ name: g.to.canonical, id: g.to.entityId }, to) &&
        !related({ name: g.from.canonical, id: g.from.entityId }, to),
    )
    if (origin === undefined) return m
    return { ...m, fromOrg: origin.from.canonical, fromOrgId: origin.from.entityId }
  })
}

// Background clauses that say a company was left: "after leaving OpenAI", "nach ihrem Abschied von Adept".
const LEFT_CLAUSE =
  /leaving|left|departure|exit|quitting|Abschied|Abgang|Weggang|Ausstieg|verlassen|verließ/iu

/**
 * "A month after leaving OpenAI, Ilya Sutskever has revealed what he is doing next": the company
 * a background clause says the only person of the sentence left. Null unless the sentence names
 * exactly one person outside its background and one company inside a leave clause.
 *
 * @example
 * leftOrigin(ctx, text) // { person: Ilya Sutskever, org: OpenAI }
 */
export function leftOrigin(
  ctx: SentenceContext,
  text: string,
): { readonly personKey: string; readonly org: OrgRef } | null {
  const people = new Set(
    ctx.persons
      .filter((p) => !within(ctx.background, p.start, p.end))
      .map((p) => p.entityId ?? p.canonical),
  )
  if (people.size !== 1) return null
  for (const span of ctx.background) {
    if (!LEFT_CLAUSE.test(text.slice(span.start, span.end))) continue
    const orgs = ctx.orgs.filter((o) => !o.anaphor && o.start >= span.start && o.end <= span.end)
    if (orgs.length !== 1) continue
    return { personKey: [...people][0] as string, org: orgs[0] as OrgRef }
  }
  return null
}

/** Hires and foundings with no origin take the company the article says the person left. */
export function fillLeftOrigins(
  moves: readonly TalentMove[],
  left: ReadonlyMap<string, OrgRef>,
  keyOf: (m: TalentMove) => string,
): TalentMove[] {
  return moves.map((m) => {
    if ((m.kind !== 'hire' && m.kind !== 'founding') || m.fromOrg !== null) return m
    const org = left.get(keyOf(m))
    if (org === undefined || org.canonical === m.toOrg) return m
    return { ...m, fromOrg: org.canonical, fromOrgId: org.entityId }
  })
}
