import { sql } from 'kysely'
import type { Db } from '../store/database.js'

export interface SourceHealthRow {
  readonly sourceId: string
  readonly name: string
  readonly feeds: number
  readonly lastSuccessAt: string | null
  /** Longest current failure streak among the source's feeds. */
  readonly errorStreak: number
  readonly lastError: string | null
  /** Articles per day over the last 7 days and the 28 days before. */
  readonly itemsPerDay7d: number
  readonly itemsPerDay28d: number
  /** 'ok' | 'failing' (3+ failures in a row) | 'volume-drop' (under a third of its usual volume) | 'new'. */
  readonly flag: 'ok' | 'failing' | 'volume-drop' | 'new'
}

/**
 * Per-source health for `sources --health`, `status` and the report: a source that keeps failing
 * is flagged, never dropped.
 * @example await querySourceHealth(db, new Date())
 */
export async function querySourceHealth(
  db: Db,
  now: Date = new Date(),
): Promise<SourceHealthRow[]> {
  const day = 86_400_000
  const d7 = new Date(now.getTime() - 7 * day).toISOString()
  const d35 = new Date(now.getTime() - 35 * day).toISOString()
  const rows = await db
    .selectFrom('sources as s')
    .leftJoin('feeds as f', (join) =>
      join.onRef('f.source_id', '=', 's.id').on('f.is_active', '=', 1),
    )
    .select([
      's.id',
      's.name',
      (eb) => eb.fn.count<number>('f.id').as('feeds'),
      (eb) => eb.fn.max('f.last_success_at').as('lastSuccessAt'),
      (eb) => eb.fn.coalesce(eb.fn.max('f.consecutive_failures'), sql<number>`0`).as('errorStreak'),
      sql<
        string | null
      >`(select f2.last_error from feeds f2 where f2.source_id = s.id and f2.consecutive_failures > 0 order by f2.last_polled_at desc limit 1)`.as(
        'lastError',
      ),
      sql<number>`(select count(*) from articles a where a.source_id = s.id and a.fetched_at >= ${d7})`.as(
        'recent',
      ),
      sql<number>`(select count(*) from articles a where a.source_id = s.id and a.fetched_at >= ${d35} and a.fetched_at < ${d7})`.as(
        'before',
      ),
    ])
    .groupBy('s.id')
    .orderBy('s.id')
    .execute()
  return rows.map((r) => {
    const per7 = Number(r.recent) / 7
    const per28 = Number(r.before) / 28
    const streak = Number(r.errorStreak)
    let flag: SourceHealthRow['flag'] = 'ok'
    if (streak >= 3) flag = 'failing'
    else if (per28 > 0 && per7 < per28 / 3) flag = 'volume-drop'
    else if (r.lastSuccessAt === null) flag = 'new'
    return {
      sourceId: r.id,
      name: r.name,
      feeds: Number(r.feeds),
      lastSuccessAt: (r.lastSuccessAt as string | null) ?? null,
      errorStreak: streak,
      lastError: r.lastError,
      itemsPerDay7d: Math.round(per7 * 10) / 10,
      itemsPerDay28d: Math.round(per28 * 10) / 10,
      flag,
    }
  })
}
