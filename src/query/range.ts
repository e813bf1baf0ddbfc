import { UsageError } from '../errors.js'

const DAY_MS = 86_400_000
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }

/**
 * Reads a `--since` / `--until` value: an ISO date or time (`2026-11-29`, `2026-11`,
 * `2026-11-29T10:00Z`) or a range back from `now` (`24h`, `7d`, `4w`, `3m`, `1y`). Returns
 * ISO-8601 UTC, which commands echo back so a relative range is always shown as absolute dates.
 * @example parseTimeOption('7d', '--since', new Date('2026-11-29T00:00:00Z')) // '2026-11-22T00:00:00.000Z'
 */
export function parseTimeOption(
  value: string | undefined,
  flag: string,
  now: Date = new Date(),
): string | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const text = value.trim()
  const relative = /^(\d+)\s*([hdwmy])$/i.exec(text)
  if (relative) {
    const n = Number(relative[1])
    const unit = (relative[2] as string).toLowerCase()
    const d = new Date(now)
    if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n)
    else if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() - n)
    else d.setTime(d.getTime() - n * (UNIT_MS[unit] as number))
    return d.toISOString()
  }
  const shape =
    /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i.test(text)
  // Date-only and year-month forms are UTC midnight (Date.parse agrees); a time without a zone
  // would be local time in Date.parse, so it is read as UTC like every stored timestamp.
  const normalised = /^\d{4}$/.test(text)
    ? `${text}-01-01`
    : /T\d{2}:\d{2}(:[\d.]+)?$/i.test(text.replace(' ', 'T'))
      ? `${text.replace(' ', 'T')}Z`
      : text.replace(' ', 'T')
  const time = Date.parse(normalised)
  if (!shape || Number.isNaN(time)) {
    throw new UsageError(
      `${flag} expects a date like 2026-11-29 or a range like 24h, 7d, 4w, 3m, 1y; got ${JSON.stringify(value)}`,
    )
  }
  return new Date(time).toISOString()
}

/**
 * Reads a window length (`--window 7d`, `--baseline 4w`, `36h`) as days (fractions allowed).
 * @example parseDays('2w', '--window') // 14
 */
export function parseDays(value: string | number, flag: string): number {
  if (typeof value === 'number') return value
  const match = /^(\d+(?:\.\d+)?)\s*([hdw]?)$/i.exec(value.trim())
  const days = match
    ? (Number(match[1]) * (UNIT_MS[(match[2] || 'd').toLowerCase()] as number)) / DAY_MS
    : Number.NaN
  if (!(days > 0))
    throw new UsageError(
      `${flag} expects a length like 36h, 7d or 4w; got ${JSON.stringify(value)}`,
    )
  return days
}

/** `time` minus `days` days, as ISO-8601 UTC. */
export function minusDays(time: string, days: number): string {
  return new Date(Date.parse(time) - days * DAY_MS).toISOString()
}

export type Bucket = 'day' | 'week' | 'month'

/**
 * The bucket (its first day, `YYYY-MM-DD`) a time falls in; weeks start on Monday (ISO 8601).
 * Mirrors {@link bucketSql} so JS-side gap filling agrees with SQL grouping.
 */
export function bucketOf(time: string, by: Bucket): string {
  const d = new Date(Date.parse(time))
  d.setUTCHours(0, 0, 0, 0)
  if (by === 'month') d.setUTCDate(1)
  if (by === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** Every bucket from the one holding `from` to the one holding `to` (inclusive), in order. */
export function bucketsBetween(from: string, to: string, by: Bucket): string[] {
  const out: string[] = []
  let current = bucketOf(from, by)
  const last = bucketOf(to, by)
  while (current <= last) {
    out.push(current)
    const d = new Date(`${current}T00:00:00.000Z`)
    if (by === 'day') d.setUTCDate(d.getUTCDate() + 1)
    else if (by === 'week') d.setUTCDate(d.getUTCDate() + 7)
    else d.setUTCMonth(d.getUTCMonth() + 1)
    current = d.toISOString().slice(0, 10)
  }
  return out
}
