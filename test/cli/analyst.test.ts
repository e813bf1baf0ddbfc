import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/context.js'
import { createProgram } from '../../src/cli/program.js'
import { openFixtureDb } from '../query/fixture-db.js'

interface Captured {
  stdout: string
  stderr: string
}

/** Runs a command in-process with captured streams (no spawn: fast, and sees the current source). */
async function run(
  dir: string,
  args: string[],
  options: { tty?: boolean } = {},
): Promise<Captured> {
  const out: Captured = { stdout: '', stderr: '' }
  const io: Io = {
    stdout: {
      write: (s: string) => {
        out.stdout += s
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (s: string) => {
        out.stderr += s
      },
      isTTY: false,
    },
    env: { LOG_LEVEL: 'silent', NO_COLOR: '1' },
    cwd: dir,
  }
  await createProgram(io).parseAsync([
    'node',
    'newshound',
    '--db',
    join(dir, 'fixture.db'),
    ...args,
  ])
  return out
}

describe('analyst commands', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
  })
  afterAll(async () => f.cleanup())

  it('trends: --json array, --nl lines, a table otherwise; the window echoed as absolute dates', async () => {
    const json = await run(f.dir, ['trends', '--until', '2026-11-29', '--json'])
    const rows = JSON.parse(json.stdout) as { entity_name: string; score: number }[]
    expect(rows.map((r) => [r.entity_name, r.score])).toEqual([
      ['Anthropic', 0.848],
      ['Jan Leike', 0.4854],
      ['Meta', -0.2479],
    ])
    expect(json.stderr).toContain('window 2026-11-22T00:00:00.000Z – 2026-11-29T00:00:00.000Z')
    const nl = await run(f.dir, ['trends', '--until', '2026-11-29', '--nl', '--kind', 'person'])
    expect(
      nl.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { entity_name: string }).entity_name),
    ).toEqual(['Jan Leike'])
    const table = await run(f.dir, ['trends', '--until', '2026-11-29'])
    expect(table.stdout).toContain('Anthropic wächst')
    expect(table.stdout).toMatch(/│ 1\s+│ Anthropic\s+│ org\s+│ 4\s+│ 0\s+│ 0\s+│ 66\.7%\s+│ 0\.85/)
  })

  it('timeline: long JSON rows; pivot table and a chart on a terminal', async () => {
    const json = await run(f.dir, [
      'timeline',
      'Meta',
      'Anthropic',
      'meta platforms',
      '--since',
      '2026-11-16',
      '--until',
      '2026-11-29',
      '--json',
    ])
    expect(JSON.parse(json.stdout)).toEqual([
      {
        bucket: '2026-11-16',
        entity_id: 2,
        entity_name: 'Meta',
        stories: 1,
        mentions: 2,
        total_stories: 1,
        share: 1,
      },
      {
        bucket: '2026-11-16',
        entity_id: 3,
        entity_name: 'Anthropic',
        stories: 0,
        mentions: 0,
        total_stories: 1,
        share: 0,
      },
      {
        bucket: '2026-11-23',
        entity_id: 2,
        entity_name: 'Meta',
        stories: 3,
        mentions: 4,
        total_stories: 6,
        share: 0.5,
      },
      {
        bucket: '2026-11-23',
        entity_id: 3,
        entity_name: 'Anthropic',
        stories: 4,
        mentions: 6,
        total_stories: 6,
        share: 0.666667,
      },
    ])
    expect(json.stderr).toContain(
      'timeline: Meta, Anthropic by week, since 2026-11-16T00:00:00.000Z until 2026-11-29T00:00:00.000Z',
    )
    const tty = await run(
      f.dir,
      [
        'timeline',
        'Meta',
        'Anthropic',
        '--since',
        '2026-11-01',
        '--until',
        '2026-11-29',
        '--by',
        'day',
      ],
      { tty: true },
    )
    expect(tty.stdout).toContain('╯') // asciichart line
    expect(tty.stdout).toContain('── Meta')
    expect(tty.stdout).toMatch(/│ 2026-11-25\s+│ 1\s+│ 1\s+│ 1\s+│/)
    const piped = await run(f.dir, [
      'timeline',
      'Meta',
      '--since',
      '2026-11-01',
      '--until',
      '2026-11-29',
    ])
    expect(piped.stdout).not.toContain('╯')
  })

  it('co and search', async () => {
    const co = await run(f.dir, ['co', 'Meta', '--json', '--examples', '1'])
    expect(
      (JSON.parse(co.stdout) as { entity_name: string; stories: number }[]).map((r) => [
        r.entity_name,
        r.stories,
      ]),
    ).toEqual([
      ['Anthropic', 2],
      ['OpenAI', 2],
      ['Devi Parikh', 1],
    ])
    expect(co.stderr).toContain('mentioned with Meta (org)')
    const search = await run(f.dir, ['search', 'Leike', '--nl'])
    expect(
      search.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { article_id: number }).article_id),
    ).toEqual([5, 6])
    const all = await run(f.dir, ['search', 'Leike', '--nl', '--rank-all'])
    expect(all.stdout).toBe(search.stdout)
    expect(search.stderr).not.toContain('most recently stored')
    const entity = await run(f.dir, [
      'search',
      'Anthropic',
      '--entity',
      'Meta Platforms',
      '--since',
      '2026-11-26',
      '--json',
    ])
    expect(
      (JSON.parse(entity.stdout) as { article_id: number }[]).map((r) => r.article_id),
    ).toEqual([11])
    await expect(run(f.dir, ['search', 'x', '--since', 'yesterday-ish'])).rejects.toThrow(
      '--since expects a date',
    )
    await expect(run(f.dir, ['co', 'Nobody'])).rejects.toThrow('no entity named "Nobody"')
  })

  it('stats sections', async () => {
    const sources = JSON.parse((await run(f.dir, ['stats', '--json'])).stdout) as {
      source_id: string
      health: string
    }[]
    expect(sources.map((s) => [s.source_id, s.health])).toEqual([
      ['alpha', 'ok'],
      ['beta', 'failing'],
    ])
    const days = await run(f.dir, [
      'stats',
      'days',
      '--since',
      '2026-11-26',
      '--until',
      '2026-11-28',
      '--json',
    ])
    expect(JSON.parse(days.stdout)).toEqual([
      { day: '2026-11-26', articles: 1, stories: 1, sources: 1 },
      { day: '2026-11-27', articles: 2, stories: 1, sources: 2 },
    ])
    expect((await run(f.dir, ['stats', 'feeds'])).stdout).toContain('HTTP 503')
    expect(
      (await run(f.dir, ['stats', 'languages', '--nl'])).stdout.trimEnd().split('\n'),
    ).toHaveLength(2)
  })

  it('export: CSV to stdout or a file, BOM on request, a note for what is missing', async () => {
    const flows = await run(f.dir, ['export', 'flows'])
    expect(flows.stdout).toBe(
      'from_org_id,from_org_id_label,to_org_id,to_org_id_label,moves,people,latest_at\n2,Meta,,,1,1,2026-11-27\n1,OpenAI,3,Anthropic,1,1,2026-11-23\n',
    )
    expect(flows.stderr).toContain('export flows: 2 row(s)')
    const file = await run(f.dir, [
      'export',
      'mentions',
      '--lang',
      'de',
      '--bom',
      '--out',
      'mentions.csv',
    ])
    expect(file.stdout).toBe('')
    const text = await readFile(join(f.dir, 'mentions.csv'), 'utf8')
    expect(text.startsWith('\ufeffstory_at,article_id,article_id_label,')).toBe(true)
    expect(text.trimEnd().split('\n')).toHaveLength(6)
    const timeline = await run(f.dir, [
      'export',
      'timeline',
      '--top',
      '2',
      '--by',
      'month',
      '--since',
      '2026-11-01',
      '--until',
      '2026-11-29',
    ])
    expect(timeline.stdout).toBe(
      'bucket,entity_id,entity_id_label,stories,mentions,total_stories,share\n2026-11-01,2,Meta,6,10,9,0.666667\n2026-11-01,3,Anthropic,4,6,9,0.444444\n',
    )
    const trends = await run(f.dir, [
      'export',
      'trends',
      '--until',
      '2026-11-29',
      '--kind',
      'person',
    ])
    expect(trends.stdout.split('\n')[1]).toMatch(/^1,4,Jan Leike,person,/)
  })

  it('report writes one HTML file and says where', async () => {
    const result = await run(f.dir, [
      'report',
      '--since',
      '2026-11-01',
      '--until',
      '2026-11-29',
      '--out',
      'r.html',
    ])
    expect(result.stderr).toContain(
      'report: 2026-11-01T00:00:00.000Z until 2026-11-29T00:00:00.000Z -> r.html',
    )
    const html = await readFile(join(f.dir, 'r.html'), 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('2026-11-01 – 2026-11-28 (UTC)')
  })

  it('report on an empty period says on stderr and on the page what the database holds', async () => {
    const result = await run(f.dir, [
      'report',
      '--since',
      '2020-01-01',
      '--until',
      '2020-02-01',
      '--out',
      'empty.html',
    ])
    const notice =
      'No stories in 2020-01-01 – 2020-01-31. The database holds 10 stories from 2026-10-27 to 2026-11-28; --since 2026-10-27 --until 2026-11-29 covers them all.'
    expect(result.stderr).toContain(`report: ${notice}\n`)
    const html = await readFile(join(f.dir, 'empty.html'), 'utf8')
    expect(html).toContain(`<p class="notice">${notice}</p>`)
  })

  it('--help of every analyst command explains itself', async () => {
    const help = await run(f.dir, ['trends', '--help']).catch((e: { exitCode?: number }) => e)
    expect((help as { exitCode?: number }).exitCode).toBe(0)
  })
})
