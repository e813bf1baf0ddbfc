import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readEconomyOrgs, withEconomyLists } from '../../src/knowledge/economy.js'
import type { KnowledgeEntity } from '../../src/knowledge/knowledge-types.js'

const curated: KnowledgeEntity[] = [
  { id: 'org:nexora', name: 'Nexora', kind: 'org', aliases: ['Nexora Inc.'], ambiguous: false },
  { id: 'org:apple', name: 'Apple', kind: 'org', aliases: [], ambiguous: true },
]

function listDir(lines: readonly object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'economy-'))
  writeFileSync(join(dir, 'b-list.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
  return dir
}

describe('economy lists', () => {
  const dir = listDir([
    {
      name: 'Brixon Werke',
      aliases: ['Brixon', 'Brixon Werke AG'],
      type: 'company',
      country: 'DE',
      parent: null,
      ambiguous: false,
      people: [{ name: 'Jana Fuchs', role: 'CEO' }],
    },
    {
      name: 'Brixon Energie',
      aliases: ['Brixon'],
      type: 'company',
      country: 'DE',
      parent: 'Brixon Werke',
      ambiguous: false,
    },
    {
      name: 'Nexora Incorporated',
      aliases: ['Nexora', 'NXR'],
      type: 'company',
      country: 'US',
      parent: null,
      ambiguous: false,
    },
    {
      name: 'Bundesamt für Zahlen',
      aliases: ['Federal Office for Numbers', 'BfZ'],
      type: 'government',
      country: 'DE',
      parent: null,
      ambiguous: false,
    },
    {
      name: 'Apple Bank',
      aliases: ['Apple'],
      type: 'company',
      country: 'US',
      parent: null,
      ambiguous: true,
    },
  ])
  const all = withEconomyLists(curated, dir)
  const byName = (name: string) => all.find((e) => e.name === name)

  it('adds listed organisations with their aliases in both languages', () => {
    expect(byName('Bundesamt für Zahlen')).toMatchObject({
      id: 'org:bundesamt-fur-zahlen',
      kind: 'org',
      type: 'government',
      aliases: ['Federal Office for Numbers', 'BfZ'],
    })
  })

  it('resolves parents by name and keeps an alias with its first owner', () => {
    expect(byName('Brixon Energie')).toMatchObject({ parent: 'org:brixon-werke', aliases: [] })
    expect(byName('Brixon Werke')?.aliases).toEqual(['Brixon', 'Brixon Werke AG'])
  })

  it('lets a curated entity win and lends it the new aliases', () => {
    expect(byName('Nexora Incorporated')).toBeUndefined()
    expect(byName('Nexora')?.aliases).toEqual(['Nexora Inc.', 'Nexora Incorporated', 'NXR'])
  })

  it('shares an alias only between ambiguous entities', () => {
    expect(byName('Apple Bank')?.aliases).toEqual(['Apple'])
    expect(byName('Apple')?.aliases).toEqual([])
  })

  it('turns listed chief executives into people known for the organisation', () => {
    expect(byName('Jana Fuchs')).toMatchObject({ kind: 'person', orgs: ['org:brixon-werke'] })
  })

  it('skips a listed name that is a legal form or a stop word', () => {
    const withInc = withEconomyLists(
      curated,
      listDir([{ name: 'Inc.', aliases: ['Inc'], type: 'media' }]),
      new Set(['inc', 'inc.']),
    )
    expect(withInc.map((e) => e.name)).toEqual(['Nexora', 'Apple'])
  })

  it('leaves a new one-word ambiguous name to the context recognizer', () => {
    const words = withEconomyLists(
      curated,
      listDir([{ name: 'Trendo', type: 'media', ambiguous: true }]),
    )
    expect(words.map((e) => e.name)).toEqual(['Nexora', 'Apple'])
  })

  it('names the file and line of a malformed entry', () => {
    const bad = listDir([{ aliases: [] }])
    expect(() => readEconomyOrgs(bad)).toThrow(/b-list\.jsonl:1/)
  })
})
