import { sql } from 'kysely'
import type { Db } from '../store/database.js'
import { findEntities } from '../store/entities.js'

export type MoveStatusFilter = 'reported' | 'rumored' | 'denied' | 'all'

export interface MoveFilters {
  /** Moves from or to this organisation (any alias). */
  readonly company?: string | undefined
  readonly person?: string | undefined
  readonly kind?: 'departure' | 'hire' | 'founding' | 'promotion' | undefined
  /** ISO date (inclusive), compared with happened_at. */
  readonly since?: string | undefined
  readonly until?: string | undefined
  /** Default 'reported': rumours and denials are kept apart unless asked for. */
  readonly status?: MoveStatusFilter | undefined
  readonly limit?: number | undefined
}

export interface MoveRow {
  readonly moveId: number
  readonly person: string
  readonly role: string | null
  readonly roleNormalized: string | null
  readonly fromOrg: string | null
  readonly toOrg: string | null
  readonly kind: string
  readonly status: string
  readonly happenedAt: string | null
  readonly reports: number
  readonly firstSeenAt: string | null
  readonly evidence: string | null
  readonly evidenceUrl: string | null
}

async function entityIds(db: Db, name: string, kind: 'person' | 'org'): Promise<number[]> {
  return (await findEntities(db, name, kind)).map((e) => e.id)
}

/**
 * Talent moves matching the filters, newest first, with their first evidence sentence and link.
 * @example await queryMoves(db, { company: 'Meta', since: '2026-01-01' })
 */
export async function queryMoves(db: Db, filters: MoveFilters = {}): Promise<MoveRow[]> {
  let query = db
    .selectFrom('moves as m')
    .innerJoin('entities as p', 'p.id', 'm.person_id')
    .leftJoin('entities as f', 'f.id', 'm.from_org_id')
    .leftJoin('entities as t', 't.id', 'm.to_org_id')
    .select([
      'm.id as moveId',
      'p.name as person',
      'm.role',
      'm.role_normalized as roleNormalized',
      'f.name as fromOrg',
      't.name as toOrg',
      'm.kind',
      'm.status',
      'm.happened_at as happenedAt',
      'm.report_count as reports',
      'm.first_seen_at as firstSeenAt',
      sql<
        string | null
      >`(select e.sentence from move_evidence e join articles a on a.id = e.article_id where e.move_id = m.id order by a.published_at, a.id limit 1)`.as(
        'evidence',
      ),
      sql<
        string | null
      >`(select a.canonical_url from move_evidence e join articles a on a.id = e.article_id where e.move_id = m.id order by a.published_at, a.id limit 1)`.as(
        'evidenceUrl',
      ),
    ])
    .orderBy('m.happened_at', 'desc')
    .orderBy('p.name')
    .orderBy('m.id')
  const status = filters.status ?? 'reported'
  if (status !== 'all') query = query.where('m.status', '=', status)
  if (filters.kind) query = query.where('m.kind', '=', filters.kind)
  // happened_at is a date (YYYY-MM-DD): compare on the date part of the bounds.
  if (filters.since) query = query.where('m.happened_at', '>=', filters.since.slice(0, 10))
  if (filters.until) query = query.where('m.happened_at', '<=', filters.until.slice(0, 10))
  if (filters.company) {
    const ids = await entityIds(db, filters.company, 'org')
    if (ids.length === 0) return []
    query = query.where((eb) =>
      eb.or([eb('m.from_org_id', 'in', ids), eb('m.to_org_id', 'in', ids)]),
    )
  }
  if (filters.person) {
    const ids = await entityIds(db, filters.person, 'person')
    if (ids.length === 0) return []
    query = query.where('m.person_id', 'in', ids)
  }
  if (filters.limit) query = query.limit(filters.limit)
  return query.execute()
}

export interface PeopleFlowRow {
  readonly fromOrg: string
  readonly toOrg: string
  readonly people: number
  readonly names: readonly string[]
}

export interface NetFlowRow {
  readonly org: string
  readonly inflow: number
  readonly outflow: number
  readonly net: number
}

/**
 * Organisation-to-organisation flows of people (reported hires with both ends known), and the net
 * inflow/outflow per organisation (departures count as outflow, hires and foundings with a
 * known origin as inflow to their destination).
 * @example const { flows, net } = await queryTalentFlows(db, { since: '2026-01-01' })
 */
export async function queryTalentFlows(
  db: Db,
  filters: {
    since?: string | undefined
    until?: string | undefined
    status?: MoveStatusFilter | undefined
  } = {},
): Promise<{ flows: PeopleFlowRow[]; net: NetFlowRow[] }> {
  const moves = await queryMoves(db, {
    since: filters.since,
    until: filters.until,
    status: filters.status ?? 'reported',
  })
  const flows = new Map<string, { fromOrg: string; toOrg: string; names: Set<string> }>()
  const net = new Map<string, { inflow: Set<string>; outflow: Set<string> }>()
  const bump = (org: string, side: 'inflow' | 'outflow', person: string) => {
    const entry = net.get(org) ?? { inflow: new Set<string>(), outflow: new Set<string>() }
    entry[side].add(person)
    net.set(org, entry)
  }
  for (const m of moves) {
    if (m.kind === 'promotion') continue
    if (m.fromOrg) bump(m.fromOrg, 'outflow', m.person)
    if (m.toOrg) bump(m.toOrg, 'inflow', m.person)
    if (m.fromOrg && m.toOrg && m.fromOrg !== m.toOrg) {
      const key = `${m.fromOrg}\u0000${m.toOrg}`
      const flow = flows.get(key) ?? {
        fromOrg: m.fromOrg,
        toOrg: m.toOrg,
        names: new Set<string>(),
      }
      flow.names.add(m.person)
      flows.set(key, flow)
    }
  }
  return {
    flows: [...flows.values()]
      .map((f) => ({
        fromOrg: f.fromOrg,
        toOrg: f.toOrg,
        people: f.names.size,
        names: [...f.names].sort(),
      }))
      .sort(
        (a, b) =>
          b.people - a.people ||
          a.fromOrg.localeCompare(b.fromOrg) ||
          a.toOrg.localeCompare(b.toOrg),
      ),
    net: [...net.entries()]
      .map(([org, v]) => ({
        org,
        inflow: v.inflow.size,
        outflow: v.outflow.size,
        net: v.inflow.size - v.outflow.size,
      }))
      .sort((a, b) => a.net - b.net || b.outflow - a.outflow || a.org.localeCompare(b.org)),
  }
}

export interface PersonMoveEvidence {
  readonly articleId: number
  readonly url: string
  readonly title: string | null
  readonly publishedAt: string | null
  readonly sentence: string
}

/** A person's moves over time, oldest first, with every evidence sentence and link. */
export async function queryPersonTimeline(db: Db, name: string) {
  const ids = await entityIds(db, name, 'person')
  if (ids.length === 0) return []
  const moves = await queryMoves(db, { person: name, status: 'all' })
  const out: (MoveRow & { evidenceList: PersonMoveEvidence[] })[] = []
  for (const m of [...moves].reverse()) {
    const evidence = await db
      .selectFrom('move_evidence as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .select([
        'a.id as articleId',
        'a.canonical_url as url',
        'a.title',
        'a.published_at as publishedAt',
        'e.sentence',
      ])
      .where('e.move_id', '=', m.moveId)
      .orderBy('a.published_at')
      .orderBy('a.id')
      .execute()
    out.push({ ...m, evidenceList: evidence })
  }
  return out
}
