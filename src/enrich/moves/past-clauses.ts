import type { SentenceSpan } from './split-sentences.js'

/** A stretch of a sentence (article offsets, `end` exclusive). */
export interface ClauseSpan {
  readonly start: number
  readonly end: number
}

/**
 * How long after a move a story still reports it as news. Full articles retell a person's career
 * ("She joined the company in 2017", "Murati left OpenAI in September 2024"); a change dated more
 * than two months before the story is background, not the story's news. News reports a move within
 * days or weeks; two months leaves room for a follow-up ("left in May" in a late-June story).
 */
export const NEWS_WINDOW_DAYS = 60

const DAY_MS = 24 * 60 * 60 * 1000

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  januar: 1,
  jänner: 1,
  february: 2,
  februar: 2,
  march: 3,
  märz: 3,
  april: 4,
  may: 5,
  mai: 5,
  june: 6,
  juni: 6,
  july: 7,
  juli: 7,
  august: 8,
  september: 9,
  october: 10,
  oktober: 10,
  november: 11,
  december: 12,
  dezember: 12,
}

// "in 2013", "im September 2024", "2010 mitgegründet"; not "2,000", "GPT-2024", "$2019".
const YEAR = /(?<![\p{L}\p{N}$€.,-])((?:19|20)\d{2})(?![\p{N}%]|\s*(?:%|percent|Prozent))/gu
// A month written out; "May" only capitalised (the verb "may" is no month).
const MONTH =
  /(?<![\p{L}])(January|Januar|Jänner|February|Februar|March|März|April|May|Mai|June|Juni|July|Juli|August|September|October|Oktober|November|December|Dezember)(?![\p{L}])(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/gu
// "early 2023", "Anfang 2023": the first months of the year.
const EARLY = /(?<![\p{L}])(?:early|Anfang)\s+((?:19|20)\d{2})/giu
// Relative past that is always older than a news window.
const RELATIVE_PAST =
  /(?<![\p{L}])(?:last year|a year ago|years ago|(?:im|in) (?:vergangenen|letzten) Jahr|im Vorjahr|vor (?:einem|zwei|drei|vier|fünf|mehreren|\d+) Jahren)(?![\p{L}])/iu
// A bare month ahead of the story's month is last year's only when the clause is told in the past
// ("In October, ... Tulloch left" in a January story); "is leaving at the end of May" in April, or
// German present tense ("verlässt Meta Ende Mai"), is the coming May.
const PAST_TENSE =
  /(?<![\p{L}])(?:was|were|had|did|left|quit|joined|rejoined|departed|resigned|founded|co-founded|started|became|took|\p{L}+ed|hatte|hatten|war|waren|wurde|wurden|verließ|verließen|wechselte|wechselten|trat|traten|gründete|gründeten|ging|gingen|kam|kamen|übernahm|schied)(?![\p{L}])/iu
// A planned change: a bare month is the coming one ("will step down in March" in November).
const FUTURE =
  /(?<![\p{L}])(?:will|would|is to|are to|to leave|to step down|wird|werden|soll|sollen|plant|wolle)(?![\p{L}])/iu
// Reports and denials before a pluperfect: its content is the news ("denied a report that the board
// had contacted recruiters", "Berichte, dass ... hatte").
const REPORTED =
  /(?<![\p{L}])(?:reports?|claims?|rumou?rs?|den(?:y|ies|ied)|Berichte?n?|Meldung(?:en)?|dementier\p{L}*)(?![\p{L}])/iu
// Pluperfect: a change told as prior to the story ("hatte ... verlassen", "had left").
const HAD_EN = /(?<![\p{L}])had(?![\p{L}])(?!\s+to\s)/giu
const HAD_DE = /(?<![\p{L}])(?:hatte|hatten|war|waren)(?![\p{L}])/u

/**
 * Clauses of a sentence that tell a person's history rather than the story's news: a change dated
 * before the news window ("He left in 2017 to join Tesla", "LeCun hatte 2013 ... gegründet"), and
 * pluperfect narration ("Bereits im Frühjahr hatte ... Pineau das Unternehmen verlassen", "he had
 * led"). Pluperfect after a speech verb is reported speech ("said he had joined Anthropic") and
 * counts as news, and so is one dated inside the window ("war erst im Juni ... gewechselt").
 * A clause is a stretch between commas, semicolons, colons, dashes and an "and"/"und" that starts a
 * new verb phrase; a leading "In October," dates every clause of its sentence that has no date.
 *
 * @example
 * pastClauses(text, sentence, 'en', '2024-02-14', SPEECH_EN) // the span of "He departed Tesla in 2022"
 */
export function pastClauses(
  text: string,
  sentence: SentenceSpan,
  lang: string,
  publishedAt: string | null,
  speech: RegExp,
): ClauseSpan[] {
  const published = publishedAt === null ? Number.NaN : Date.parse(publishedAt)
  const pieces = splitClauses(text, sentence)
  const frame = pieces[0] !== undefined && pieces.length > 1 ? pieces[0] : null
  const framed = frame !== null && isFrame(text, frame) ? frame : null
  const spans: ClauseSpan[] = []
  // A pluperfect clause that is background, and the sentence's clauses after it.
  let narrated = false
  for (const piece of pieces) {
    // "Erst vor wenigen Tagen hatte Meta Scale AI übernommen; dessen Gründer wechselte zu Meta":
    // a clause in the simple past after a semicolon goes on with the narration.
    if (
      narrated &&
      /;\s*$/u.test(text.slice(Math.max(sentence.start, piece.start - 3), piece.start)) &&
      PAST_TENSE.test(text.slice(piece.start, piece.end)) &&
      !FUTURE.test(text.slice(piece.start, piece.end))
    ) {
      spans.push(piece)
      continue
    }
    const tense = text.slice(piece.start, piece.end)
    const own = ageOf(text.slice(piece.start, piece.end), tense, published)
    const age =
      own ??
      (framed === null || piece === framed
        ? null
        : ageOf(text.slice(framed.start, framed.end), tense, published))
    if (age !== null && age > NEWS_WINDOW_DAYS) {
      spans.push(piece)
      continue
    }
    // Inside the window: news even when told in the pluperfect.
    if (age !== null) continue
    const pluperfect = pluperfectStart(text, piece, lang)
    if (pluperfect === null) continue
    const before = text.slice(sentence.start, pluperfect)
    if (speechIn(speech, before) || REPORTED.test(before)) continue
    spans.push({ start: lang === 'de' ? piece.start : pluperfect, end: piece.end })
    narrated = true
  }
  return spans
}

function splitClauses(text: string, sentence: SentenceSpan): ClauseSpan[] {
  const slice = text.slice(sentence.start, sentence.end)
  const cuts = [0]
  // Punctuation, and "and"/"und" before a lower-case word ("left Meta and joined OpenAI"), not
  // before a name ("Parikh, Das and Meijer").
  for (const m of slice.matchAll(/[,;:]\s*|\s[–—]\s|\s(?:and|und)\s+(?=\p{Ll})/gu)) {
    cuts.push(m.index + m[0].length)
  }
  cuts.push(slice.length)
  const pieces: ClauseSpan[] = []
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = cuts[k] as number
    const end = cuts[k + 1] as number
    if (end > start) pieces.push({ start: sentence.start + start, end: sentence.start + end })
  }
  return pieces
}

/** "In October," / "Im Frühjahr 2023," at the start: a short adverbial that dates the sentence. */
function isFrame(text: string, piece: ClauseSpan): boolean {
  const words = text.slice(piece.start, piece.end).trim().split(/\s+/u)
  return (
    words.length <= 4 &&
    /^(?:in|im|am|on|by|bis|seit|since|until|early|late|anfang|ende)$/iu.test(words[0] ?? '')
  )
}

/** Days between the latest moment the clause's date can mean and the story; null without a date. */
function ageOf(clause: string, tense: string, published: number): number | null {
  if (Number.isNaN(published)) return null
  if (RELATIVE_PAST.test(clause)) return Number.POSITIVE_INFINITY
  const ref = new Date(published)
  let latest: number | null = null
  const take = (t: number) => {
    latest = latest === null ? t : Math.max(latest, t)
  }
  const monthYears = new Set<number>()
  for (const m of clause.matchAll(MONTH)) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()] as number
    if (m[2] !== undefined) {
      take(Date.UTC(Number(m[2]), month, 0))
      monthYears.add(m.index + m[0].length - m[2].length)
    } else if (FUTURE.test(tense)) {
      // The coming month: no age.
    } else if (month <= ref.getUTCMonth() + 1) {
      take(Date.UTC(ref.getUTCFullYear(), month, 0))
    } else if (PAST_TENSE.test(tense)) {
      take(Date.UTC(ref.getUTCFullYear() - 1, month, 0))
    }
  }
  const early = new Set<number>()
  for (const m of clause.matchAll(EARLY)) {
    take(Date.UTC(Number(m[1]), 4, 0))
    early.add(m.index + m[0].length - (m[1] ?? '').length)
  }
  for (const m of clause.matchAll(YEAR)) {
    if (monthYears.has(m.index) || early.has(m.index)) continue
    take(Date.UTC(Number(m[1]), 12, 0))
  }
  if (latest === null) return null
  return (published - latest) / DAY_MS
}

function pluperfectStart(text: string, piece: ClauseSpan, lang: string): number | null {
  const clause = text.slice(piece.start, piece.end)
  if (lang === 'de') {
    const m = HAD_DE.exec(clause)
    return m === null ? null : piece.start + m.index
  }
  HAD_EN.lastIndex = 0
  const m = HAD_EN.exec(clause)
  return m === null ? null : piece.start + m.index
}

function speechIn(speech: RegExp, text: string): boolean {
  speech.lastIndex = 0
  const hit = speech.test(text)
  speech.lastIndex = 0
  return hit
}
