import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../store/database.js'
import type { StoryFilter } from './story-filter.js'

/**
 * Read side of talent moves for exports and the report. The tables come from the talent-moves
 * migration (0004); on a database without them every function here returns nothing, and callers
 * say so on stderr, so an export or report never fails on an older file.
 */
export async function hasMovesTables(db: Db): Promise<boolean> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master
    WHERE type = 'table' AND name IN ('moves', 'move_evidence')`.execute(db)
  return Number(result.rows[0]?.n ?? 0) === 2
}

export interface MoveFilter extends Omit<StoryFilter, 'includeDuplicates'> {
  /** Default 'reported' (rumours and denials kept apart unless asked for); 'all' for every status. */
  readonly status?: 'reported' | 'rumored' | 'denied' | 'all' | undefined
}

/** When a move happened (a date): its reported date, else the day it was first seen. */
export const MOVE_DAY = sql<string>`coalesce(mv.happened_at, substr(mv.first_seen_at, 1, 10))`

/** WHERE terms over `moves mv`; source and language match the move's evidence articles. */
export function moveWhere(filter: MoveFilter): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [sql`1`]
  const status = filter.status ?? 'reported'
  if (status !== 'all') terms.push(sql`mv.status = ${status}`)
  if (filter.since) terms.push(sql`${MOVE_DAY} >= ${filter.since.slice(0, 10)}`)
  // until is exclusive: the last day included is the one holding the moment before it.
  if (filter.until)
    terms.push(
      sql`${MOVE_DAY} <= ${new Date(Date.parse(filter.until) - 1).toISOString().slice(0, 10)}`,
    )
  const articleTerms: RawBuilder<unknown>[] = []
  if (filter.sources?.length) articleTerms.push(sql`a.source_id IN (${sql.join(filter.sources)})`)
  if (filter.languages?.length)
    articleTerms.push(sql`a.language IN (${sql.join(filter.languages)})`)
  if (articleTerms.length > 0) {
    terms.push(sql`EXISTS (SELECT 1 FROM move_evidence ev JOIN articles a ON a.id = ev.article_id
      WHERE ev.move_id = mv.id AND ${sql.join(articleTerms, sql` AND `)})`)
  }
  return sql.join(terms, sql` AND `)
}

export interface FlowRow {
  readonly from_org_id: number | null
  readonly from_org_name: string | null
  readonly to_org_id: number | null
  readonly to_org_name: string | null
  readonly moves: number
  readonly people: number
  readonly latest_at: string | null
}

/**
 * Talent flows between organisations: moves and distinct people per (from, to) pair; a null
 * side is unknown (a departure without a destination, a hire without an origin). Promotions
 * stay inside one organisation and are not flows.
 * Order: moves, then people (most first), then names.
 * @example await queryFlows(db, { since: '2026-01-01T00:00:00.000Z' })
 */
export async function queryFlows(
  db: Db,
  filter: MoveFilter = {},
  limit?: number,
): Promise<FlowRow[]> {
  if (!(await hasMovesTables(db))) return []
  const rows = await sql<FlowRow>`
    SELECT mv.from_org_id, fo.name AS from_org_name, mv.to_org_id, tor.name AS to_org_name,
      count(*) AS moves, count(DISTINCT mv.person_id) AS people, max(${MOVE_DAY}) AS latest_at
    FROM moves mv
    LEFT JOIN entities fo ON fo.id = mv.from_org_id
    LEFT JOIN entities tor ON tor.id = mv.to_org_id
    WHERE ${moveWhere(filter)} AND mv.kind <> 'promotion'
    GROUP BY mv.from_org_id, mv.to_org_id
    ORDER BY moves DESC, people DESC, fo.name IS NULL, fo.name, tor.name IS NULL, tor.name, mv.from_org_id, mv.to_org_id
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`.execute(db)
  return rows.rows.map((r) => ({ ...r, moves: Number(r.moves), people: Number(r.people) }))
}

export interface MoveEvidenceLink {
  readonly article_id: number
  readonly title: string | null
  readonly url: string
  readonly source_id: string
  readonly sentence: string
}

export interface LatestMoveRow {
  readonly move_id: number
  readonly move_day: string | null
  readonly person_id: number
  readonly person_name: string | null
  readonly from_org_name: string | null
  readonly to_org_name: string | null
  readonly role: string | null
  readonly kind: string
  readonly status: string
  readonly report_count: number
  readonly confidence: number
  readonly evidence: readonly MoveEvidenceLink[]
}

/**
 * The latest moves with their evidence (sentence and article link), newest first.
 * @example await queryLatestMoves(db, {}, 20)
 */
export async function queryLatestMoves(
  db: Db,
  filter: MoveFilter = {},
  limit = 20,
): Promise<LatestMoveRow[]> {
  if (!(await hasMovesTables(db))) return []
  const moves = await sql<Omit<LatestMoveRow, 'evidence'>>`
    SELECT mv.id AS move_id, ${MOVE_DAY} AS move_day, mv.person_id, p.name AS person_name,
      fo.name AS from_org_name, tor.name AS to_org_name, mv.role, mv.kind, mv.status,
      mv.report_count, mv.confidence
    FROM moves mv
    LEFT JOIN entities p ON p.id = mv.person_id
    LEFT JOIN entities fo ON fo.id = mv.from_org_id
    LEFT JOIN entities tor ON tor.id = mv.to_org_id
    WHERE ${moveWhere(filter)}
    ORDER BY move_day DESC, mv.id DESC
    LIMIT ${limit}`.execute(db)
  if (moves.rows.length === 0) return []
  const evidence = await sql<MoveEvidenceLink & { move_id: number }>`
    SELECT ev.move_id, a.id AS article_id, a.title, a.canonical_url AS url, a.source_id, ev.sentence
    FROM move_evidence ev JOIN articles a ON a.id = ev.article_id
    WHERE ev.move_id IN (${sql.join(moves.rows.map((m) => m.move_id))})
    ORDER BY ev.move_id, coalesce(a.published_at, a.fetched_at), a.id, ev.start`.execute(db)
  const byMove = new Map<number, MoveEvidenceLink[]>()
  for (const e of evidence.rows) {
    const list = byMove.get(e.move_id) ?? []
    list.push({
      article_id: e.article_id,
      title: e.title,
      url: e.url,
      source_id: e.source_id,
      sentence: e.sentence,
    })
    byMove.set(e.move_id, list)
  }
  return moves.rows.map((m) => ({ ...m, evidence: byMove.get(m.move_id) ?? [] }))
}
