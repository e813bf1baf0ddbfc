import { foldName } from '../../knowledge/atoms.js'
import type { TalentMove } from './types.js'

/**
 * Folds the moves read from the sentences of one article into one per stated change:
 * - the same move told twice (headline and body, "left ... to join" read by both triggers) is one,
 *   the most specific reading kept and its gaps filled from the other;
 * - a departure from X and a hire or founding of the same person from X (or from nowhere) are one
 *   move ("leaves X for Y", "verlässt X, um ... zu gründen", "resigned. ... said he had joined Y");
 * - a rumour followed by its denial is one denied move;
 * - a new role at the organisation the person just joined is that hire's role, not a promotion
 *   ("wechselt von SAP zu ServiceNow und wird dort Vorstandschef").
 *
 * `related` says whether two organisations are one for this purpose (a company and its division).
 * `forced` holds departures read from a removal ("ousted", "was fired"): being pushed out and
 * joining someone else later are two changes ("ousted OpenAI chief Sam Altman ... will join
 * Microsoft"), so those are not folded into a hire or founding.
 *
 * @example
 * mergeMoves(text, [departureFromMeta, foundingFromNull]) // [founding from Meta]
 */
export function mergeMoves(
  text: string,
  moves: readonly TalentMove[],
  related: (a: OrgOf, b: OrgOf) => boolean = (a, b) => a.name === b.name,
  forced: ReadonlySet<TalentMove> = new Set(),
): TalentMove[] {
  const removed = new Set(forced)
  let list = [...moves].sort((a, b) => a.evidence.start - b.evidence.start)
  list = foldPairs(
    text,
    list,
    (a, b) => a.kind === b.kind && a.status === b.status && compatible(a, b),
    removed,
  )
  list = foldPairs(
    text,
    list,
    (a, b) =>
      a.status === b.status &&
      ((a.kind === 'departure' &&
        (b.kind === 'hire' || b.kind === 'founding') &&
        fits(a.fromOrg, b.fromOrg) &&
        !joinsLeft(a, b) &&
        !removed.has(a)) ||
        (b.kind === 'departure' &&
          (a.kind === 'hire' || a.kind === 'founding') &&
          fits(b.fromOrg, a.fromOrg) &&
          !joinsLeft(b, a) &&
          !removed.has(b))),
  )
  // The removal stays a move of its own, and it still says where the person came from.
  list = list.map((m) => {
    if ((m.kind !== 'hire' && m.kind !== 'founding') || m.fromOrg !== null) return m
    const out = list.find(
      (d) =>
        removed.has(d) &&
        personKey(d) === personKey(m) &&
        d.status === m.status &&
        d.fromOrg !== null &&
        !joinsLeft(d, m),
    )
    return out === undefined ? m : { ...m, fromOrg: out.fromOrg, fromOrgId: out.fromOrgId }
  })
  list = foldPairs(
    text,
    list,
    (a, b) =>
      a.kind === b.kind &&
      a.status !== b.status &&
      a.status !== 'reported' &&
      b.status !== 'reported' &&
      compatible(a, b),
  )
  const joined = (m: TalentMove) => m.kind === 'hire' || m.kind === 'founding'
  list = list.filter(
    (p) =>
      p.kind !== 'promotion' ||
      !list.some(
        (h) =>
          joined(h) &&
          personKey(h) === personKey(p) &&
          h.status === p.status &&
          h.toOrg !== null &&
          p.toOrg !== null &&
          related({ name: h.toOrg, id: h.toOrgId }, { name: p.toOrg, id: p.toOrgId }),
      ),
  )
  list = list.map((h) => {
    if (!joined(h) || h.role !== null) return h
    const p = moves.find(
      (m) =>
        m.kind === 'promotion' &&
        personKey(m) === personKey(h) &&
        m.role !== null &&
        h.toOrg !== null &&
        m.toOrg !== null &&
        related({ name: h.toOrg, id: h.toOrgId }, { name: m.toOrg, id: m.toOrgId }),
    )
    return p === undefined ? h : { ...h, role: p.role, roleNormalized: p.roleNormalized }
  })
  return list.sort(
    (a, b) => a.evidence.start - b.evidence.start || a.person.localeCompare(b.person),
  )
}

/** An organisation of a move: its canonical name and knowledge-base id. */
export interface OrgOf {
  readonly name: string
  readonly id: string | null
}

/** Rumours and reports of a person named in a later denial become denied. */
export function denyMoves(moves: readonly TalentMove[], people: ReadonlySet<string>): TalentMove[] {
  return moves.map((m) =>
    m.status === 'rumored' && people.has(personKey(m)) ? { ...m, status: 'denied' } : m,
  )
}

/** The identity of a move's person: the knowledge-base id, else the folded canonical name. */
export function personKey(move: Pick<TalentMove, 'personId' | 'person'>): string {
  return move.personId ?? foldName(move.person)
}

function foldPairs(
  text: string,
  moves: TalentMove[],
  same: (a: TalentMove, b: TalentMove) => boolean,
  removed: Set<TalentMove> = new Set(),
): TalentMove[] {
  const out: TalentMove[] = []
  for (const move of moves) {
    const index = out.findIndex((m) => personKey(m) === personKey(move) && same(m, move))
    const other = out[index]
    if (other === undefined) out.push(move)
    else {
      const both = combine(text, other, move)
      // A removal told twice ("ousted", then "quit within hours") stays a removal.
      if (removed.has(other) || removed.has(move)) removed.add(both)
      out[index] = both
    }
  }
  return out
}

function combine(text: string, a: TalentMove, b: TalentMove): TalentMove {
  // The kind that says more wins: a hire or founding over a departure; a denial over a rumour.
  const lead = weight(b) > weight(a) ? b : a
  const other = lead === a ? b : a
  const start = Math.min(a.evidence.start, b.evidence.start)
  const end = Math.max(a.evidence.end, b.evidence.end)
  const dated = [lead, other].find((m) => m.happenedFrom === 'sentence') ?? lead
  const role =
    lead.role !== null ? lead : other.kind === lead.kind || lead.kind !== 'departure' ? other : lead
  return {
    ...lead,
    fromOrg: lead.fromOrg ?? other.fromOrg,
    fromOrgId: lead.fromOrg !== null ? lead.fromOrgId : other.fromOrgId,
    toOrg: lead.toOrg ?? (lead.kind === other.kind ? other.toOrg : null),
    toOrgId: lead.toOrg !== null ? lead.toOrgId : lead.kind === other.kind ? other.toOrgId : null,
    role: lead.role ?? (role === other && other.kind === lead.kind ? other.role : null),
    roleNormalized:
      lead.role !== null
        ? lead.roleNormalized
        : role === other && other.kind === lead.kind
          ? other.roleNormalized
          : null,
    happenedAt: dated.happenedAt,
    happenedFrom: dated.happenedFrom,
    confidence: Math.max(a.confidence, b.confidence),
    evidence: { sentence: text.slice(start, end), start, end },
  }
}

function weight(m: TalentMove): number {
  const kind = m.kind === 'departure' ? 0 : 2
  const status = m.status === 'denied' ? 1 : 0
  const filled =
    (m.fromOrg === null ? 0 : 0.2) + (m.toOrg === null ? 0 : 0.2) + (m.role === null ? 0 : 0.1)
  return kind + status + filled
}

function compatible(a: TalentMove, b: TalentMove): boolean {
  return fits(a.fromOrg, b.fromOrg) && fits(a.toOrg, b.toOrg)
}

/** Leaving X and founding or joining X are two readings, not one move ("started X as a student"). */
function joinsLeft(departure: TalentMove, other: TalentMove): boolean {
  return (
    departure.fromOrg !== null &&
    other.toOrg !== null &&
    foldName(departure.fromOrg) === foldName(other.toOrg)
  )
}

function fits(x: string | null, y: string | null): boolean {
  return x === null || y === null || foldName(x) === foldName(y)
}
