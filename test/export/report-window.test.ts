import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseReportWindow } from '../../src/export/report-window.js'
import { openDatabase } from '../../src/store/database.js'
import { makeTempDir } from '../helpers/env.js'
import { NOW, openFixtureDb } from '../query/fixture-db.js'

// The fixture holds 10 stories (a syndicated copy left out) from 2026-10-27 to 2026-11-28.
const HOLDS = 'The database holds 10 stories from 2026-10-27 to 2026-11-28'

describe('chooseReportWindow', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb()
  })
  afterAll(async () => f.cleanup())

  it('the last 30 days when they hold stories, with no notice', async () => {
    expect(await chooseReportWindow(f.db, { now: NOW })).toEqual({
      since: '2026-10-30T00:00:00.000Z',
      until: '2026-11-29T00:00:00.000Z',
      notice: null,
    })
  })

  it('with no period given and the last 30 days empty: the last 30 days of data, said so', async () => {
    const window = await chooseReportWindow(f.db, { now: new Date('2027-06-01T12:00:00.000Z') })
    expect(window.since).toBe('2026-10-30T00:00:00.000Z')
    expect(window.until).toBe('2026-11-29T00:00:00.000Z')
    expect(window.notice).toBe(
      `No stories in the last 30 days (2027-05-02 – 2027-06-01): this report covers the last 30 days of data instead, up to the latest story. ${HOLDS}; --since 2026-10-27 covers them all.`,
    )
  })

  it('a period given stays, and an empty one is explained with the flags that cover the data', async () => {
    const since = await chooseReportWindow(f.db, {
      since: '2026-12-01T00:00:00.000Z',
      now: new Date('2026-12-20T00:00:00.000Z'),
    })
    expect(since.since).toBe('2026-12-01T00:00:00.000Z')
    expect(since.notice).toBe(
      `No stories in 2026-12-01 – 2026-12-19. ${HOLDS}; --since 2026-10-27 covers them all.`,
    )
    const both = await chooseReportWindow(f.db, {
      since: '2020-01-01T00:00:00.000Z',
      until: '2020-02-01T00:00:00.000Z',
    })
    expect(both).toEqual({
      since: '2020-01-01T00:00:00.000Z',
      until: '2020-02-01T00:00:00.000Z',
      notice: `No stories in 2020-01-01 – 2020-01-31. ${HOLDS}; --since 2026-10-27 --until 2026-11-29 covers them all.`,
    })
  })

  it('an empty database says so', async () => {
    const tmp = await makeTempDir()
    const opened = await openDatabase(`${tmp.dir}/empty.db`)
    try {
      const window = await chooseReportWindow(opened.db, { now: NOW })
      expect(window.notice).toBe(
        'The database holds no stories yet: `newshound crawl` stores some.',
      )
      expect(window.until).toBe(NOW.toISOString())
    } finally {
      await opened.close()
      await tmp.cleanup()
    }
  })
})
