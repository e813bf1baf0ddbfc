import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csvCell,
  csvLine,
  escapeFormula,
  writeCsv,
  writeFileAtomically,
} from '../../src/export/csv.js'
import { DATASET_COLUMNS, DATASET_NAMES, exportDataset } from '../../src/export/datasets.js'
import { resolveEntity } from '../../src/query/resolve-entity.js'
import { NOW, openFixtureDb } from '../query/fixture-db.js'

function collect(): { sink: { write(chunk: string): boolean }; text: () => string } {
  const chunks: string[] = []
  return {
    sink: {
      write: (chunk: string) => {
        chunks.push(chunk)
        return true
      },
    },
    text: () => chunks.join(''),
  }
}

describe('CSV cells', () => {
  it('escapes text that a spreadsheet would run as a formula, never numbers', () => {
    expect(escapeFormula('=1+2')).toBe("'=1+2")
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    )
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234")
    expect(csvCell('-3 degrees')).toBe("'-3 degrees")
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('\r=cmd')).toBe(`"'\r=cmd"`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(0.25)).toBe('0.25')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(true)).toBe('1')
    expect(csvCell('a = b')).toBe('a = b')
    expect(csvCell('Übernahme „Meta“ – 5 €')).toBe('Übernahme „Meta“ – 5 €')
  })

  it('quotes like csv-stringify (comma, quote, CR, LF)', () => {
    const rows = [
      [
        'plain',
        'with, comma',
        'with "quote"',
        'line\nbreak',
        'cr\rhere',
        '',
        'ünïcödé',
        'emoji 🐕',
      ],
    ]
    expect(csvLine(rows[0] as string[])).toBe(stringify(rows))
  })

  it('writes a header, the rows, and a BOM only when asked', async () => {
    const plain = collect()
    expect(
      await writeCsv(
        plain.sink,
        ['id', 'name'],
        [
          [1, '=Meta'],
          [-2, 'a,b'],
        ],
        { batchRows: 1 },
      ),
    ).toBe(2)
    expect(plain.text()).toBe(`id,name\n1,'=Meta\n-2,"a,b"\n`)
    const bom = collect()
    await writeCsv(
      bom.sink,
      ['id'],
      (async function* () {
        yield [1]
      })(),
      { bom: true },
    )
    expect(bom.text()).toBe('\ufeffid\n1\n')
    expect(Buffer.from(bom.text(), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
})

describe('exports', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
  })
  afterAll(async () => f.cleanup())

  async function csv(
    name: (typeof DATASET_NAMES)[number],
    options: Parameters<typeof exportDataset>[2] = {},
  ): Promise<string> {
    const out = collect()
    const { columns, rows } = await exportDataset(f, name, { now: NOW, ...options })
    await writeCsv(out.sink, columns, rows)
    return out.text()
  }

  it('every export has its documented columns in order', async () => {
    for (const name of DATASET_NAMES) {
      const header = (await csv(name)).split('\n')[0]
      expect(header).toBe(DATASET_COLUMNS[name].map((col) => col.name).join(','))
    }
  })

  it('articles: stories in story order, labels next to ids, the formula-like title escaped', async () => {
    const lines = (await csv('articles', { since: '2026-11-25T00:00:00.000Z' }))
      .trimEnd()
      .split('\n')
    expect(lines.slice(1)).toEqual([
      '7,2026-11-25T09:00:00.000Z,2026-11-25T09:00:00.000Z,2026-11-25T09:00:00.000Z,beta,Beta Nachrichten,de,Anthropic wächst,https://beta.example/story/7,,,0,,7',
      "8,2026-11-26T09:00:00.000Z,2026-11-26T09:00:00.000Z,2026-11-26T09:00:00.000Z,alpha,Alpha News,en,'=Acme raises money,https://alpha.example/story/8,,,0,,8",
      '9,2026-11-27T09:00:00.000Z,2026-11-27T09:00:00.000Z,2026-11-27T09:00:00.000Z,beta,Beta Nachrichten,de,Meta verliert Devi Parikh,https://beta.example/story/9,,,0,,9',
      '11,2026-11-28T08:00:00.000Z,,2026-11-28T08:00:00.000Z,alpha,Alpha News,en,Anthropic and Meta talk safety,https://alpha.example/story/11,,,0,,11',
    ])
    const withCopies = (
      await csv('articles', {
        since: '2026-11-27T00:00:00.000Z',
        includeDuplicates: true,
        sources: ['alpha'],
      })
    )
      .trimEnd()
      .split('\n')
    expect(
      withCopies.slice(1).map((l) => {
        const cells = l.split(',')
        return `${cells[0]}:${cells.at(-2)}:${cells.at(-1)}`
      }),
    ).toEqual(['10:5:5', '11::11'])
  })

  it('mentions: one row per article and entity', async () => {
    expect((await csv('mentions', { languages: ['de'] })).trimEnd().split('\n').slice(1)).toEqual([
      '2026-11-17T09:00:00.000Z,4,Übernahme bei Meta,beta,de,2,Meta,org,2,Meta,https://beta.example/story/4,4',
      '2026-11-25T09:00:00.000Z,7,Anthropic wächst,beta,de,2,Meta,org,1,Meta,https://beta.example/story/7,7',
      '2026-11-25T09:00:00.000Z,7,Anthropic wächst,beta,de,3,Anthropic,org,2,Anthropic,https://beta.example/story/7,7',
      '2026-11-27T09:00:00.000Z,9,Meta verliert Devi Parikh,beta,de,2,Meta,org,2,Meta,https://beta.example/story/9,9',
      '2026-11-27T09:00:00.000Z,9,Meta verliert Devi Parikh,beta,de,5,Devi Parikh,person,2,Devi Parikh,https://beta.example/story/9,9',
    ])
  })

  it('entities: stories and mentions under the filters', async () => {
    expect(
      (await csv('entities', { since: '2026-11-22T00:00:00.000Z' })).trimEnd().split('\n').slice(1),
    ).toEqual([
      '1,OpenAI,org,org:openai,kb,,,,1,1,2026-11-23T09:00:00.000Z,2026-11-23T09:00:00.000Z',
      '2,Meta,org,org:meta,kb,,,,3,4,2026-11-25T09:00:00.000Z,2026-11-28T08:00:00.000Z',
      '3,Anthropic,org,org:anthropic,kb,,,,4,6,2026-11-23T09:00:00.000Z,2026-11-28T08:00:00.000Z',
      '4,Jan Leike,person,person:jan-leike,kb,,,,2,4,2026-11-23T09:00:00.000Z,2026-11-24T09:00:00.000Z',
      '5,Devi Parikh,person,person:devi-parikh,kb,,,,1,2,2026-11-27T09:00:00.000Z,2026-11-27T09:00:00.000Z',
      '6,Acme,org,org:acme,kb,,,,1,1,2026-11-26T09:00:00.000Z,2026-11-26T09:00:00.000Z',
    ])
  })

  it('moves, flows, trends and timeline', async () => {
    expect((await csv('moves')).trimEnd().split('\n').slice(1)).toEqual([
      '1,2026-11-23,2026-11-23,4,Jan Leike,1,OpenAI,3,Anthropic,head of alignment,head,hire,reported,0.9,2,2026-11-23T09:00:00.000Z,2026-11-24T09:00:00.000Z,https://alpha.example/story/5,"Jan Leike, formerly of OpenAI, joins Anthropic."',
      '2,2026-11-27,,5,Devi Parikh,2,Meta,,,,,departure,reported,0.8,1,2026-11-27T09:00:00.000Z,2026-11-27T09:00:00.000Z,https://beta.example/story/9,Devi Parikh verlässt Meta.',
      '3,2026-11-28,2026-11-28,4,Jan Leike,3,Anthropic,2,Meta,,,hire,rumored,0.4,1,2026-11-28T08:00:00.000Z,2026-11-28T08:00:00.000Z,https://alpha.example/story/11,Anthropic and Meta met to talk about safety.',
    ])
    expect(
      (await csv('moves', { sources: ['beta'] }))
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['2'])
    expect((await csv('flows')).trimEnd().split('\n').slice(1)).toEqual([
      '2,Meta,,,1,1,2026-11-27',
      '1,OpenAI,3,Anthropic,1,1,2026-11-23',
    ])
    expect((await csv('trends')).trimEnd().split('\n')[1]).toBe(
      '1,3,Anthropic,org,2026-11-22T00:00:00.000Z,2026-11-29T00:00:00.000Z,4,6,0,0,0.666667,0,0.848,7,Anthropic wächst,https://beta.example/story/7,2026-11-25T09:00:00.000Z',
    )
    const meta = await resolveEntity(f.db, 'Meta')
    expect(
      (
        await csv('timeline', {
          since: '2026-11-16T00:00:00.000Z',
          until: NOW.toISOString(),
          timeline: { entities: [meta], by: 'week' },
        })
      )
        .trimEnd()
        .split('\n')
        .slice(1),
    ).toEqual(['2026-11-16,2,Meta,1,2,1,1', '2026-11-23,2,Meta,3,4,6,0.5'])
  })

  it('moves and flows are header-only on a database without the moves tables', async () => {
    const bare = await openFixtureDb()
    try {
      bare.sqlite.exec(
        'DROP VIEW IF EXISTS talent_moves; DROP TABLE IF EXISTS move_evidence; DROP TABLE IF EXISTS move_reports; DROP TABLE IF EXISTS moves',
      )
      const result = await exportDataset(bare, 'moves')
      expect([...result.rows]).toEqual([])
      expect(result.note).toContain('no moves tables')
      expect((await exportDataset(bare, 'flows')).note).toContain('no moves tables')
    } finally {
      await bare.cleanup()
    }
  })

  it('streams the same rows as the plain mentions join, with and without filters', async () => {
    const plain = (filter: string) =>
      f.sqlite
        .prepare(`SELECT coalesce(a.published_at, a.fetched_at), a.id, a.title, a.source_id, a.language, e.id, e.name, e.kind, m.count, m.surface,
            a.canonical_url, coalesce(a.cluster_id, a.duplicate_of, a.id)
          FROM articles a JOIN mentions m ON m.article_id = a.id JOIN entities e ON e.id = m.entity_id
          WHERE ${filter} ORDER BY a.id, m.entity_id`)
        .raw(true)
        .all()
    expect([...(await exportDataset(f, 'mentions')).rows]).toEqual(plain('a.duplicate_of IS NULL'))
    expect([...(await exportDataset(f, 'mentions', { includeDuplicates: true })).rows]).toEqual(
      plain('1'),
    )
    expect([
      ...(
        await exportDataset(f, 'mentions', {
          since: '2026-11-25T00:00:00.000Z',
          sources: ['alpha'],
        })
      ).rows,
    ]).toEqual(
      plain(
        "a.duplicate_of IS NULL AND coalesce(a.published_at, a.fetched_at) >= '2026-11-25T00:00:00.000Z' AND a.source_id = 'alpha'",
      ),
    )
  })

  it('streams the same rows as the plain articles query, read in chunks or by a time range', async () => {
    const plain = (filter: string) =>
      f.sqlite
        .prepare(`SELECT a.id, coalesce(a.published_at, a.fetched_at), a.published_at, a.fetched_at, a.source_id, s.name, a.language, a.title,
            a.canonical_url, (SELECT group_concat(value, '; ') FROM json_each(a.authors_json)), a.site_name,
            a.is_paywalled, a.duplicate_of, coalesce(a.cluster_id, a.duplicate_of, a.id)
          FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE ${filter} ORDER BY a.id`)
        .raw(true)
        .all()
    // Authors are stored as a JSON array and exported joined by "; ".
    f.sqlite
      .prepare(`UPDATE articles SET authors_json = '["Jane Doe","Max Müller"]' WHERE id = 1`)
      .run()
    f.sqlite.prepare(`UPDATE articles SET authors_json = '["Solo, Writer"]' WHERE id = 3`).run()
    f.sqlite.prepare(`UPDATE articles SET authors_json = '["Ann \\"AJ\\" Lee"]' WHERE id = 4`).run()
    const all = [...(await exportDataset(f, 'articles')).rows]
    expect(all).toEqual(plain('a.duplicate_of IS NULL'))
    expect(all.find((r) => r[0] === 1)?.[9]).toBe('Jane Doe; Max Müller')
    expect(all.find((r) => r[0] === 4)?.[9]).toBe('Ann "AJ" Lee')
    expect([
      ...(await exportDataset(f, 'articles', { includeDuplicates: true, languages: ['de'] })).rows,
    ]).toEqual(plain("a.language = 'de'"))
    expect([
      ...(await exportDataset(f, 'articles', { until: '2026-11-25T00:00:00.000Z' })).rows,
    ]).toEqual(
      plain(
        "a.duplicate_of IS NULL AND coalesce(a.published_at, a.fetched_at) < '2026-11-25T00:00:00.000Z'",
      ),
    )
  })

  it('writes repeated and empty cells like csvLine', async () => {
    const rows = [
      ['=x', null, 1, 'a,b'],
      ['=x', undefined, 1.5, 'a,b'],
      ['y', 'z', -2, true],
      [null, '', 0, 'a,b'],
    ]
    const out = collect()
    await writeCsv(out.sink, ['a', 'b', 'c', 'd'], rows)
    expect(out.text()).toBe(`a,b,c,d\n${rows.map((r) => csvLine(r)).join('')}`)
  })

  it('writes files atomically (no half-written file on failure)', async () => {
    const path = join(f.dir, 'out.csv')
    await writeFileAtomically(path, (sink) => writeCsv(sink, ['a'], [[1]], { bom: true }))
    expect(await readFile(path, 'utf8')).toBe('\ufeffa\n1\n')
    const failing = join(f.dir, 'fail.csv')
    await expect(
      writeFileAtomically(failing, async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await expect(readFile(failing)).rejects.toThrow()
  })
})
