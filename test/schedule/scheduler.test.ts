import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import type { Io } from '../../src/cli/context.js'
import { createProgram } from '../../src/cli/program.js'
import { nextPollAt } from '../../src/harvest/poll-interval.js'
import { silentLogger } from '../../src/log.js'
import { acquireSchedulerLock } from '../../src/schedule/lock.js'
import { startScheduler } from '../../src/schedule/scheduler.js'
import { defineSource } from '../../src/sources.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { makeTempDir, testConfig } from '../helpers/env.js'

const SITE = resolve(import.meta.dirname, '../fixtures/site')

describe('scheduler lock', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase
  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/lock.db`)
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  it('lets one scheduler hold a database, names the holder to the second, and frees on release', async () => {
    const first = await acquireSchedulerLock(opened.db)
    await expect(acquireSchedulerLock(opened.db)).rejects.toThrow(
      /another scheduler holds this database \(pid \d+/,
    )
    await first.release()
    const second = await acquireSchedulerLock(opened.db)
    await expect(first.heartbeat('running', [])).rejects.toThrow(/taken over/)
    await second.release()
  })

  it('waits for a local holder that is exiting, and names one that stays', async () => {
    // A real process on this host holds the lock, as an orphaned scheduler would.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600)'])
    const held = async () => {
      await sql`update scheduler_state set pid = ${holder.pid}, state = 'running' where id = 1`.execute(
        opened.db,
      )
    }
    const first = await acquireSchedulerLock(opened.db)
    await held()
    const started = Date.now()
    const second = await acquireSchedulerLock(opened.db, { exitWaitMs: 5_000 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(second.holder).not.toBe(first.holder)
    const stays = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'])
    await sql`update scheduler_state set pid = ${stays.pid}, state = 'running' where id = 1`.execute(
      opened.db,
    )
    await expect(acquireSchedulerLock(opened.db, { exitWaitMs: 400 })).rejects.toThrow(
      new RegExp(`another scheduler holds this database \\(pid ${stays.pid}`),
    )
    stays.kill()
  })

  it('takes over a stale lock (holder killed without releasing)', async () => {
    await acquireSchedulerLock(opened.db)
    const later = () => new Date(Date.now() + 10 * 60_000)
    const taken = await acquireSchedulerLock(opened.db, { now: later })
    expect(taken.holder).toBeTruthy()
  })
})

describe('poll intervals', () => {
  const now = new Date('2026-11-29T12:00:00Z')
  it.each([
    [{ ok: true, consecutiveFailures: 0, idlePolls: 0 }, null],
    [
      { ok: true, consecutiveFailures: 0, idlePolls: 0, ttlMinutes: 60 },
      '2026-11-29T13:00:00.000Z',
    ],
    [
      {
        ok: true,
        consecutiveFailures: 0,
        idlePolls: 0,
        headers: { 'cache-control': 'public, max-age=600' },
      },
      '2026-11-29T12:10:00.000Z',
    ],
    [
      {
        ok: true,
        consecutiveFailures: 0,
        idlePolls: 0,
        headers: { expires: 'Sun, 29 Nov 2026 12:30:00 GMT' },
      },
      '2026-11-29T12:30:00.000Z',
    ],
    [{ ok: true, consecutiveFailures: 0, idlePolls: 4 }, '2026-11-29T12:30:00.000Z'],
    [{ ok: false, consecutiveFailures: 1, idlePolls: 0 }, '2026-11-29T12:02:00.000Z'],
    [{ ok: false, consecutiveFailures: 4, idlePolls: 0 }, '2026-11-29T12:16:00.000Z'],
    [{ ok: false, consecutiveFailures: 40, idlePolls: 0 }, '2026-11-29T18:00:00.000Z'],
    [
      { ok: false, consecutiveFailures: 1, idlePolls: 0, retryAfterSeconds: 3600 },
      '2026-11-29T13:00:00.000Z',
    ],
  ])('%o → %s', (outcome, expected) => {
    expect(nextPollAt(outcome, now)).toBe(expected)
  })
})

describe('scheduler', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase
  let server: FixtureServer
  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/sched.db`)
    server = await startFixtureServer({ root: SITE })
  })
  afterEach(async () => {
    await opened.close()
    await server.close()
    await tmp.cleanup()
  })

  it('runs sources on their cron schedule, records the next run, and stops cleanly', async () => {
    const source = defineSource({
      id: 'every-second',
      name: 'Every second',
      homepage: server.url('/'),
      language: 'en',
      feeds: [server.url('/news/atom.xml')],
      schedule: '* * * * * *',
      local: true,
    })
    const testStarted = Date.now()
    const scheduler = await startScheduler({
      db: opened.db,
      config: testConfig(tmp.dir),
      sources: [source],
      log: silentLogger(),
      heartbeatMs: 200,
    })
    const deadline = Date.now() + 15_000
    let stored = 0
    while (Date.now() < deadline && stored < 2) {
      await new Promise((r) => setTimeout(r, 250))
      stored = (await opened.db.selectFrom('articles').select('id').execute()).length
    }
    expect(stored).toBe(2)
    // The heartbeat carries the process's memory, and `status` shows it.
    const beat = await opened.db
      .selectFrom('scheduler_state')
      .select(['rss_mb', 'heap_mb'])
      .executeTakeFirstOrThrow()
    expect(beat.heap_mb).toBeGreaterThan(0)
    expect(beat.rss_mb).toBeGreaterThanOrEqual(beat.heap_mb ?? Number.POSITIVE_INFINITY)
    let printed = ''
    const io: Io = {
      stdout: {
        write: (s: string) => {
          printed += s
        },
        isTTY: false,
      },
      stderr: { write: () => undefined, isTTY: false },
      env: { LOG_LEVEL: 'silent', NO_COLOR: '1' },
      cwd: tmp.dir,
    }
    await createProgram(io).parseAsync([
      'node',
      'newshound',
      '--db',
      `${tmp.dir}/sched.db`,
      'status',
    ])
    expect(printed).toMatch(
      /^scheduler: running \(pid \d+ on .+, memory \d+ MB resident, \d+ MB heap\)$/m,
    )
    printed = ''
    await createProgram(io).parseAsync([
      'node',
      'newshound',
      '--db',
      `${tmp.dir}/sched.db`,
      'status',
      '--json',
    ])
    const status = JSON.parse(printed) as { scheduler: { rssMb: number; heapMb: number } }
    expect(status.scheduler.rssMb).toBeGreaterThan(0)
    expect(status.scheduler.heapMb).toBeGreaterThan(0)
    const schedule = await opened.db
      .selectFrom('source_schedule')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(schedule.source_id).toBe('every-second')
    // A next run recorded during this test (not a fixed margin before now: on a loaded machine a
    // scheduler with a one-second cron falls seconds behind, which is not what this checks).
    expect(Date.parse(schedule.next_run_at ?? '')).toBeGreaterThan(testStarted)
    await scheduler.stop(5000)
    const state = await opened.db
      .selectFrom('scheduler_state')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(state.state).toBe('stopped')
    const runs = await opened.db.selectFrom('crawl_runs').select(['trigger', 'status']).execute()
    expect(runs.length).toBeGreaterThanOrEqual(1)
    expect(runs.every((r) => r.trigger === 'schedule' && r.status !== 'running')).toBe(true)
    // Later runs found the feed unchanged: conditional GET, nothing stored twice.
    expect((await opened.db.selectFrom('articles').select('id').execute()).length).toBe(2)
  })
})
