import { UsageError } from '../errors.js'

/**
 * Reads --since / --until: an ISO date (2026-11-29, 2026-11, 2026-11-29T10:00Z) or a relative
 * range back from now (7d, 4w, 3m, 1y). Returns an ISO-8601 UTC string, or undefined.
 * @example parseDateOption('7d', '--since', new Date('2026-11-29T00:00:00Z')) // '2026-11-22T00:00:00.000Z'
 */
export function parseDateOption(value: string | undefined, flag: string, now: Date = new Date()): string | undefined {
  if (value === undefined || value === '') return undefined
  const relative = /^(\d+)\s*([dwmy])$/i.exec(value.trim())
  if (relative) {
    const n = Number(relative[1])
    const d = new Date(now)
    switch ((relative[2] as string).toLowerCase()) {
      case 'd':
        d.setUTCDate(d.getUTCDate() - n)
        break
      case 'w':
        d.setUTCDate(d.getUTCDate() - 7 * n)
        break
      case 'm':
        d.setUTCMonth(d.getUTCMonth() - n)
        break
      default:
        d.setUTCFullYear(d.getUTCFullYear() - n)
    }
    return d.toISOString()
  }
  const iso = /^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(value.trim())
  const time = Date.parse(/^\d{4}$/.test(value.trim()) ? `${value.trim()}-01-01` : value.trim())
  if (!iso || Number.isNaN(time)) throw new UsageError(`${flag} expects a date like 2026-11-29 or a range like 7d, 3m, 1y; got ${JSON.stringify(value)}`)
  return new Date(time).toISOString()
}
