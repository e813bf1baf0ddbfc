/**
 * bench:moves — talent moves, both readers side by side in one run:
 * - moves-real `train` (../shared/benchmarks/moves-real): the rule reader as shipped, and the
 *   learned reader five-fold cross-validated (trained on four fifths, scored on the fifth), per
 *   language, by the set's own scorer;
 * - the project's sentence set, the 24 held-out articles and the demo corpus (whole articles),
 *   each for both readers (the learned one with the shipped weights);
 * - throughput of recognition + moves on ~5 KB articles.
 *
 *   npm run bench:moves               # everything above
 *   npm run bench:moves -- --test     # also score the sealed moves-real test file (rarely!)
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { recognizeEntities } from '../src/enrich/entities/recognize.js'
import { detectMoves } from '../src/enrich/moves/detect-moves.js'
import { loadMoveModel } from '../src/enrich/moves/read-moves.js'
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge.js'
import {
  MOVES_REAL,
  nameMatcher,
  type PreparedItem,
  predictionLine,
  predictionOf,
  prepareItems,
  readRealItems,
  scoreMoves,
  TUNED_THRESHOLDS,
  trainMoveModel,
} from './lib/moves-real.js'

const { values: args } = parseArgs({ options: { test: { type: 'boolean', default: false } } })
const kb = loadKnowledgeBase()
const summary = (lines: readonly string[]) =>
  lines.filter((l) => /^(lang=|persons F1)/.test(l)).map((l) => `  ${l}`)

function rulePredictions(prepared: readonly PreparedItem[]): string[] {
  return prepared.map((p) =>
    predictionLine(p, detectMoves(p.item.text, p.item.lang, p.mentions, { kb })),
  )
}

const trainFile = join(MOVES_REAL, 'train.jsonl')
const train = readRealItems(trainFile)
const names = nameMatcher(train)
const prepared = prepareItems(train, kb)
console.log(`moves-real train (${train.length} items): rule reader`)
console.log(summary(scoreMoves(trainFile, rulePredictions(prepared))).join('\n'))
const folds: string[] = []
for (let fold = 0; fold < 5; fold++) {
  const model = trainMoveModel(
    prepared.filter((_, i) => i % 5 !== fold),
    names,
    TUNED_THRESHOLDS,
    kb,
    true,
  )
  prepared.forEach((p, i) => {
    if (i % 5 === fold) folds.push(predictionOf(p, model, kb))
  })
}
console.log('moves-real train: learned reader, five-fold cross-validated')
console.log(summary(scoreMoves(trainFile, folds)).join('\n'))

if (args.test) {
  const testFile = join(MOVES_REAL, 'test.jsonl')
  const test = prepareItems(readRealItems(testFile), kb)
  console.log('moves-real TEST (sealed): rule reader')
  console.log(summary(scoreMoves(testFile, rulePredictions(test))).join('\n'))
  const model = trainMoveModel(prepared, names, TUNED_THRESHOLDS, kb, true)
  console.log('moves-real TEST (sealed): learned reader trained on all of train')
  console.log(
    summary(
      scoreMoves(
        testFile,
        test.map((p) => predictionOf(p, model, kb)),
      ),
    ).join('\n'),
  )
}

const run = (script: string, extra: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...extra], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)
for (const reader of ['rules', 'learned']) {
  console.log(`sentence set (${reader}): ${run('bench-moves-dev.ts', ['--reader', reader])}`)
  const heldout = join('test', 'fixtures', 'moves', 'articles-heldout')
  console.log(
    `held-out articles (${reader}): ${run('eval-demo-moves.ts', ['--set', heldout, '--reader', reader])}`,
  )
  console.log(`demo corpus (${reader}): ${run('eval-demo-moves.ts', ['--reader', reader])}`)
}

// Throughput: recognition + moves on ~5 KB articles made of the demo's held-out texts.
const heldoutDir = join('test', 'fixtures', 'moves', 'articles-heldout')
const manifest = JSON.parse(readFileSync(join(heldoutDir, 'manifest.json'), 'utf8')) as {
  articles: { file: string; language: string }[]
}
const articles = manifest.articles.map((a) => {
  let text = readFileSync(join(heldoutDir, a.file), 'utf8')
  while (text.length < 5000) text = `${text}\n\n${text}`
  return { text: text.slice(0, 5000), lang: a.language }
})
loadMoveModel()
for (const reader of ['rules', 'learned'] as const) {
  const rounds = 10
  const started = performance.now()
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      detectMoves(a.text, a.lang, recognizeEntities(a.text, a.lang, kb), { kb, reader })
    }
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `throughput (${reader}): ${((rounds * articles.length) / seconds).toFixed(0)} articles/s on one core (5 KB, entities + moves)`,
  )
}
