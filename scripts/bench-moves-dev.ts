/**
 * The project's own sentence set (test/fixtures/moves/dev.jsonl): runs `analyzeMoves` on every
 * line and prints precision, recall and F1 per language and per kind, rumour/denial precision and
 * role accuracy. `npm run bench:moves` runs it for both readers; alone:
 *
 *   npx tsx scripts/bench-moves-dev.ts                    # figures (rule reader)
 *   npx tsx scripts/bench-moves-dev.ts --reader learned   # the learned reader
 *   npx tsx scripts/bench-moves-dev.ts --verbose          # also every miss and false positive
 *   npx tsx scripts/bench-moves-dev.ts --file other.jsonl
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeMoves } from '../src/enrich/moves/detect-moves.js'
import type { TalentMove } from '../src/enrich/moves/types.js'
import { foldName } from '../src/knowledge/atoms.js'
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js'
import { entityIdsByName } from './lib/names.js'
import { bump, type Counts, fmt, scoreRow, scores, sumCounts } from './lib/scores.js'

interface GoldMove {
  readonly person: string
  readonly kind: string
  readonly from: string | null
  readonly to: string | null
  readonly role: string | null
  readonly role_normalized: string | null
  readonly status: string
}

interface GoldLine {
  readonly id: string
  readonly lang: string
  readonly text: string
  readonly published: string | null
  readonly moves: readonly GoldMove[]
}

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const reader =
  args.includes('--reader') && args[args.indexOf('--reader') + 1] === 'learned'
    ? 'learned'
    : 'rules'
const fileArg = args.indexOf('--file')
const file =
  fileArg >= 0 && args[fileArg + 1] !== undefined
    ? (args[fileArg + 1] as string)
    : join(import.meta.dirname, '..', 'test', 'fixtures', 'moves', 'dev.jsonl')

const kb = loadKnowledgeBase()
// Gold names follow the annotation guidelines ("Bundesamt für Sicherheit in der
// Informationstechnik"), the knowledge base may hold another name for the same entity ("BSI"):
// two names match when they fold to the same string or to the same knowledge-base entity.
const idOf = entityIdsByName(kb)

function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  const fa = foldName(a)
  const fb = foldName(b)
  if (fa === fb) return true
  const ia = idOf.get(fa)
  return ia !== undefined && ia === idOf.get(fb)
}

function matches(gold: GoldMove, move: TalentMove): boolean {
  return (
    sameName(gold.person, move.person) &&
    gold.kind === move.kind &&
    sameName(gold.from, move.fromOrg) &&
    sameName(gold.to, move.toOrg)
  )
}

const lines: GoldLine[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as GoldLine)

const byLang = new Map<string, Counts>()
const byKind = new Map<string, Counts>()
let hedged = 0
let hedgedRight = 0
let roleTotal = 0
let roleRight = 0
const started = performance.now()

for (const line of lines) {
  const predicted = analyzeMoves(line.text, line.lang, { publishedAt: line.published, reader })
  const free = new Set(predicted.map((_, i) => i))
  const pairs: [GoldMove, TalentMove][] = []
  for (const gold of line.moves) {
    const index = [...free].find((i) => matches(gold, predicted[i] as TalentMove))
    if (index === undefined) {
      bump(byLang, line.lang, 'fn')
      bump(byKind, gold.kind, 'fn')
      if (verbose) console.log(`MISS ${line.id} ${show(gold)}`)
      continue
    }
    free.delete(index)
    const move = predicted[index] as TalentMove
    pairs.push([gold, move])
    bump(byLang, line.lang, 'tp')
    bump(byKind, gold.kind, 'tp')
    roleTotal++
    if ((gold.role_normalized ?? null) === move.roleNormalized) roleRight++
    else if (verbose)
      console.log(
        `ROLE ${line.id} ${gold.person}: gold ${gold.role_normalized} (${gold.role}) got ${move.roleNormalized} (${move.role})`,
      )
    if (verbose && gold.status !== move.status)
      console.log(`STATUS ${line.id} ${gold.person}: gold ${gold.status} got ${move.status}`)
  }
  for (const index of free) {
    const move = predicted[index] as TalentMove
    bump(byLang, line.lang, 'fp')
    bump(byKind, move.kind, 'fp')
    if (verbose) console.log(`FP   ${line.id} ${showMove(move)}`)
  }
  for (const move of predicted) {
    if (move.status === 'reported') continue
    hedged++
    if (pairs.some(([g, m]) => m === move && g.status === move.status)) hedgedRight++
    else if (verbose) console.log(`HEDGE ${line.id} ${showMove(move)}`)
  }
}

function show(g: GoldMove): string {
  return `${g.person} ${g.kind} ${g.from ?? '-'} -> ${g.to ?? '-'} [${g.status}]`
}
function showMove(m: TalentMove): string {
  return `${m.person} ${m.kind} ${m.fromOrg ?? '-'} -> ${m.toOrg ?? '-'} [${m.status}] role=${m.role ?? '-'}`
}

const row = (label: string, c: Counts) => console.log(scoreRow(label, c, 12))

const total = sumCounts(byLang.values())
console.log(
  `talent moves on ${lines.length} texts (${file}), ${(performance.now() - started).toFixed(0)} ms`,
)
row('all', total)
for (const lang of ['en', 'de']) row(lang, byLang.get(lang) ?? { tp: 0, fp: 0, fn: 0 })
for (const kind of ['departure', 'hire', 'founding', 'promotion'])
  row(kind, byKind.get(kind) ?? { tp: 0, fp: 0, fn: 0 })
const rumorPrecision = hedged === 0 ? 1 : hedgedRight / hedged
const roleAccuracy = roleTotal === 0 ? 0 : roleRight / roleTotal
console.log(`rumour/denial precision ${fmt(rumorPrecision)} (${hedgedRight}/${hedged})`)
console.log(`role accuracy ${fmt(roleAccuracy)} (${roleRight}/${roleTotal} matched moves)`)
console.log(
  `move_f1_en ${fmt(scores(byLang.get('en') ?? { tp: 0, fp: 0, fn: 0 }).f1)} move_f1_de ${fmt(scores(byLang.get('de') ?? { tp: 0, fp: 0, fn: 0 }).f1)} rumor_precision ${fmt(rumorPrecision)} role_accuracy ${fmt(roleAccuracy)}`,
)
