/**
 * The moves-real benchmark (../shared/benchmarks/moves-real) as the trainer and bench:moves read
 * it: gold items, the scorer's name normal forms, training examples and predictions.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EntityMention } from '../../src/enrich/entities/mention-types.js'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { moveCandidates } from '../../src/enrich/moves/move-candidates.js'
import {
  type GoldMove,
  moveExamples,
  type NameMatcher,
} from '../../src/enrich/moves/move-examples.js'
import {
  KIND_CLASSES,
  type MoveModel,
  type MoveThresholds,
  patternsFor,
  readMoves,
  SLOT_CLASSES,
} from '../../src/enrich/moves/read-moves.js'
import { ruleHints } from '../../src/enrich/moves/rule-hints.js'
import type { TalentMove } from '../../src/enrich/moves/types.js'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-types.js'
import { type Example, trainLinearModel } from '../../src/learn/linear-model.js'

export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks')
export const MOVES_REAL = join(SHARED, 'moves-real')

interface RawMove {
  readonly person: string
  readonly kind: string
  readonly from_org: string | string[] | null
  readonly to_org: string | string[] | null
  readonly evidence?: string
}

export interface RealItem {
  readonly id: string
  readonly lang: string
  readonly text: string
  readonly published: string | null
  readonly aliases: Readonly<Record<string, readonly string[]>>
  readonly moves: readonly RawMove[]
  readonly optional_moves?: readonly RawMove[]
}

/** Reads a moves-real file, or stops with one line naming the folder it needs. */
export function readRealItems(file: string): RealItem[] {
  if (!existsSync(file)) {
    process.stderr.write(
      `needs ${file} (the shared benchmarks folder, ../shared/benchmarks, next to the repository)\n`,
    )
    process.exit(1)
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RealItem)
}

const ORG_SUFFIXES = new Set([
  'inc',
  'ltd',
  'llc',
  'corp',
  'corporation',
  'co',
  'gmbh',
  'ag',
  'se',
  'plc',
  'sa',
  'nv',
  'bv',
  'limited',
  'incorporated',
])

/** The scorer's normal form of a person's name. */
export function normPerson(s: string): string {
  return s
    .replace(/[äÄ]/g, 'a')
    .replace(/[öÖ]/g, 'o')
    .replace(/[üÜ]/g, 'u')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
}

/** The scorer's normal form of an organisation's name. */
export function normOrg(s: string): string {
  let toks = normPerson(s)
    .split(' ')
    .filter((t) => t && t !== 'and' && t !== 'und')
  while (toks.length > 1 && ORG_SUFFIXES.has(toks.at(-1) as string)) toks.pop()
  if (toks.length > 2 && ['gesellschaft', 'society'].includes(toks.at(-1) as string)) toks.pop()
  if (toks.length > 1 && toks[0] === 'the') toks = toks.slice(1)
  if (toks[0] === 'universitat') toks[0] = 'university'
  if (toks[0] === 'university' && toks[1] === 'of') toks.splice(1, 1)
  const name = toks.join(' ')
  return name === 'facebook' ? 'meta' : name === 'twitter' ? 'x' : name
}

/** Gold names with their aliases, as the scorer reads them (aliases merged across items). */
export function nameMatcher(items: readonly RealItem[]): NameMatcher {
  const persons = new Map<string, string>()
  const orgs = new Map<string, string>()
  for (const item of items) {
    for (const [canon, aliases] of Object.entries(item.aliases ?? {})) {
      for (const a of aliases) {
        persons.set(normPerson(a), normPerson(canon))
        orgs.set(normOrg(a), normOrg(canon))
      }
    }
  }
  const person = (s: string) => persons.get(normPerson(s)) ?? normPerson(s)
  const org = (s: string) => orgs.get(normOrg(s)) ?? normOrg(s)
  return {
    samePerson: (p, g) => person(p) === person(g),
    sameOrg: (p, g) => org(p) === org(g),
  }
}

function goldOf(m: RawMove): GoldMove {
  const one = (v: string | string[] | null) => (Array.isArray(v) ? (v[0] ?? null) : v)
  return {
    person: m.person,
    kind: m.kind,
    from: one(m.from_org),
    to: one(m.to_org),
    evidence: m.evidence ?? null,
  }
}

/** An item with its recognised entities, computed once per run. */
export interface PreparedItem {
  readonly item: RealItem
  readonly mentions: readonly EntityMention[]
}

export function prepareItems(items: readonly RealItem[], kb: KnowledgeBase): PreparedItem[] {
  return items.map((item) => ({ item, mentions: recognizeEntities(item.text, item.lang, kb) }))
}

export function examplesOf(
  prepared: readonly PreparedItem[],
  names: NameMatcher,
  kb: KnowledgeBase,
  useHints: boolean,
): { kind: Example[]; slot: Example[] } {
  const kind: Example[] = []
  const slot: Example[] = []
  for (const { item, mentions } of prepared) {
    const candidates = moveCandidates(item.text, item.lang, mentions)
    const ex = moveExamples(
      candidates,
      patternsFor(item.lang),
      item.moves.map(goldOf),
      (item.optional_moves ?? []).map(goldOf),
      names,
      useHints ? ruleHints(item.text, item.lang, mentions, kb) : [],
    )
    kind.push(...ex.kind)
    slot.push(...ex.slot)
  }
  return { kind, slot }
}

/** Chosen by five-fold cross-validation on train (BENCHMARKS.md): few, small steps generalise. */
export const TRAIN_OPTIONS = { epochs: 5, l2: 1e-3, minCount: 3, learningRate: 0.05 }

/** Chosen by five-fold cross-validation on train, as TRAIN_OPTIONS. */
export const TUNED_THRESHOLDS: MoveThresholds = { move: 0.5, to: 0.15, from: 0.15, bare: 1.1 }

export function trainMoveModel(
  prepared: readonly PreparedItem[],
  names: NameMatcher,
  thresholds: MoveThresholds,
  kb: KnowledgeBase,
  useHints: boolean,
): MoveModel {
  const ex = examplesOf(prepared, names, kb, useHints)
  return {
    kind: trainLinearModel(ex.kind, KIND_CLASSES, TRAIN_OPTIONS),
    slot: trainLinearModel(ex.slot, SLOT_CLASSES, TRAIN_OPTIONS),
    thresholds,
    useHints,
  }
}

/** One prediction line in the scorer's shape, moves by the learned reader with `model`. */
export function predictionOf(p: PreparedItem, model: MoveModel, kb: KnowledgeBase): string {
  return predictionLine(
    p,
    readMoves(p.item.text, p.item.lang, p.mentions, { kb, model, publishedAt: null }),
  )
}

/** One prediction line in the scorer's shape: the item's names and the given moves. */
export function predictionLine(p: PreparedItem, moves: readonly TalentMove[]): string {
  const { item, mentions } = p
  return JSON.stringify({
    id: item.id,
    persons: [...new Set(mentions.filter((m) => m.kind === 'person').map((m) => m.canonical))],
    orgs: [...new Set(mentions.filter((m) => m.kind === 'org').map((m) => m.canonical))],
    moves: scorerMoves(moves),
  })
}

/** The reported moves in the scorer's prediction shape. */
export function scorerMoves(moves: readonly TalentMove[]): object[] {
  return moves
    .filter((m) => m.status === 'reported')
    .map((m) => ({
      person: m.person,
      role: m.role,
      from_org: m.fromOrg,
      to_org: m.toOrg,
      kind: m.kind,
    }))
}

/** Runs the shared scorer (with its flags, e.g. `--verbose`); returns its output lines. */
export function scoreMoves(
  goldFile: string,
  predictionLines: readonly string[],
  flags: readonly string[] = [],
): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'newshound-moves-'))
  const file = join(dir, 'predictions.jsonl')
  writeFileSync(file, `${predictionLines.join('\n')}\n`)
  const out = execFileSync('node', [join(SHARED, 'score-moves.mjs'), goldFile, file, ...flags], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return out.trim().split('\n')
}

/** P / R / F1 of one slice, as the scorer prints them (two decimals). */
export interface Prf {
  readonly p: number
  readonly r: number
  readonly f1: number
}

const SLICE_LINE =
  /^(\S+)\s+n=\s*\d+\s+persons P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| orgs P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| moves P ([\d.]+) R ([\d.]+) F1 ([\d.]+)/

/** The scorer's slice lines ("ALL", "lang=en", "tag=…") read into figures. */
export function sliceScores(
  lines: readonly string[],
): Map<string, { persons: Prf; orgs: Prf; moves: Prf }> {
  const slices = new Map<string, { persons: Prf; orgs: Prf; moves: Prf }>()
  for (const line of lines) {
    const m = SLICE_LINE.exec(line)
    if (m === null) continue
    const n = m.slice(2).map(Number)
    const prf = (k: number): Prf => ({ p: n[k] ?? 0, r: n[k + 1] ?? 0, f1: n[k + 2] ?? 0 })
    slices.set(m[1] ?? '', { persons: prf(0), orgs: prf(3), moves: prf(6) })
  }
  return slices
}

/**
 * Diagnostic only: the recognised mentions plus every place the gold names (and their aliases)
 * occur verbatim, so the move reader can be measured apart from recognition misses.
 */
export function withGoldEntities(
  item: RealItem & { readonly persons?: readonly string[]; readonly orgs?: readonly string[] },
  mentions: readonly EntityMention[],
): EntityMention[] {
  const out = [...mentions]
  const taken = (s: number, e: number) => out.some((m) => m.start < e && s < m.end)
  const add = (name: string, canonical: string, kind: 'person' | 'org') => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')
    for (const m of item.text.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (taken(start, end)) continue
      out.push({
        start,
        end,
        surface: m[0],
        kind,
        entityId: null,
        canonical,
        confidence: 1,
        via: 'kb',
      })
    }
  }
  for (const p of item.persons ?? []) {
    add(p, p, 'person')
    const surname = p.split(' ').at(-1)
    if (surname !== undefined && surname !== p) add(surname, p, 'person')
  }
  for (const o of item.orgs ?? []) {
    add(o, o, 'org')
    for (const a of item.aliases[o] ?? []) add(a, o, 'org')
  }
  // drop recognised mentions that contradict gold (a gold org read as a person and so on) later
  return out.sort((a, b) => a.start - b.start)
}
