/**
 * Trains the learned move reader on moves-real `train` and writes its weights to
 * src/knowledge/data/move-model.json. Deterministic: the same data gives the same file, byte for
 * byte (examples in file order, no randomness).
 *
 *   npm run train:moves
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MoveModelData } from '../src/enrich/moves/read-moves.js'
import { knowledgeDataDir, loadKnowledgeBase } from '../src/knowledge/load-knowledge.js'
import {
  MOVES_REAL,
  nameMatcher,
  prepareItems,
  readRealItems,
  TRAIN_OPTIONS,
  TUNED_THRESHOLDS,
  trainMoveModel,
} from './lib/moves-real.js'

const kb = loadKnowledgeBase()
const items = readRealItems(join(MOVES_REAL, 'train.jsonl'))
const model = trainMoveModel(
  prepareItems(items, kb),
  nameMatcher(items),
  TUNED_THRESHOLDS,
  kb,
  true,
)
const data: MoveModelData = {
  kind: model.kind.toData(),
  slot: model.slot.toData(),
  thresholds: model.thresholds,
  useHints: model.useHints,
  trainedOn: { set: 'moves-real/train.jsonl', items: items.length, options: TRAIN_OPTIONS },
}
const file = join(knowledgeDataDir(), 'move-model.json')
writeFileSync(file, `${JSON.stringify(data)}\n`)
process.stdout.write(
  `train-moves: ${items.length} items; kind features ${Object.keys(data.kind.weights).length}, slot features ${Object.keys(data.slot.weights).length} → ${file}\n`,
)
