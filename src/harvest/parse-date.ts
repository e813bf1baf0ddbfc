/**
 * Feed dates → ISO-8601 UTC, or null when the text cannot be trusted. Never guesses: a date with an
 * impossible day, hour or zone, or with tokens we cannot place, gives null (the caller keeps the
 * raw text). Zone-less times are read as UTC, like W3DTF readers and feedparser do.
 *
 * Shapes: RFC 822/1123/2822 (obsolete zones EST/PDT/…, "ET"/"PT" US shorthands, military letters,
 * "GMT+2", "Etc/GMT", two-digit years, missing seconds or time, long and German day/month names),
 * asctime and JavaScript's Date#toString, "YYYY/MM/DD hh:mm:ss zone", and ISO 8601/W3DTF with
 * reduced precision, ordinal dates, week dates, compact forms and MSSQL's space separator.
 *
 * @example parseFeedDate('Mo, 29 Nov 2026 08:00:00 +0100') // '2026-11-29T07:00:00Z'
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (raw == null) return null
  const text = raw.replace(/\s+/g, ' ').trim()
  if (!text || text.length > 100) return null
  const parts = /^[-+]?\d/.test(text) ? parseIso8601(text) : null
  const result = parts ?? parseRfc822Like(text)
  return result === null ? null : toIso(result)
}

interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC. */
  offset: number
}

const MONTHS = new Map<string, number>()
for (const [names, month] of [
  [['jan', 'january', 'januar', 'jänner', 'janv', 'janvier', 'ene', 'enero', 'gen'], 1],
  [['feb', 'february', 'februar', 'feber', 'fév', 'fev', 'févr', 'février'], 2],
  [['mar', 'march', 'mär', 'märz', 'mrz', 'maerz', 'mars', 'marzo'], 3],
  [['apr', 'april', 'avr', 'avril', 'abr'], 4],
  [['may', 'mai', 'mayo', 'mag'], 5],
  [['jun', 'june', 'juni', 'juin'], 6],
  [['jul', 'july', 'juli', 'juil', 'juillet'], 7],
  [['aug', 'august', 'août', 'aout', 'ago'], 8],
  [['sep', 'sept', 'september', 'septembre', 'set'], 9],
  [['oct', 'october', 'okt', 'oktober', 'octobre', 'ott'], 10],
  [['nov', 'november', 'novembre'], 11],
  [['dec', 'december', 'dez', 'dezember', 'déc', 'décembre', 'dic'], 12],
] as const) {
  for (const name of names) MONTHS.set(name, month)
}

const WEEKDAYS = new Set([
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'],
  ...['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
])

// Obsolete RFC 822 zones plus the abbreviations feeds actually send. "ET"/"CT"/"MT"/"PT"/"AT" are
// the bare US shorthands some publishers (Disney) write; feedparser reads them as standard time.
const ZONES = new Map<string, number>([
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['wet', 0],
  ['west', 60],
  ['bst', 60],
  ['cet', 60],
  ['met', 60],
  ['mez', 60],
  ['cest', 120],
  ['mest', 120],
  ['mesz', 120],
  ['eet', 120],
  ['eest', 180],
  ['msk', 180],
  ['ist', 330],
  ['jst', 540],
  ['kst', 540],
  ['hkt', 480],
  ['sgt', 480],
  ['awst', 480],
  ['acst', 570],
  ['aest', 600],
  ['aedt', 660],
  ['nzst', 720],
  ['nzdt', 780],
  ['ast', -240],
  ['adt', -180],
  ['at', -240],
  ['est', -300],
  ['edt', -240],
  ['et', -300],
  ['cst', -360],
  ['cdt', -300],
  ['ct', -360],
  ['mst', -420],
  ['mdt', -360],
  ['mt', -420],
  ['pst', -480],
  ['pdt', -420],
  ['pt', -480],
  ['akst', -540],
  ['akdt', -480],
  ['hst', -600],
  ['nst', -210],
  ['ndt', -150],
])

function parseRfc822Like(text: string): DateParts | null {
  // Drop a trailing "(CEST)" comment (JavaScript's Date#toString) and commas anywhere.
  const cleaned = text
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/,/g, ' ')
    .trim()
  const tokens = cleaned.split(/\s+/)
  let day: number | null = null
  let month: number | null = null
  let year: number | null = null
  let time: { hour: number; minute: number; second: number; millisecond: number } | null = null
  let offset: number | null = null

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string
    const lower = token.toLowerCase().replace(/\.$/, '')
    if (index === 0 && WEEKDAYS.has(lower)) continue
    const monthNumber = MONTHS.get(lower)
    if (monthNumber !== undefined && month === null) {
      month = monthNumber
      continue
    }
    // Perforce-style "2006/09/15"
    const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(token)
    if (slashed && year === null && month === null && day === null) {
      year = Number(slashed[1])
      month = Number(slashed[2])
      day = Number(slashed[3])
      continue
    }
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/.exec(token)
    if (clock && time === null) {
      time = {
        hour: Number(clock[1]),
        minute: Number(clock[2]),
        second: Number(clock[3] ?? 0),
        millisecond: fraction(clock[4]),
      }
      continue
    }
    if (/^\d{1,4}$/.test(token)) {
      const value = Number(token)
      if (token.length <= 2 && day === null) day = value
      else if (year === null && (token.length === 4 || token.length === 2)) year = expandYear(token)
      else return null
      continue
    }
    if (time !== null && offset === null) {
      const zone = parseZone(token)
      if (zone !== null) {
        offset = zone
        continue
      }
    }
    // "GMT+0200" spelled as two tokens: "GMT +0200"
    if (offset === 0 && /^[+-]\d{2}:?\d{2}$/.test(token)) {
      offset = parseZone(token)
      continue
    }
    return null
  }
  if (day === null || month === null || year === null) return null
  const t = time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 }
  return { year, month, day, ...t, offset: offset ?? 0 }
}

function parseZone(token: string): number | null {
  const lower = token.toLowerCase()
  if (lower === 'etc/gmt' || lower === 'etc/utc') return 0
  const numeric = /^(?:(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?)$/.exec(lower)
  if (numeric) {
    const hours = Number(numeric[2])
    const minutes = Number(numeric[3] ?? 0)
    if (hours > 14 || minutes > 59) return null
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
  }
  const named = ZONES.get(lower)
  if (named !== undefined) return named
  // RFC 822 military zones had their signs backwards; RFC 5322 says to read them as -0000.
  if (/^[a-ik-y]$/.test(lower)) return 0
  return null
}

function expandYear(token: string): number {
  const value = Number(token)
  if (token.length !== 2) return value
  // RFC 5322 4.3: 00-49 → 20xx, 50-99 → 19xx.
  return value < 50 ? 2000 + value : 1900 + value
}

function fraction(digits: string | undefined): number {
  if (!digits) return 0
  return Math.floor(Number(`0.${digits}`) * 1000)
}

const ISO_TIME =
  /^(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,](\d{1,9}))?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

function parseIso8601(text: string): DateParts | null {
  const [datePart, timePart] = splitDateTime(text)
  const date = parseIsoDate(datePart)
  if (!date) return null
  let hour = 0
  let minute = 0
  let second = 0
  let millisecond = 0
  let offset = 0
  if (timePart !== null) {
    const match = ISO_TIME.exec(timePart)
    if (!match) return null
    hour = Number(match[1])
    minute = Number(match[2] ?? 0)
    second = Number(match[3] ?? 0)
    millisecond = fraction(match[4])
    const zone = match[5]
    if (zone && zone.toUpperCase() !== 'Z') {
      const parsed = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
      if (!parsed) return null
      const zoneHours = Number(parsed[2])
      const zoneMinutes = Number(parsed[3] ?? 0)
      if (zoneHours > 14 || zoneMinutes > 59) return null
      offset = (parsed[1] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
    }
  }
  return { ...date, hour, minute, second, millisecond, offset }
}

/** Splits at "T" or at the first space before a clock ("2004-07-08 23:56:58 -00:20"). */
function splitDateTime(text: string): [string, string | null] {
  const t = text.search(/[Tt]/)
  if (t >= 0) return [text.slice(0, t), text.slice(t + 1)]
  const space = text.indexOf(' ')
  if (space >= 0) return [text.slice(0, space), text.slice(space + 1)]
  return [text, null]
}

function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  let m: RegExpExecArray | null
  // YYYY-MM-DD, with Google's extra zero in the month ("2003-012-31")
  m = /^(\d{4})-(0?\d{2})-(\d{2})$/.exec(text)
  if (m) return ymd(m[1], m[2], m[3])
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) return ymd(m[1], m[2], m[3])
  m = /^(\d{4})-(\d{2})$/.exec(text)
  if (m) return ymd(m[1], m[2], '1')
  m = /^(\d{4})$/.exec(text)
  if (m) return ymd(m[1], '1', '1')
  // Ordinal dates: YYYY-DDD, YYYYDDD
  m = /^(\d{4})-?(\d{3})$/.exec(text)
  if (m) return ordinal(Number(m[1]), Number(m[2]))
  // Week dates: YYYY-Www, YYYY-Www-D, YYYYWwwD
  m = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/i.exec(text)
  if (m) {
    return week(Number(m[1]), Number(m[2]), Number(m[3] ?? 1))
  }
  // Two-digit-year forms from ISO 8601:1988 (implied century): YY-MM-DD, YYMMDD, -YYMM, -YY-MM
  m = /^(\d{2})-(\d{2})-(\d{2})$/.exec(text)
  if (m) return ymd(century(m[1]), m[2], m[3])
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (m) return ymd(century(m[1]), m[2], m[3])
  m = /^-(\d{2})-?(\d{2})$/.exec(text)
  if (m) return ymd(century(m[1]), m[2], '1')
  // Bare 5-digit "YYDDD" and year-less forms (--MM-DD) are not trusted: they are as likely to be
  // ids or counters as dates, and a missing year would have to be invented.
  return null
}

function century(yy: string | undefined): string {
  return String(2000 + Number(yy))
}

function ymd(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
): { year: number; month: number; day: number } | null {
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null
  return { year, month, day }
}

function ordinal(
  year: number,
  dayOfYear: number,
): { year: number; month: number; day: number } | null {
  const length = daysInMonth(year, 2) === 29 ? 366 : 365
  if (dayOfYear < 1 || dayOfYear > length) return null
  const date = utcDate(year, 1, dayOfYear)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

function week(
  year: number,
  weekNumber: number,
  weekday: number,
): { year: number; month: number; day: number } | null {
  if (weekNumber < 1 || weekNumber > 53) return null
  // ISO week 1 holds January 4th; its Monday starts the week-numbering year.
  const jan4 = utcDate(year, 1, 4)
  const jan4Weekday = jan4.getUTCDay() || 7
  const date = utcDate(year, 1, 4 - (jan4Weekday - 1) + (weekNumber - 1) * 7 + (weekday - 1))
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate()
}

/** Date.UTC reads years 0-99 as 19xx; setUTCFullYear does not. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date
}

function toIso(parts: DateParts): string | null {
  const { year, month, day, hour, minute, second, millisecond, offset } = parts
  if (!(month >= 1 && month <= 12) || day < 1 || day > daysInMonth(year, month)) return null
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millisecond === 0
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 60) return null
  const date = utcDate(year, month, day)
  // A leap second (":60") is kept as the last second of the minute.
  date.setUTCHours(hour, minute, Math.min(second, 59), millisecond)
  const time = date.getTime() - offset * 60_000
  if (!Number.isFinite(time)) return null
  const result = new Date(time)
  const resultYear = result.getUTCFullYear()
  if (resultYear < 1 || resultYear > 9999) return null
  return result.toISOString().replace('.000Z', 'Z')
}
