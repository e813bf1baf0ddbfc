/**
 * Date parsing for the formats news pages use, in English and German. Returns ISO-8601 UTC or
 * null; a bare day becomes midnight UTC, so its calendar day survives.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  januar: 1,
  jänner: 1,
  jän: 1,
  feb: 2,
  february: 2,
  februar: 2,
  feber: 2,
  mar: 3,
  march: 3,
  mär: 3,
  märz: 3,
  maerz: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
}

const MONTH_NAME =
  '(jan(?:uary|uar)?|jän(?:ner)?|feb(?:ruary|ruar)?|mär(?:z)?|maerz|mrz|mar(?:ch)?|apr(?:il)?|ma[iy]|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)'

/** "29. November 2026", "29 Nov 2026", "29. Nov. 2026" */
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s*${MONTH_NAME}\\.?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
)
/** "November 29, 2026", "Nov. 29 2026", "November 29th, 2026" */
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}])${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
)
/** "29.11.2026", "29.11.26" is too ambiguous with versions, so four-digit years only. */
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]|[A-Za-z])/
/** "2026-11-29", "2026/11/29" */
const NUMERIC_YMD = /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/
/** US "11/29/2026" */
const NUMERIC_MDY = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/

/** Time of day after a date ("29.11.2026, 14:05 Uhr", "Nov 29, 2026 2:05 pm"). */
const TIME_AFTER =
  /^[\s,|–-]*(?:um\s+|at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i

/**
 * Parses a machine-readable date (ISO 8601 with or without zone, RFC 2822, epoch seconds/ms).
 * Zone-less date-times are read as UTC.
 */
export function parseMachineDate(value: string): string | null {
  const s = value.trim()
  if (s === '') return null
  if (/^\d{10}$/.test(s)) return isoOrNull(Number(s) * 1000)
  if (/^\d{13}$/.test(s)) return isoOrNull(Number(s))
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/.exec(
      s,
    )
  if (iso !== null) {
    const [, y, mo, d, h, mi, se, fraction, zone] = iso
    if (h === undefined) return dateOnly(Number(y), Number(mo), Number(d))
    let z = zone ?? 'Z'
    if (/^[+-]\d{4}$/.test(z)) z = `${z.slice(0, 3)}:${z.slice(3)}`
    if (/^[+-]\d{2}$/.test(z)) z = `${z}:00`
    const ms = (fraction ?? '').slice(0, 3).padEnd(3, '0')
    return isoOrNull(Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${se ?? '00'}.${ms}${z}`))
  }
  if (/^\d{4}\d{2}\d{2}$/.test(s))
    return dateOnly(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)))
  // RFC 2822 and other forms Date.parse understands ("Sun, 29 Nov 2026 10:00:00 GMT").
  if (
    /[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}/i.test(s) ||
    /^[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{4}/i.test(s)
  ) {
    const t = Date.parse(s)
    if (Number.isFinite(t)) return isoOrNull(t)
  }
  return parseTextDate(s)
}

/** Finds the first human-written date in a piece of text (English or German). */
export function parseTextDate(text: string): string | null {
  const found = findTextDate(text)
  return found === null ? null : found.iso
}

export interface TextDateMatch {
  readonly iso: string
  readonly index: number
}

/** The earliest date written in the text, or null. */
export function findTextDate(text: string): TextDateMatch | null {
  return findTextDates(text)[0] ?? null
}

/** Every date written in the text (English and German forms), in order of appearance. */
export function findTextDates(text: string): TextDateMatch[] {
  const found: TextDateMatch[] = []
  const taken: Array<[number, number]> = []
  const forms: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
    [DAY_MONTH_YEAR, (m) => [Number(m[3]), monthOf(m[2]!), Number(m[1])]],
    [MONTH_DAY_YEAR, (m) => [Number(m[3]), monthOf(m[1]!), Number(m[2])]],
    [NUMERIC_DMY, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
    [NUMERIC_YMD, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    // "11/29/2026" is US order; a first number above 12 means the British "29/11/2026".
    [
      NUMERIC_MDY,
      (m) =>
        Number(m[1]) > 12
          ? [Number(m[3]), Number(m[2]), Number(m[1])]
          : [Number(m[3]), Number(m[1]), Number(m[2])],
    ],
  ]
  for (const [form, fields] of forms) {
    const re = new RegExp(form.source, `${form.flags.replace('g', '')}g`)
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      // A span already read by a more specific form ("29. November 2026" vs "2026") is skipped.
      if (taken.some(([s, e]) => start < e && end > s)) continue
      const [y, mo, d] = fields(m)
      const iso = withTime(y, mo, d, text.slice(end))
      if (iso === null) continue
      taken.push([start, end])
      found.push({ iso, index: start })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

function monthOf(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '')
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0
}

function withTime(y: number, mo: number, d: number, rest: string): string | null {
  const base = dateOnly(y, mo, d)
  if (base === null) return null
  const t = TIME_AFTER.exec(rest)
  if (t === null) return base
  let h = Number(t[1])
  const mi = Number(t[2])
  const ampm = t[4]?.toLowerCase().replace(/\./g, '')
  if (ampm === 'pm' && h < 12) h += 12
  if (ampm === 'am' && h === 12) h = 0
  if (h > 23 || mi > 59) return base
  // A wall-clock time without a zone: keep the day, not a guessed instant.
  return `${base.slice(0, 11)}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00.000Z`
}

function dateOnly(y: number, mo: number, d: number): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null
  const t = Date.UTC(y, mo - 1, d)
  const date = new Date(t)
  if (date.getUTCDate() !== d) return null
  return date.toISOString()
}

function isoOrNull(t: number): string | null {
  if (!Number.isFinite(t)) return null
  const date = new Date(t)
  const y = date.getUTCFullYear()
  return y < 1990 || y > 2100 ? null : date.toISOString()
}
