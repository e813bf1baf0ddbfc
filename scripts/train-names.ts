/**
 * Trains the learned name scorer on moves-real `train` and writes its weights to
 * src/knowledge/data/name-model.json. Deterministic: the same data gives the same file, byte for
 * byte (examples in file order, no randomness).
 *
 *   npm run train:names            # train on all of train, write the model
 *   npm run train:names -- --cv    # five-fold cross-validation over thresholds (nothing written)
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { NameModelData } from '../src/enrich/entities/context-names.js'
import { recognizeEntities } from '../src/enrich/entities/recognize.js'
import { knowledgeDataDir, loadKnowledgeBase } from '../src/knowledge/load-knowledge.js'
import { MOVES_REAL, readRealItems, scoreMoves, sliceScores } from './lib/moves-real.js'
import {
  folds,
  NAME_THRESHOLDS,
  NAME_TRAIN_OPTIONS,
  type NameItem,
  trainNameScorer,
} from './lib/name-training.js'

const kb = loadKnowledgeBase()
const file = join(MOVES_REAL, 'train.jsonl')
const items = readRealItems(file) as NameItem[]

if (process.argv.includes('--cv')) {
  const trained = folds(items).map((fold) => ({ fold, scorer: trainNameScorer(fold.train, kb) }))
  // the first row is the rules alone (no scorer), for comparison
  const grid: [number, number, number][] = [[2, 2, 2]]
  for (const keep of [0.2, 0.3, 0.4]) {
    for (const org of [0.5, 0.6, 0.7])
      for (const person of [0.6, 0.7]) grid.push([org, person, keep])
  }
  for (const [org, person, keep] of grid) {
    {
      const lines: string[] = []
      for (const { fold, scorer } of trained) {
        const thresholds = { org, person, keep }
        const nameScorer = org > 1 ? null : { model: scorer.model, thresholds }
        for (const item of fold.held) {
          const mentions = recognizeEntities(item.text, item.lang, kb, { nameScorer })
          const names = (kind: string) => [
            ...new Set(mentions.filter((m) => m.kind === kind).map((m) => m.canonical)),
          ]
          lines.push(
            JSON.stringify({
              id: item.id,
              persons: names('person'),
              orgs: names('org'),
              moves: [],
            }),
          )
        }
      }
      const slices = sliceScores(scoreMoves(file, lines))
      const cell = (slice: string) => {
        const s = slices.get(slice)
        return `persons ${s?.persons.f1.toFixed(2)} orgs ${s?.orgs.f1.toFixed(2)}`
      }
      const label = org > 1 ? 'rules only' : `keep ≥ ${keep} org ≥ ${org} person ≥ ${person}`
      process.stdout.write(
        `${label}: en ${cell('lang=en')} | de ${cell('lang=de')} | all ${cell('ALL')}\n`,
      )
    }
  }
} else {
  const scorer = trainNameScorer(items, kb)
  const data: NameModelData = {
    model: scorer.model.toData(),
    thresholds: NAME_THRESHOLDS,
    trainedOn: { set: 'moves-real/train.jsonl', items: items.length, options: NAME_TRAIN_OPTIONS },
  }
  const out = join(knowledgeDataDir(), 'name-model.json')
  writeFileSync(out, `${JSON.stringify(data)}\n`)
  // in the repository's JSON style, so `biome check` passes without a second step
  spawnSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'biome'), [
    'format',
    '--write',
    out,
  ])
  process.stdout.write(
    `train-names: ${items.length} items, ${Object.keys(data.model.weights).length} features → ${out}\n`,
  )
}
