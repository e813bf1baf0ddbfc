import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNewshoundIntoHead } from '../helpers/child-cli.js'
import { makeTempDir } from '../helpers/env.js'

/** What a shell shows for a process ended by SIGPIPE: 128 + 13. */
const BROKEN_PIPE = 141

describe('stdout closed early (newshound … | head -1)', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  beforeAll(async () => {
    tmp = await makeTempDir()
  })
  afterAll(async () => {
    await tmp.cleanup()
  })

  it('a command still writing when the reader goes away stops quietly with status 141', async () => {
    // 2,000 result lines, written one by one, are far more than a pipe buffer: the writes after
    // the reader has gone fail with EPIPE every time.
    const file = join(tmp.dir, 'many.jsonl')
    const line = JSON.stringify({ id: 'x', text: 'OpenAI hired Jan Leike from Google DeepMind.' })
    await writeFile(file, `${line}\n`.repeat(2000))
    const run = await runNewshoundIntoHead([
      '--db',
      join(tmp.dir, 'none.db'),
      'analyze',
      '--jsonl',
      file,
    ])
    expect(JSON.parse(run.firstLine)).toMatchObject({ id: 'x' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(BROKEN_PIPE)
  })

  it('help piped into a reader that closes after one line ends quietly', async () => {
    // Help is written at once, so the reader may close before or after it: either way no stack.
    for (const args of [['--help'], ['schedule', '--help']]) {
      const run = await runNewshoundIntoHead(args)
      expect(run.firstLine).toMatch(/^Usage: newshound/)
      expect(run.stderr).toBe('')
      expect([0, BROKEN_PIPE]).toContain(run.code)
    }
  })
})
