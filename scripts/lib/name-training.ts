/**
 * Training and cross-validation of the learned name scorer (`src/enrich/entities/context-names.ts`)
 * on moves-real train: every capitalised run that no rule claims becomes one example, labelled
 * "org" or "person" when its canonical name is one of the item's gold names (or their aliases),
 * "none" otherwise.
 */
import { canonicalName } from '../../src/enrich/entities/canonical-name.js'
import { NAME_CLASSES, type NameScorer } from '../../src/enrich/entities/context-names.js'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-types.js'
import { type Example, trainLinearModel } from '../../src/learn/linear-model.js'
import { normOrg, normPerson, type RealItem } from './moves-real.js'

/** A gold item: the moves-real fields the name scorer learns from. */
export type NameItem = RealItem & {
  readonly persons?: readonly string[]
  readonly orgs?: readonly string[]
}

/** Chosen by five-fold cross-validation on train (BENCHMARKS.md). */
export const NAME_TRAIN_OPTIONS = { epochs: 8, l2: 1e-3, minCount: 3, learningRate: 0.1 }
export const NAME_THRESHOLDS = { org: 0.6, person: 0.8, keep: 0.3 }

/** The examples of some items: features of each unclaimed run and its gold class. */
export function nameExamples(items: readonly NameItem[], kb: KnowledgeBase): Example[] {
  const examples: Example[] = []
  for (const item of items) {
    const orgs = new Set<string>()
    const persons = new Set<string>()
    for (const o of item.orgs ?? []) {
      orgs.add(normOrg(o))
      for (const a of item.aliases[o] ?? []) orgs.add(normOrg(a))
    }
    for (const p of item.persons ?? []) {
      persons.add(normPerson(p))
      for (const a of item.aliases[p] ?? []) persons.add(normPerson(a))
    }
    recognizeEntities(item.text, item.lang, kb, {
      nameScorer: null,
      onCandidates: (candidates, model) => {
        for (const c of candidates) {
          const start = model.atoms[c.first]?.start ?? 0
          const end = model.atoms[c.last]?.end ?? 0
          const surface = model.text.slice(start, end)
          const label = orgs.has(normOrg(canonicalName(surface, 'org', kb)))
            ? 'org'
            : persons.has(normPerson(canonicalName(surface, 'person', kb)))
              ? 'person'
              : 'none'
          examples.push({ features: c.features, label })
        }
      },
    })
  }
  return examples
}

/** Trains a scorer on some items. Deterministic: items in the given order, no randomness. */
export function trainNameScorer(
  items: readonly NameItem[],
  kb: KnowledgeBase,
  thresholds = NAME_THRESHOLDS,
): NameScorer {
  const model = trainLinearModel(nameExamples(items, kb), NAME_CLASSES, NAME_TRAIN_OPTIONS)
  return { model, thresholds }
}

/** The five folds of cross-validation: item k goes to fold k mod 5. */
export function folds<T>(items: readonly T[], k = 5): { train: T[]; held: T[] }[] {
  return Array.from({ length: k }, (_, f) => ({
    train: items.filter((_, i) => i % k !== f),
    held: items.filter((_, i) => i % k === f),
  }))
}
