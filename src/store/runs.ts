import { type Db, nowIso } from './database.js'
import type { CrawlRunRow, FetchErrorTable } from './schema.js'

export async function startRun(
  db: Db,
  trigger: string,
  sourceIds: readonly string[],
): Promise<number> {
  const row = await db
    .insertInto('crawl_runs')
    .values({
      started_at: nowIso(),
      status: 'running',
      trigger,
      source_ids_json: JSON.stringify(sourceIds),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface RunCounts {
  feedsPolled: number
  feedsNotModified: number
  feedsFailed: number
  articlesNew: number
  articlesUpdated: number
  articlesUnchanged: number
  articlesFailed: number
  articlesSkipped: number
  /** New articles that are copies of a stored story (counted in articlesNew too). */
  articlesDuplicate: number
}

export function emptyRunCounts(): RunCounts {
  return {
    feedsPolled: 0,
    feedsNotModified: 0,
    feedsFailed: 0,
    articlesNew: 0,
    articlesUpdated: 0,
    articlesUnchanged: 0,
    articlesFailed: 0,
    articlesSkipped: 0,
    articlesDuplicate: 0,
  }
}

export async function finishRun(
  db: Db,
  runId: number,
  outcome: {
    status: CrawlRunRow['status']
    counts: RunCounts
    durationMs: number
    error?: string | null
  },
): Promise<void> {
  const c = outcome.counts
  await db
    .updateTable('crawl_runs')
    .set({
      finished_at: nowIso(),
      status: outcome.status,
      feeds_polled: c.feedsPolled,
      feeds_not_modified: c.feedsNotModified,
      feeds_failed: c.feedsFailed,
      articles_new: c.articlesNew,
      articles_updated: c.articlesUpdated,
      articles_unchanged: c.articlesUnchanged,
      articles_failed: c.articlesFailed,
      articles_skipped: c.articlesSkipped,
      articles_duplicate: c.articlesDuplicate,
      duration_ms: outcome.durationMs,
      error: outcome.error ?? null,
    })
    .where('id', '=', runId)
    .execute()
}

/** Runs left 'running' by a killed process are marked interrupted at the next start. */
export async function markStaleRunsInterrupted(db: Db): Promise<number> {
  const result = await db
    .updateTable('crawl_runs')
    .set({
      status: 'interrupted',
      finished_at: nowIso(),
      error: 'process ended before the run finished',
    })
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface FetchErrorInput {
  readonly runId: number | null
  readonly sourceId: string | null
  readonly feedId?: number | null
  readonly url: string
  readonly stage: FetchErrorTable['stage']
  readonly code: string
  readonly reason: string
  readonly httpStatus?: number | null
}

export async function recordFetchError(db: Db, error: FetchErrorInput): Promise<void> {
  await db
    .insertInto('fetch_errors')
    .values({
      run_id: error.runId,
      source_id: error.sourceId,
      feed_id: error.feedId ?? null,
      url: error.url,
      stage: error.stage,
      code: error.code,
      reason: error.reason.slice(0, 2000),
      http_status: error.httpStatus ?? null,
      occurred_at: nowIso(),
    })
    .execute()
}

export async function listRuns(db: Db, limit: number) {
  return db.selectFrom('crawl_runs').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

export async function listFetchErrors(
  db: Db,
  options: { limit: number; runId?: number | undefined; sourceId?: string | undefined },
) {
  let query = db.selectFrom('fetch_errors').selectAll().orderBy('id', 'desc').limit(options.limit)
  if (options.runId !== undefined) query = query.where('run_id', '=', options.runId)
  if (options.sourceId !== undefined) query = query.where('source_id', '=', options.sourceId)
  return query.execute()
}
