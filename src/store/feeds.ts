import { nextPollAt } from '../harvest/poll-interval.js'
import { type Db, nowIso, toIsoUtc } from './database.js'

export interface FeedPollSuccess {
  readonly status: number
  readonly etag: string | null
  readonly lastModified: string | null
  readonly title?: string | null
  readonly ttlMinutes?: number | null
  readonly notModified: boolean
  /** New items this poll brought (0 for a 304). */
  readonly newItems?: number
  readonly headers?: Readonly<Record<string, string>>
}

/** A full (unconditional) fetch at least this often, however many 304s the server sends. */
export const FULL_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000
/** Every this-many-th poll goes out without validators. */
export const FULL_REFRESH_EVERY_POLLS = 20

/**
 * True when the next poll should drop If-None-Match / If-Modified-Since. Some servers keep
 * answering 304 to an ETag while the feed behind it changes (an ETag from the file's inode, a CDN
 * that caches the 304), which would hide new items forever; a periodic full GET bounds the damage
 * to a day or 20 polls. A feed without a recorded full fetch (polled before migration 0007) gets
 * one now.
 * @example needsFullRefresh({ last_full_fetch_at: null, not_modified_polls: 0 }) // true
 */
export function needsFullRefresh(
  feed: { readonly last_full_fetch_at: string | null; readonly not_modified_polls: number },
  now: Date = new Date(),
): boolean {
  if (feed.last_full_fetch_at === null) return true
  if (now.getTime() - Date.parse(feed.last_full_fetch_at) >= FULL_REFRESH_AFTER_MS) return true
  return feed.not_modified_polls + 1 >= FULL_REFRESH_EVERY_POLLS
}

/** Records a successful poll (200 or 304): validators for the next conditional GET, health reset. */
export async function recordFeedSuccess(
  db: Db,
  feedId: number,
  poll: FeedPollSuccess,
): Promise<void> {
  const now = nowIso()
  const current = await db
    .selectFrom('feeds')
    .select(['idle_polls', 'ttl_minutes', 'not_modified_polls'])
    .where('id', '=', feedId)
    .executeTakeFirst()
  const idlePolls = (poll.newItems ?? 0) > 0 ? 0 : (current?.idle_polls ?? 0) + 1
  const next = nextPollAt({
    ok: true,
    consecutiveFailures: 0,
    idlePolls,
    ttlMinutes: poll.ttlMinutes ?? current?.ttl_minutes ?? null,
    headers: poll.headers ?? {},
  })
  await db
    .updateTable('feeds')
    .set({
      idle_polls: idlePolls,
      next_poll_at: next,
      last_polled_at: now,
      last_success_at: now,
      last_status: poll.status,
      last_error: null,
      consecutive_failures: 0,
      ...(poll.notModified
        ? { not_modified_polls: (current?.not_modified_polls ?? 0) + 1 }
        : { not_modified_polls: 0, last_full_fetch_at: now }),
      // A 304 carries no new validators worth trusting over the stored ones unless sent.
      ...(poll.etag !== null || !poll.notModified ? { etag: poll.etag } : {}),
      ...(poll.lastModified !== null || !poll.notModified
        ? { last_modified: poll.lastModified }
        : {}),
      ...(poll.title !== undefined && poll.title !== null ? { title: poll.title } : {}),
      ...(poll.ttlMinutes !== undefined ? { ttl_minutes: poll.ttlMinutes } : {}),
    })
    .where('id', '=', feedId)
    .execute()
}

/** Records a failed poll; the feed stays active and is retried next run (never dropped). */
export async function recordFeedFailure(
  db: Db,
  feedId: number,
  failure: {
    readonly status: number | null
    readonly reason: string
    readonly retryAfterSeconds?: number | null
  },
): Promise<void> {
  const current = await db
    .selectFrom('feeds')
    .select('consecutive_failures')
    .where('id', '=', feedId)
    .executeTakeFirst()
  const failures = (current?.consecutive_failures ?? 0) + 1
  await db
    .updateTable('feeds')
    .set({
      last_polled_at: nowIso(),
      last_status: failure.status,
      last_error: failure.reason,
      consecutive_failures: failures,
      // Exponential backoff up to a ceiling; the feed is never dropped, only polled less often.
      next_poll_at: nextPollAt({
        ok: false,
        consecutiveFailures: failures,
        idlePolls: 0,
        retryAfterSeconds: failure.retryAfterSeconds ?? null,
      }),
    })
    .where('id', '=', feedId)
    .execute()
}

export interface NewFeedItem {
  readonly itemKey: string
  readonly url: string
  readonly title: string | null
  readonly publishedAt: string | null
}

/**
 * Stores items not seen before for this feed (pending) and returns how many were new. Items
 * already known keep their status, so a crawl after a crash picks up what was left pending.
 */
export async function insertFeedItems(
  db: Db,
  feedId: number,
  items: readonly NewFeedItem[],
): Promise<number> {
  if (items.length === 0) return 0
  const now = nowIso()
  return db.transaction().execute(async (trx) => {
    let inserted = 0
    for (let i = 0; i < items.length; i += 200) {
      const chunk = items.slice(i, i + 200)
      const result = await trx
        .insertInto('feed_items')
        .values(
          chunk.map((item) => ({
            feed_id: feedId,
            item_key: item.itemKey,
            url: item.url,
            title: item.title,
            published_at: toIsoUtc(item.publishedAt),
            first_seen_at: now,
            status: 'pending' as const,
          })),
        )
        .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doNothing())
        .executeTakeFirst()
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
    }
    await trx
      .updateTable('feeds')
      .set((eb) => ({ items_seen: eb('items_seen', '+', inserted) }))
      .where('id', '=', feedId)
      .execute()
    return inserted
  })
}

export interface PendingItem {
  readonly id: number
  readonly feedId: number
  readonly sourceId: string
  readonly url: string
  readonly title: string | null
  readonly publishedAt: string | null
  readonly attempts: number
}

/** Items waiting for their page fetch (new, or failed fewer than maxAttempts times). */
export async function listPendingItems(
  db: Db,
  sourceIds: readonly string[],
  maxAttempts: number,
): Promise<PendingItem[]> {
  if (sourceIds.length === 0) return []
  const rows = await db
    .selectFrom('feed_items')
    .innerJoin('feeds', 'feeds.id', 'feed_items.feed_id')
    .select([
      'feed_items.id',
      'feed_items.feed_id',
      'feeds.source_id',
      'feed_items.url',
      'feed_items.title',
      'feed_items.published_at',
      'feed_items.attempts',
    ])
    .where('feeds.source_id', 'in', sourceIds)
    .where((eb) =>
      eb.or([
        eb('feed_items.status', '=', 'pending'),
        eb.and([
          eb('feed_items.status', '=', 'failed'),
          eb('feed_items.attempts', '<', maxAttempts),
        ]),
      ]),
    )
    .orderBy('feed_items.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    feedId: r.feed_id,
    sourceId: r.source_id,
    url: r.url,
    title: r.title,
    publishedAt: r.published_at,
    attempts: r.attempts,
  }))
}

export async function markItems(
  db: Db,
  itemIds: readonly number[],
  update: {
    readonly status: 'fetched' | 'failed' | 'rejected' | 'skipped'
    readonly articleId?: number | null
    readonly error?: string | null
  },
): Promise<void> {
  if (itemIds.length === 0) return
  await db
    .updateTable('feed_items')
    .set((eb) => ({
      status: update.status,
      attempts: eb('attempts', '+', 1),
      last_error: update.error ?? null,
      ...(update.articleId !== undefined ? { article_id: update.articleId } : {}),
    }))
    .where('id', 'in', itemIds)
    .execute()
}
