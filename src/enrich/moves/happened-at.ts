import * as chrono from 'chrono-node'

/** The date a move happened and where it was read. */
export interface HappenedAt {
  readonly date: string | null
  readonly from: 'sentence' | 'published'
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  januar: 1,
  jänner: 1,
  february: 2,
  feb: 2,
  februar: 2,
  march: 3,
  mar: 3,
  märz: 3,
  maerz: 3,
  april: 4,
  apr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juni: 6,
  july: 7,
  jul: 7,
  juli: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
  dez: 12,
}
// chrono.de misses "im Februar 2021"; a month name with a year is enough for YYYY-MM-01.
const MONTH_YEAR = /(?<![\p{L}])(\p{L}{3,9})\.? (\d{4})(?!\d)/gu

/**
 * Reads the date of a move from its sentence: chrono-node (English or German) with the article's
 * published time as reference, kept only when it names at least a month ("in May 2024", "am 15.
 * Mai 2024", "zum 1. September 2022"); a day-less date is the first of the month. Without one, the
 * published date is used.
 *
 * @example
 * happenedAt('Leike resigned in May 2024.', 'en', '2024-05-29') // { date: '2024-05-01', from: 'sentence' }
 * happenedAt('Leike resigned on Wednesday.', 'en', '2024-05-29') // { date: '2024-05-29', from: 'published' }
 */
export function happenedAt(sentence: string, lang: string, publishedAt: string | null): HappenedAt {
  const reference = publishedAt === null ? undefined : new Date(publishedAt)
  const valid = reference !== undefined && !Number.isNaN(reference.getTime())
  const parser = lang === 'de' ? chrono.de : chrono.en
  for (const result of parser.parse(sentence, valid ? reference : undefined)) {
    const { start } = result
    // Relative phrases ("a week later", "next month") come back with every field filled in from
    // the reference; only a written month or numeric date names the month of the move.
    if (!start.isCertain('month') || !namesMonth(result.text)) continue
    const year = start.get('year')
    const month = start.get('month')
    if (year === null || month === null) continue
    const day = start.isCertain('day') ? (start.get('day') ?? 1) : 1
    return { date: isoDate(year, month, day), from: 'sentence' }
  }
  for (const match of sentence.matchAll(MONTH_YEAR)) {
    const month = MONTHS[(match[1] ?? '').toLowerCase()]
    if (month !== undefined) return { date: isoDate(Number(match[2]), month, 1), from: 'sentence' }
  }
  if (publishedAt === null || !valid) return { date: null, from: 'published' }
  return { date: publishedAt.slice(0, 10), from: 'published' }
}

/** A written month ("May", "Februar") or a numeric date; the verb "may" is no month. */
function namesMonth(phrase: string): boolean {
  if (/\d{1,2}[./-]\d{1,2}/u.test(phrase)) return true
  return [...phrase.matchAll(/\p{L}+/gu)].some(
    ([word]) => MONTHS[word.toLowerCase()] !== undefined && word !== 'may',
  )
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
