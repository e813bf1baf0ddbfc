import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/context.js'
import { createProgram } from '../../src/cli/program.js'
import { enrichStoredArticles } from '../../src/enrich-stored.js'
import { defineSource } from '../../src/sources.js'
import { upsertArticle } from '../../src/store/articles.js'
import { openDatabase } from '../../src/store/database.js'
import { syncSources } from '../../src/store/sources.js'
import { extractedArticle, SEED_BODY, SEED_TITLE } from '../helpers/articles.js'
import { makeTempDir } from '../helpers/env.js'

async function run(dir: string, args: string[]) {
  const out = { stdout: '', stderr: '' }
  const io: Io = {
    stdout: {
      write: (s: string) => {
        out.stdout += s
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        out.stderr += s
      },
      isTTY: false,
    },
    env: { LOG_LEVEL: 'silent' },
    cwd: dir,
  }
  await createProgram(io).parseAsync(['node', 'newshound', '--db', join(dir, 'moves.db'), ...args])
  return out
}

describe('moves, flows and person commands', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  beforeAll(async () => {
    tmp = await makeTempDir()
    const opened = await openDatabase(join(tmp.dir, 'moves.db'))
    await syncSources(opened.db, [
      defineSource({
        id: 'x',
        name: 'X',
        homepage: 'https://x.example/',
        language: 'de',
        feeds: ['https://x.example/f'],
        schedule: '0 * * * *',
      }),
    ])
    for (const a of [
      extractedArticle(
        'https://x.example/seed',
        SEED_TITLE,
        SEED_BODY,
        '2024-01-10T09:00:00Z',
        'de',
      ),
      extractedArticle(
        'https://x.example/leike',
        'Jan Leike joins Anthropic',
        'Jan Leike, who co-led superalignment at OpenAI, has joined Anthropic, he said on Tuesday.',
        '2024-05-28T09:00:00Z',
        'en',
      ),
      extractedArticle(
        'https://x.example/rumour',
        'Report: Priya Raman in talks to join Mistral AI',
        'Priya Raman, a research director at Google DeepMind, is in talks to join Mistral AI, according to people familiar with the matter.',
        '2024-06-02T09:00:00Z',
        'en',
      ),
    ]) {
      await upsertArticle(opened.db, { sourceId: 'x', url: a.url, article: a, htmlBytes: 1 })
    }
    await enrichStoredArticles(opened.db)
    await opened.close()
  })
  afterAll(async () => tmp.cleanup())

  it('moves --company lists the moves out of Meta with evidence, reported only by default', async () => {
    const { stdout } = await run(tmp.dir, [
      'moves',
      '--company',
      'Meta Platforms',
      '--since',
      '2024-01-01',
      '--json',
    ])
    const rows = JSON.parse(stdout) as {
      person: string
      kind: string
      fromOrg: string
      evidence: string
      evidenceUrl: string
    }[]
    expect(rows.map((r) => `${r.person}:${r.kind}:${r.fromOrg}`).sort()).toEqual([
      'Abhishek Das:departure:Meta',
      'Devi Parikh:departure:Meta',
      'Erik Meijer:founding:Meta',
    ])
    expect(
      rows.every((r) => r.evidenceUrl === 'https://x.example/seed' && r.evidence.length > 20),
    ).toBe(true)
    const rumours = JSON.parse(
      (await run(tmp.dir, ['moves', '--status', 'rumored', '--json'])).stdout,
    ) as { person: string; status: string }[]
    expect(rumours.map((r) => `${r.person}:${r.status}`)).toEqual(['Priya Raman:rumored'])
    expect(
      JSON.parse((await run(tmp.dir, ['moves', '--json'])).stdout).some(
        (r: { person: string }) => r.person === 'Priya Raman',
      ),
    ).toBe(false)
    const table = await run(tmp.dir, ['moves', '--kind', 'hire'])
    expect(table.stdout).toMatch(/Jan Leike\s+│ hire/)
  })

  it('flows and person print flows, net and a timeline with links', async () => {
    const flows = JSON.parse((await run(tmp.dir, ['flows', '--json'])).stdout) as {
      flows: unknown[]
      net: { org: string; net: number }[]
    }
    expect(flows.flows).toEqual([
      { fromOrg: 'OpenAI', toOrg: 'Anthropic', people: 1, names: ['Jan Leike'] },
    ])
    expect(flows.net.find((n) => n.org === 'Meta')?.net).toBe(-3)
    const person = await run(tmp.dir, ['person', 'Jan Leike'])
    expect(person.stdout).toContain('hire from OpenAI to Anthropic')
    expect(person.stdout).toContain('https://x.example/leike')
  })

  it('rejects a bad --since clearly', async () => {
    await expect(run(tmp.dir, ['moves', '--since', 'last tuesday'])).rejects.toThrow(
      /--since expects a date/,
    )
  })
})
