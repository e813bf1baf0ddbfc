import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commandNameOf, heapCapGiven } from '../../src/cli/heap-cap.js'
import { type ChildCli, killAll, spawnNewshound } from '../helpers/child-cli.js'
import { makeTempDir } from '../helpers/env.js'
import { importLocalSource } from '../helpers/local-source.js'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('newshound schedule runs with a V8 heap cap', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let dbPath: string
  const children: ChildCli[] = []

  beforeEach(async () => {
    tmp = await makeTempDir()
    dbPath = join(tmp.dir, 'heap.db')
    // A source that never comes due during the test: the scheduler starts, holds its lock and idles.
    await importLocalSource(dbPath, {
      id: 'idle-site',
      name: 'Idle site',
      homepage: 'http://127.0.0.1:9/',
      feeds: ['http://127.0.0.1:9/feed.xml'],
      schedule: '0 0 1 1 *',
    })
  })

  afterEach(async () => {
    await killAll(children)
    await tmp.cleanup()
  })

  /** Starts the real command; resolves once the scheduler says its pid and heap limit. */
  async function schedule(env: Record<string, string>) {
    const cli = spawnNewshound(
      ['--db', dbPath, 'schedule', '--source', 'idle-site', '--jitter-ms', '0'],
      { env: { NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env } },
    )
    children.push(cli)
    await until(
      () => /newshound scheduler: .*; Ctrl-C/.test(cli.stderr()),
      'the scheduler to start',
    )
    const [, pid, limit] = /pid (\d+), heap limit (\d+) MB/.exec(cli.stderr()) ?? []
    return { cli, schedulerPid: Number(pid), heapLimitMb: Number(limit) }
  }

  it('starts the scheduler capped at NEWSHOUND_SCHEDULER_HEAP_MB; SIGTERM stops it gracefully', async () => {
    const { cli, schedulerPid, heapLimitMb } = await schedule({
      NEWSHOUND_SCHEDULER_HEAP_MB: '200',
    })
    // The limit V8 reports adds the young generation (a few tens of MB) to the old-space cap.
    expect(heapLimitMb).toBeGreaterThanOrEqual(200)
    expect(heapLimitMb).toBeLessThan(300)
    expect(schedulerPid).not.toBe(cli.child.pid)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.stderr()).toContain('SIGTERM: finishing in-flight work')
    expect(alive(schedulerPid)).toBe(false)
  })

  it('kill -9 of the command takes the scheduler with it: no orphan keeps the lock', async () => {
    const { cli, schedulerPid } = await schedule({})
    cli.child.kill('SIGKILL')
    await cli.exited
    await until(() => !alive(schedulerPid), 'the capped scheduler to end with its parent', 5000)
  })

  it('a cap in NODE_OPTIONS wins, and 0 leaves V8 its default', async () => {
    const given = await schedule({ NODE_OPTIONS: '--max-old-space-size=150' })
    expect(given.schedulerPid).toBe(given.cli.child.pid)
    expect(given.heapLimitMb).toBeLessThan(250)
    given.cli.child.kill('SIGTERM')
    expect(await given.cli.exited).toBe(0)
    const off = await schedule({ NEWSHOUND_SCHEDULER_HEAP_MB: '0' })
    expect(off.schedulerPid).toBe(off.cli.child.pid)
    expect(off.heapLimitMb).toBeGreaterThan(300)
  })
})

describe('which command lines start capped', () => {
  it('finds the command after the root options, and sees a cap already given', () => {
    expect(commandNameOf(['--db', 'schedule.db', '-q', 'schedule', '--source', 'x'])).toBe(
      'schedule',
    )
    expect(commandNameOf(['--verbose', 'crawl'])).toBe('crawl')
    expect(commandNameOf(['--help'])).toBeUndefined()
    expect(heapCapGiven(['--import', 'tsx'], '--max-old-space-size=512')).toBe(true)
    expect(heapCapGiven(['--max_old_space_size=300'], undefined)).toBe(true)
    expect(heapCapGiven(['--import', 'tsx'], '--enable-source-maps')).toBe(false)
  })
})
