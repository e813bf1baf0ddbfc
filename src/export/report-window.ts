import { minusDays } from '../query/range.js'
import { queryStorySpan } from '../query/stats.js'
import type { Db } from '../store/database.js'

/** The default report period: the last 30 days (of the calendar, or of the data when those are empty). */
export const REPORT_DAYS = 30

export interface ReportWindowOptions {
  /** `--since` as given (ISO), or undefined for the default. */
  readonly since?: string | undefined
  /** `--until` as given (ISO, exclusive), or undefined for now. */
  readonly until?: string | undefined
  readonly now?: Date | undefined
}

export interface ReportWindow {
  readonly since: string
  readonly until: string
  /**
   * Why the page may look empty, or why it shows another period than asked: what the database
   * holds and the `--since` that covers it. Null when the period has stories.
   */
  readonly notice: string | null
}

const day = (time: string) => time.slice(0, 10)
/** The last day an exclusive end keeps. */
const lastDay = (until: string) => day(new Date(Date.parse(until) - 1).toISOString())
/** Midnight UTC after the day of `time`: an exclusive end that keeps that whole day. */
const dayAfter = (time: string) =>
  new Date(Date.parse(`${day(time)}T00:00:00.000Z`) + 86_400_000).toISOString()

/**
 * The period a report covers. A database whose stories are all older than 30 days (the demo's,
 * or one whose crawls stopped) gave a page saying "Nothing in this period" everywhere: with no
 * `--since`/`--until` the report then covers the last 30 days of data, ending with the latest
 * story, and says so; with a period given it stays, and the notice tells what the database holds.
 * @example const { since, until, notice } = await chooseReportWindow(db, { since: undefined })
 */
export async function chooseReportWindow(
  db: Db,
  options: ReportWindowOptions,
): Promise<ReportWindow> {
  const until = options.until ?? (options.now ?? new Date()).toISOString()
  const since = options.since ?? minusDays(until, REPORT_DAYS)
  const asked = { since, until }
  if ((await queryStorySpan(db, asked)).stories > 0) return { ...asked, notice: null }
  const all = await queryStorySpan(db)
  if (all.first_story_at === null || all.last_story_at === null)
    return {
      ...asked,
      notice: 'The database holds no stories yet: `newshound crawl` stores some.',
    }
  const period = `${day(since)} – ${lastDay(until)}`
  const covering = `--since ${day(all.first_story_at)}${options.until === undefined ? '' : ` --until ${day(dayAfter(all.last_story_at))}`}`
  const holds = `The database holds ${all.stories} ${all.stories === 1 ? 'story' : 'stories'} from ${day(all.first_story_at)} to ${day(all.last_story_at)}; ${covering} covers them all.`
  if (options.since !== undefined || options.until !== undefined)
    return { ...asked, notice: `No stories in ${period}. ${holds}` }
  const dataUntil = dayAfter(all.last_story_at)
  return {
    since: minusDays(dataUntil, REPORT_DAYS),
    until: dataUntil,
    notice: `No stories in the last ${REPORT_DAYS} days (${period}): this report covers the last ${REPORT_DAYS} days of data instead, up to the latest story. ${holds}`,
  }
}
