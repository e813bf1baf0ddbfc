/** Longest wait newshound ever schedules for one feed: it keeps retrying, never gives up. */
export const MAX_POLL_DELAY_MS = 6 * 60 * 60 * 1000
const FAILURE_BASE_MS = 2 * 60 * 1000
const IDLE_BASE_MS = 15 * 60 * 1000
/** Polls without new items before a feed is polled less often. */
const IDLE_GRACE = 3

export interface PollOutcome {
  readonly ok: boolean
  readonly consecutiveFailures: number
  /** Polls in a row that brought no new item (0 after one that did). */
  readonly idlePolls: number
  readonly ttlMinutes?: number | null
  readonly headers?: Readonly<Record<string, string>>
  readonly retryAfterSeconds?: number | null
}

/**
 * When a feed may be polled next (ISO time), or null for "at the next scheduled run". Honours the
 * server (Retry-After, Cache-Control max-age, Expires, RSS <ttl>), backs off exponentially on
 * failure up to a ceiling, and slows down for feeds that rarely have new items.
 * @example nextPollAt({ ok: false, consecutiveFailures: 3, idlePolls: 0 }, now) // now + 8 min
 */
export function nextPollAt(outcome: PollOutcome, now: Date = new Date()): string | null {
  let delay = 0
  if (outcome.retryAfterSeconds) delay = Math.max(delay, outcome.retryAfterSeconds * 1000)
  if (!outcome.ok) {
    delay = Math.max(delay, FAILURE_BASE_MS * 2 ** Math.max(0, outcome.consecutiveFailures - 1))
  } else {
    if (outcome.ttlMinutes) delay = Math.max(delay, outcome.ttlMinutes * 60_000)
    const maxAge = cacheMaxAgeMs(outcome.headers ?? {}, now)
    if (maxAge !== null) delay = Math.max(delay, maxAge)
    if (outcome.idlePolls >= IDLE_GRACE)
      delay = Math.max(delay, IDLE_BASE_MS * 2 ** (outcome.idlePolls - IDLE_GRACE))
  }
  delay = Math.min(delay, MAX_POLL_DELAY_MS)
  return delay > 0 ? new Date(now.getTime() + delay).toISOString() : null
}

function cacheMaxAgeMs(headers: Readonly<Record<string, string>>, now: Date): number | null {
  const cacheControl = headers['cache-control'] ?? ''
  if (/\bno-(cache|store)\b/i.test(cacheControl)) return null
  const maxAge = /\bmax-age=(\d+)/i.exec(cacheControl)
  if (maxAge) return Number(maxAge[1]) * 1000
  const expires = headers['expires'] ? Date.parse(headers['expires']) : Number.NaN
  if (!Number.isNaN(expires)) return Math.max(0, expires - now.getTime())
  return null
}
