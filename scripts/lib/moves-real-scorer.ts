/**
 * (Entity side; the move trainer's reader of the same set is moves-real.ts.)
 * The moves-real benchmark (`../shared/benchmarks/moves-real`): real en/de news texts with gold
 * persons, organisations and talent moves. Predictions are scored by the set's own scorer
 * (`score-moves.mjs`), run as a child process, so our figures are the figures the set reports.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const MOVES_REAL_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks')

export interface RealItem {
  readonly id: string
  readonly lang: string
  readonly text: string
}

export interface RealPrediction {
  readonly id: string
  readonly persons: readonly string[]
  readonly orgs: readonly string[]
  readonly moves: readonly unknown[]
}

/** P / R / F1 of one slice, as the scorer prints them (two decimals). */
export interface Prf {
  readonly p: number
  readonly r: number
  readonly f1: number
}

export interface RealScores {
  /** Per slice ("ALL", "lang=en", "lang=de"): persons, orgs, moves. */
  readonly slices: ReadonlyMap<string, { persons: Prf; orgs: Prf; moves: Prf }>
  /** With `verbose`: the scorer's per-item error lines (JSON). */
  readonly details: readonly string[]
}

/**
 * The items of one part (`train` or `test`). Exits the process with one line when the shared
 * benchmark folder is missing (a clone of the repository alone does not have it).
 */
export function readRealPart(dir: string, part: string): { path: string; items: RealItem[] } {
  const path = join(dir, 'moves-real', `${part}.jsonl`)
  if (!existsSync(path)) {
    console.error(`bench: ${path} is missing (the moves-real set lives in ../shared/benchmarks)`)
    process.exit(2)
  }
  const items = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RealItem)
  return { path, items }
}

/** Scores predictions against a gold file with the set's scorer. */
export function scoreReal(
  dir: string,
  goldPath: string,
  predictions: readonly RealPrediction[],
  verbose = false,
): RealScores {
  const work = mkdtempSync(join(tmpdir(), 'newshound-moves-real-'))
  try {
    const predPath = join(work, 'predictions.jsonl')
    writeFileSync(predPath, predictions.map((p) => `${JSON.stringify(p)}\n`).join(''))
    const args = [join(dir, 'score-moves.mjs'), goldPath, predPath]
    if (verbose) args.push('--verbose')
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`score-moves.mjs failed: ${run.stderr.trim()}`)
    return parseScorerOutput(run.stdout)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const SLICE_LINE =
  /^(\S+)\s+n=\s*\d+\s+persons P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| orgs P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| moves P ([\d.]+) R ([\d.]+) F1 ([\d.]+)/

function parseScorerOutput(stdout: string): RealScores {
  const slices = new Map<string, { persons: Prf; orgs: Prf; moves: Prf }>()
  const details: string[] = []
  for (const line of stdout.split('\n')) {
    if (line.startsWith('{')) {
      details.push(line)
      continue
    }
    const m = SLICE_LINE.exec(line)
    if (m === null) continue
    const n = m.slice(2).map(Number)
    const prf = (k: number): Prf => ({ p: n[k] ?? 0, r: n[k + 1] ?? 0, f1: n[k + 2] ?? 0 })
    slices.set(m[1] ?? '', { persons: prf(0), orgs: prf(3), moves: prf(6) })
  }
  return { slices, details }
}
