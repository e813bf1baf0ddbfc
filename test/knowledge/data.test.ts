import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ROLE_VALUES } from '../../src/enrich/moves/types.js'
import { withBothOrders } from '../../src/knowledge/load-knowledge.js'

const dataDir = fileURLToPath(new URL('../../src/knowledge/data/', import.meta.url))
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${dataDir}${name}`, 'utf8'))
const readLines = (name: string): string[] =>
  readFileSync(`${dataDir}${name}`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)

const ORG_TYPES = [
  'big_tech',
  'ai_lab',
  'startup',
  'chipmaker',
  'investor',
  'university',
  'research',
  'regulator',
  'media',
  'company',
  'government',
]
const ROLES: readonly string[] = ROLE_VALUES
const WIKIDATA = /^Q[1-9]\d*$/

interface Org {
  id: string
  name: string
  kind: string
  type: string
  aliases: string[]
  formerNames: string[]
  parent: string | null
  wikidata: string | null
  country: string | null
  ambiguous: boolean
}
interface Person {
  id: string
  name: string
  kind: string
  aliases: string[]
  orgs: string[]
  wikidata: string | null
  familyName?: string
}
interface RoleWord {
  pattern: string
  normalized: string
}
interface LangRoles {
  roles: RoleWord[]
  titlePrefixes: string[]
}
interface OrgCues {
  legalSuffixes: string[]
  cuePhrases: { en: string[]; de: string[] }
  stopNames: string[]
}

const orgs = readJson('organizations.json') as Org[]
const people = readJson('people.json') as Person[]
const roleWords = readJson('role-words.json') as { en: LangRoles; de: LangRoles }
const orgCues = readJson('org-cues.json') as OrgCues
const firstNames = readLines('first-names.txt')
const ambiguousNames = readLines('first-names-ambiguous.txt')

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() === x && x.length > 0)

/** Same folding as the loader (`foldName` in src/knowledge/atoms.ts): NFKD, no marks, lower case. */
const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()

// the recognizer also matches the other order of names with a family name ("Wenfeng Liang")
const surfaceForms = (e: Org | Person): string[] =>
  withBothOrders(
    [e.name, ...e.aliases, ...('formerNames' in e ? e.formerNames : [])],
    'orgs' in e ? e.familyName : undefined,
  )

/** folded alias -> ids of the entities that carry it */
function aliasIndex(list: (Org | Person)[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const e of list) {
    for (const form of new Set(surfaceForms(e).map(fold))) {
      const ids = index.get(form) ?? []
      ids.push(e.id)
      index.set(form, ids)
    }
  }
  return index
}

describe('organizations.json', () => {
  it('has at least 450 organisations of the right shape', () => {
    expect(orgs.length).toBeGreaterThanOrEqual(450)
    for (const o of orgs) {
      expect(Object.keys(o).sort(), o.id).toEqual(
        [
          'aliases',
          'ambiguous',
          'country',
          'formerNames',
          'id',
          'kind',
          'name',
          'parent',
          'type',
          'wikidata',
        ].sort(),
      )
      expect(o.id, o.id).toMatch(/^org:[a-z0-9][a-z0-9-]*$/)
      expect(o.kind, o.id).toBe('org')
      expect(typeof o.name === 'string' && o.name.trim().length > 0, o.id).toBe(true)
      expect(ORG_TYPES, o.id).toContain(o.type)
      expect(isStringArray(o.aliases), o.id).toBe(true)
      expect(isStringArray(o.formerNames), o.id).toBe(true)
      expect(typeof o.ambiguous, o.id).toBe('boolean')
      if (o.wikidata !== null) expect(o.wikidata, o.id).toMatch(WIKIDATA)
      if (o.country !== null) expect(o.country, o.id).toMatch(/^[A-Z]{2}$/)
    }
  })

  it('has unique ids and valid, acyclic parent references', () => {
    const ids = new Set(orgs.map((o) => o.id))
    expect(ids.size).toBe(orgs.length)
    const byId = new Map(orgs.map((o) => [o.id, o]))
    for (const o of orgs) {
      if (o.parent === null) continue
      expect(ids.has(o.parent), `${o.id} -> ${o.parent}`).toBe(true)
      const seen = new Set([o.id])
      let cur = byId.get(o.parent)
      while (cur) {
        expect(seen.has(cur.id), `parent cycle at ${o.id}`).toBe(false)
        seen.add(cur.id)
        cur = cur.parent ? byId.get(cur.parent) : undefined
      }
    }
  })

  it('maps every alias to one organisation unless all sharing it are marked ambiguous', () => {
    const byId = new Map(orgs.map((o) => [o.id, o]))
    const clashes = [...aliasIndex(orgs)]
      .filter(([, ids]) => ids.length > 1 && !ids.every((id) => byId.get(id)?.ambiguous))
      .map(([alias, ids]) => `${alias}: ${ids.join(', ')}`)
    expect(clashes).toEqual([])
  })

  it('does not reuse a Wikidata id', () => {
    const qids = orgs.flatMap((o) => (o.wikidata ? [o.wikidata] : []))
    expect(new Set(qids).size).toBe(qids.length)
  })

  it('contains the well-known entities and aliases the recognizer relies on', () => {
    const resolve = aliasIndex(orgs)
    const expectAlias = (alias: string, id: string) =>
      expect(resolve.get(fold(alias)), alias).toEqual([id])
    expectAlias('Open AI', 'org:openai')
    expectAlias('DeepMind', 'org:google-deepmind')
    expectAlias('a16z', 'org:a16z')
    expectAlias('SSI', 'org:ssi')
    expectAlias('Facebook', 'org:meta')
    expectAlias('Twitter', 'org:x-corp')
    expectAlias('Max-Planck-Gesellschaft', 'org:mpg')
    expectAlias('Bundeskartellamt', 'org:bundeskartellamt')
    const byId = new Map(orgs.map((o) => [o.id, o]))
    expect(byId.get('org:fair')?.parent).toBe('org:meta')
    expect(byId.get('org:google')?.parent).toBe('org:alphabet')
    expect(byId.get('org:aws')?.parent).toBe('org:amazon')
    for (const id of ['org:meta', 'org:apple', 'org:amazon', 'org:x-corp', 'org:oracle']) {
      expect(byId.get(id)?.ambiguous, id).toBe(true)
    }
    expect(byId.get('org:anthropic')?.ambiguous).toBe(false)
  })
})

describe('people.json', () => {
  const orgIds = new Set(orgs.map((o) => o.id))

  it('has at least 320 people of the right shape', () => {
    expect(people.length).toBeGreaterThanOrEqual(320)
    for (const p of people) {
      const keys = ['aliases', 'id', 'kind', 'name', 'orgs', 'wikidata']
      if (p.familyName !== undefined) keys.push('familyName')
      expect(Object.keys(p).sort(), p.id).toEqual(keys.sort())
      expect(p.id, p.id).toMatch(/^person:[a-z0-9][a-z0-9-]*$/)
      expect(p.kind, p.id).toBe('person')
      expect(isStringArray(p.aliases), p.id).toBe(true)
      expect(p.aliases, p.id).toContain(p.name)
      expect(isStringArray(p.orgs), p.id).toBe(true)
      if (p.wikidata !== null) expect(p.wikidata, p.id).toMatch(WIKIDATA)
    }
  })

  it('sets a family name only as one whole word of the name', () => {
    for (const p of people) {
      if (p.familyName === undefined) continue
      expect(p.name.split(/\s+/), p.id).toContain(p.familyName)
    }
  })

  it('has unique ids, and ids distinct from organisation ids', () => {
    const ids = new Set(people.map((p) => p.id))
    expect(ids.size).toBe(people.length)
    for (const id of ids) expect(orgIds.has(id)).toBe(false)
  })

  it('references only organisations that exist', () => {
    const missing = people.flatMap((p) =>
      p.orgs.filter((o) => !orgIds.has(o)).map((o) => `${p.id} -> ${o}`),
    )
    expect(missing).toEqual([])
  })

  it('never uses a bare surname (single token) as an alias', () => {
    const bare = people.flatMap((p) =>
      p.aliases.filter((a) => !/\S\s+\S/.test(a)).map((a) => `${p.id}: ${a}`),
    )
    expect(bare).toEqual([])
  })

  it('maps every alias to exactly one person', () => {
    const clashes = [...aliasIndex(people)]
      .filter(([, ids]) => ids.length > 1)
      .map(([alias, ids]) => `${alias}: ${ids.join(', ')}`)
    expect(clashes).toEqual([])
  })

  it('does not reuse a Wikidata id across people and organisations', () => {
    const qids = [...orgs, ...people].flatMap((e) => (e.wikidata ? [e.wikidata] : []))
    expect(new Set(qids).size).toBe(qids.length)
  })
})

describe('first-names.txt', () => {
  const header = firstNames[0] ?? ''
  const names = firstNames.filter((l) => !l.startsWith('#'))

  it('starts with a provenance and licence comment', () => {
    expect(header.startsWith('#')).toBe(true)
    expect(header).toMatch(/CC0|MIT/)
  })

  it('has at least 3000 unique capitalised given names', () => {
    expect(names.length).toBeGreaterThanOrEqual(3000)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
    for (const n of names) expect(n, n).toMatch(/^\p{Lu}[\p{L}'’-]*$/u)
  })

  it('lists ambiguous names that all occur in the main list', () => {
    expect((ambiguousNames[0] ?? '').startsWith('#')).toBe(true)
    const all = new Set(names)
    const amb = ambiguousNames.filter((l) => !l.startsWith('#'))
    expect(amb.length).toBeGreaterThan(50)
    expect(amb.filter((n) => !all.has(n))).toEqual([])
    for (const n of ['Will', 'Mark', 'Bill', 'May', 'June', 'Rose', 'Grant', 'Chase', 'Hope']) {
      expect(amb, n).toContain(n)
    }
  })
})

describe('role-words.json', () => {
  it('covers English and German with normalized roles from the allowed set', () => {
    for (const lang of ['en', 'de'] as const) {
      const { roles, titlePrefixes } = roleWords[lang]
      expect(roles.length, lang).toBeGreaterThanOrEqual(100)
      expect(isStringArray(titlePrefixes), lang).toBe(true)
      const seen = new Set<string>()
      for (const r of roles) {
        expect(Object.keys(r).sort(), r.pattern).toEqual(['normalized', 'pattern'])
        expect(ROLES, r.pattern).toContain(r.normalized)
        expect(r.pattern.trim(), r.pattern).toBe(r.pattern)
        expect(seen.has(r.pattern.toLowerCase()), `duplicate ${lang} pattern ${r.pattern}`).toBe(
          false,
        )
        seen.add(r.pattern.toLowerCase())
      }
      for (const role of ROLES) {
        expect(
          roles.some((r) => r.normalized === role),
          `${lang} has no pattern for ${role}`,
        ).toBe(true)
      }
    }
  })

  it('maps the key phrases as documented', () => {
    const norm = (lang: 'en' | 'de', pattern: string) =>
      roleWords[lang].roles.find((r) => r.pattern.toLowerCase() === pattern.toLowerCase())
        ?.normalized
    expect(norm('en', 'chief executive officer')).toBe('ceo')
    expect(norm('en', 'co-founder')).toBe('founder')
    expect(norm('en', 'research scientist')).toBe('researcher')
    expect(norm('en', 'chief AI officer')).toBe('other')
    expect(norm('de', 'Vorstandschef')).toBe('ceo')
    expect(norm('de', 'Geschäftsführerin')).toBe('ceo')
    expect(norm('de', 'Mitgründerin')).toBe('founder')
    expect(norm('de', 'Technikchef')).toBe('cto')
    expect(norm('de', 'Forschungswissenschaftler')).toBe('researcher')
    expect(norm('de', 'Direktor für')).toBe('director')
    expect(norm('de', 'Aufsichtsrat')).toBe('board')
  })
})

describe('org-cues.json', () => {
  it('has legal suffixes, cue phrases for en and de, and stop names', () => {
    expect(isStringArray(orgCues.legalSuffixes)).toBe(true)
    expect(orgCues.legalSuffixes).toEqual(expect.arrayContaining(['Inc.', 'GmbH', 'AG', 'SE']))
    expect(isStringArray(orgCues.cuePhrases.en)).toBe(true)
    expect(isStringArray(orgCues.cuePhrases.de)).toBe(true)
    expect(orgCues.cuePhrases.de).toEqual(expect.arrayContaining(['das Startup', 'bei']))
    expect(isStringArray(orgCues.stopNames)).toBe(true)
    expect(orgCues.stopNames.length).toBeGreaterThanOrEqual(200)
    expect(orgCues.stopNames).toEqual(
      expect.arrayContaining(['KI', 'AI', 'LLM', 'Impressum', 'Januar']),
    )
    for (const list of [
      orgCues.legalSuffixes,
      orgCues.cuePhrases.en,
      orgCues.cuePhrases.de,
      orgCues.stopNames,
    ]) {
      expect(new Set(list).size).toBe(list.length)
    }
  })

  it('never lists a known entity name or alias as a stop name (folded, as the loader compares)', () => {
    const stop = new Set(orgCues.stopNames.map(fold))
    const hits = [...orgs, ...people].flatMap((e) =>
      surfaceForms(e)
        .filter((s) => stop.has(fold(s)))
        .map((s) => `${e.id}: ${s}`),
    )
    expect(hits).toEqual([])
  })
})
