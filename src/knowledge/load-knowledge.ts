import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { foldName, splitAtoms } from './atoms.js'
import { withEconomyLists } from './economy.js'
import type { AliasTarget, KnowledgeBase, KnowledgeEntity, SuffixInfo } from './knowledge-types.js'
import { buildPhraseIndex } from './phrase-index.js'

export type { AliasTarget, KnowledgeBase, KnowledgeEntity, SuffixInfo } from './knowledge-types.js'

export interface LoadKnowledgeOptions {
  /** JSON files with user entities: an array of entities, or `{ "entities": [...] }`. */
  readonly extraFiles?: readonly string[]
  readonly extraEntities?: readonly KnowledgeEntity[]
}

interface RoleWordsFile {
  readonly [lang: string]: {
    readonly roles?: readonly { readonly pattern: string; readonly normalized: string }[]
    readonly titlePrefixes?: readonly string[]
  }
}

interface OrgCuesFile {
  readonly legalSuffixes?: readonly string[]
  readonly cuePhrases?: Readonly<Record<string, readonly string[]>>
  readonly stopNames?: readonly string[]
}

let defaultInstance: KnowledgeBase | undefined

/**
 * Loads the shipped knowledge base (`src/knowledge/data/`) and builds its lookup structures. Without
 * options the result is built once and cached; with options a fresh one is built that also holds the
 * user's entities. A user entity whose id already exists extends that entity's aliases and former
 * names instead of replacing it, so users add spellings without copying the shipped entry.
 *
 * The data is read from `<package root>/src/knowledge/data`, where the package root is the first
 * folder above this module that holds a `package.json`. That works from `src/` under tsx and from
 * `dist/src/` after `tsc` (the build copies no data; `package.json#files` ships the data folder).
 *
 * @example
 * const kb = loadKnowledgeBase({ extraEntities: [{ id: 'org:acme', name: 'Acme', kind: 'org' }] })
 * kb.entities.get('org:acme')?.name // 'Acme'
 */
export function loadKnowledgeBase(options: LoadKnowledgeOptions = {}): KnowledgeBase {
  const hasExtras =
    (options.extraFiles?.length ?? 0) > 0 || (options.extraEntities?.length ?? 0) > 0
  if (!hasExtras && defaultInstance !== undefined) return defaultInstance
  const extras = [
    ...(options.extraFiles ?? []).flatMap((file) => readEntityFile(file)),
    ...(options.extraEntities ?? []),
  ]
  const kb = buildKnowledgeBase(readShippedData(), extras)
  if (!hasExtras) defaultInstance = kb
  return kb
}

/**
 * The folder holding the shipped data files.
 *
 * @example
 * knowledgeDataDir() // '/path/to/newshound/src/knowledge/data'
 */
export function knowledgeDataDir(): string {
  let dir = import.meta.dirname
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'knowledge', 'data')
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`knowledge: no package.json above ${import.meta.dirname}`)
    dir = parent
  }
}

interface ShippedData {
  readonly entities: readonly KnowledgeEntity[]
  readonly firstNames: readonly string[]
  readonly ambiguousFirstNames: readonly string[]
  readonly roleWords: RoleWordsFile
  readonly orgCues: OrgCuesFile
}

function readShippedData(): ShippedData {
  const dir = knowledgeDataDir()
  const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T
  const orgCues = readJson<OrgCuesFile>('org-cues.json')
  // A listed name that is a legal form or a stop word ("Inc.", the magazine) would fire everywhere.
  const reserved = new Set(
    [...(orgCues.legalSuffixes ?? []), ...(orgCues.stopNames ?? [])].map(foldName),
  )
  return {
    entities: withEconomyLists(
      [
        ...readJson<KnowledgeEntity[]>('organizations.json'),
        ...readJson<KnowledgeEntity[]>('people.json'),
      ],
      join(dir, 'economy'),
      reserved,
    ),
    firstNames: readLines(join(dir, 'first-names.txt')),
    ambiguousFirstNames: readLines(join(dir, 'first-names-ambiguous.txt')),
    roleWords: readJson<RoleWordsFile>('role-words.json'),
    orgCues,
  }
}

/** One entry a line; `#` starts a comment. A missing list is empty (the recognizer degrades). */
function readLines(path: string): string[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
}

function readEntityFile(path: string): KnowledgeEntity[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown
  const list = Array.isArray(parsed) ? parsed : (parsed as { entities?: unknown } | null)?.entities
  if (!Array.isArray(list)) throw new Error(`knowledge: ${path} holds no array of entities`)
  return list.map((item, i) => checkEntity(item, `${path}[${i}]`))
}

function checkEntity(item: unknown, where: string): KnowledgeEntity {
  const e = item as Partial<KnowledgeEntity> | null
  if (typeof e?.id !== 'string' || typeof e.name !== 'string') {
    throw new Error(`knowledge: ${where} needs a string id and name`)
  }
  if (e.kind !== 'person' && e.kind !== 'org') {
    throw new Error(`knowledge: ${where} (${e.id}) needs kind "person" or "org"`)
  }
  return e as KnowledgeEntity
}

function mergeEntities(
  shipped: readonly KnowledgeEntity[],
  extras: readonly KnowledgeEntity[],
): Map<string, KnowledgeEntity> {
  const byId = new Map<string, KnowledgeEntity>()
  for (const entity of shipped) byId.set(entity.id, entity)
  for (const extra of extras) {
    const known = byId.get(extra.id)
    if (known === undefined) {
      byId.set(extra.id, extra)
      continue
    }
    byId.set(extra.id, {
      ...known,
      aliases: unique([...(known.aliases ?? []), ...(extra.aliases ?? [])]),
      formerNames: unique([...(known.formerNames ?? []), ...(extra.formerNames ?? [])]),
    })
  }
  return byId
}

function buildKnowledgeBase(data: ShippedData, extras: readonly KnowledgeEntity[]): KnowledgeBase {
  const entities = mergeEntities(data.entities, extras)
  const stopNames = new Set((data.orgCues.stopNames ?? []).map(foldName))

  const aliasItems: { phrase: string; value: AliasTarget }[] = []
  const seen = new Set<string>()
  const surnames = new Map<string, string[]>()
  for (const entity of entities.values()) {
    const target: AliasTarget = { entityId: entity.id, kind: entity.kind }
    const names = unique(
      withBothOrders(
        [entity.name, ...(entity.aliases ?? []), ...(entity.formerNames ?? [])],
        entity.kind === 'person' ? entity.familyName : undefined,
      ),
    )
    const family = entity.kind === 'person' ? entity.familyName : undefined
    if (family !== undefined) addSurname(surnames, foldName(family), entity.id)
    for (const name of names) {
      // A shipped alias that is also a stop word ("AI", "Cloud") would fire everywhere.
      if (name !== entity.name && stopNames.has(foldName(name))) continue
      const key = `${name}\u0000${entity.id}`
      if (seen.has(key)) continue
      seen.add(key)
      aliasItems.push({ phrase: name, value: target })
      if (entity.kind === 'person' && family === undefined) indexSurname(surnames, name, entity.id)
    }
  }

  const roles = (lang: 'en' | 'de') =>
    buildPhraseIndex(
      (data.roleWords[lang]?.roles ?? []).map((r) => ({ phrase: r.pattern, value: r.normalized })),
    )
  const titles = Object.values(data.roleWords).flatMap((l) => l.titlePrefixes ?? [])
  const cues = (lang: 'en' | 'de') =>
    buildPhraseIndex(
      (data.orgCues.cuePhrases?.[lang] ?? []).map((phrase) => ({ phrase, value: phrase })),
    )

  return {
    entities,
    aliases: buildPhraseIndex(aliasItems),
    surnames,
    firstNames: new Set(data.firstNames.map((n) => n.toLowerCase())),
    ambiguousFirstNames: new Set(data.ambiguousFirstNames.map((n) => n.toLowerCase())),
    roles: { en: roles('en'), de: roles('de') },
    titlePrefixes: buildPhraseIndex(titles.map((phrase) => ({ phrase, value: true as const }))),
    legalSuffixes: buildPhraseIndex(
      (data.orgCues.legalSuffixes ?? []).map((phrase) => ({
        phrase,
        value: classifySuffix(phrase),
      })),
    ),
    cues: { en: cues('en'), de: cues('de') },
    stopNames,
  }
}

/** The last atom of a multi-atom person name is its surname key ("Sam Altman" → "altman"). */
function indexSurname(surnames: Map<string, string[]>, name: string, id: string): void {
  const atoms = splitAtoms(name)
  const last = atoms.at(-1)
  if (atoms.length < 2 || last === undefined) return
  addSurname(surnames, foldName(last.text), id)
}

function addSurname(surnames: Map<string, string[]>, key: string, id: string): void {
  const ids = surnames.get(key)
  if (ids === undefined) surnames.set(key, [id])
  else if (!ids.includes(id)) ids.push(id)
}

/**
 * The names plus, for a known family name, the other order of every two-word name that holds it
 * ("Liang Wenfeng" → also "Wenfeng Liang").
 *
 * @example
 * withBothOrders(['Masayoshi Son'], 'Son') // ['Masayoshi Son', 'Son Masayoshi']
 */
export function withBothOrders(names: readonly string[], familyName: string | undefined): string[] {
  if (familyName === undefined || familyName.trim() === '') return [...names]
  const all = [...names]
  for (const name of names) {
    const words = name.trim().split(/\s+/)
    if (words.length !== 2) continue
    const [a, b] = words
    if (a === familyName && b !== undefined) all.push(`${b} ${a}`)
    else if (b === familyName && a !== undefined) all.push(`${b} ${a}`)
  }
  return all
}

/** Brand words that end names and stay in them; everything abbreviated is a legal form. */
const STRONG_BRAND_WORDS = new Set([
  'Labs',
  'Lab',
  'Robotics',
  'Technologies',
  'Semiconductor',
  'Semiconductors',
  'Therapeutics',
])
const LEGAL_WORDS = new Set([
  'Incorporated',
  'Corporation',
  'Limited',
  'Inc',
  'Corp',
  'Ltd',
  'Co',
  'Pty',
  'Pte',
  'Oy',
  'Oyj',
  'Srl',
  'Spa',
  'Kft',
  'Sarl',
  'Plc',
])

function classifySuffix(phrase: string): SuffixInfo {
  const plainWord = /^[A-Z][a-z]+$/.test(phrase) || phrase === 'AI'
  const legalForm = LEGAL_WORDS.has(phrase) || !plainWord
  return { legalForm, strong: legalForm || STRONG_BRAND_WORDS.has(phrase) }
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)]
}
