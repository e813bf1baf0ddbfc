import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/child-cli.js'

/**
 * The soak's short mode, as CI runs it: 50 local sources with injected faults, the scheduler
 * SIGKILLed and restarted every 10 s, then the duplicate / lost-article / integrity / memory
 * checks of scripts/soak.ts. About 50 s of wall time.
 */
describe('soak (short mode)', () => {
  it('passes: no duplicates, nothing lost, integrity ok, memory flat across kill -9 restarts', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(REPO_ROOT, 'scripts/soak.ts'), '--seconds', '35'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
    })
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
    const lines = output.trim().split('\n')
    const last = lines.at(-1) ?? ''
    expect(last, output).toMatch(/^soak ok: /)
    expect(code).toBe(0)
    // The run did real work across restarts: articles stored, at least three scheduler lives.
    expect(Number(/(\d+) stored/.exec(last)?.[1])).toBeGreaterThan(20)
    expect(Number(/(\d+) runs/.exec(last)?.[1])).toBeGreaterThanOrEqual(3)
    expect(last).toContain(' 0 lost, 0 duplicates, integrity ok')
  }, 90_000)
})
