import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { knowledgeDataDir } from '../../knowledge/load-knowledge.js'
import { LinearModel, type LinearModelData } from '../../learn/linear-model.js'
import type { Candidate } from './candidate.js'
import type { ContextCandidate } from './context-features.js'
import type { TextModel } from './text-model.js'

/** The classes the name scorer tells apart, in the order of its weights. */
export const NAME_CLASSES = ['none', 'org', 'person'] as const

/** The stored scorer (`src/knowledge/data/name-model.json`, written by `npm run train:names`). */
export interface NameModelData {
  readonly model: LinearModelData
  /** The least probability that makes a candidate an organisation or a person. */
  readonly thresholds: { readonly org: number; readonly person: number }
  readonly trainedOn?: unknown
}

/** A loaded scorer: the weights and the thresholds. */
export interface NameScorer {
  readonly model: LinearModel
  readonly thresholds: NameModelData['thresholds']
}

let shipped: NameScorer | null | undefined

/** The shipped scorer, read once; null when its file is missing (rules alone then). */
export function shippedNameScorer(): NameScorer | null {
  if (shipped !== undefined) return shipped
  const file = join(knowledgeDataDir(), 'name-model.json')
  if (!existsSync(file)) {
    shipped = null
    return shipped
  }
  const data = JSON.parse(readFileSync(file, 'utf8')) as NameModelData
  shipped = { model: new LinearModel(data.model), thresholds: data.thresholds }
  return shipped
}

/**
 * Scores the runs no rule claimed and keeps those the scorer calls an organisation or a person
 * with at least the threshold's probability.
 *
 * @example
 * judgeContextCandidates(model, contextCandidates(model, kb, groups, owners), shippedNameScorer())
 */
export function judgeContextCandidates(
  model: TextModel,
  candidates: readonly ContextCandidate[],
  scorer: NameScorer,
): Candidate[] {
  // the likeliest reading of each run: "Tochter Covestro" or "Covestro"
  const best = new Map<number, { c: ContextCandidate; kind: 'org' | 'person'; p: number }>()
  for (const c of candidates) {
    const [, org = 0, person = 0] = scorer.model.probabilities(c.features)
    const kind =
      org >= scorer.thresholds.org && org >= person
        ? 'org'
        : person >= scorer.thresholds.person
          ? 'person'
          : null
    if (kind === null) continue
    const p = kind === 'org' ? org : person
    const known = best.get(c.alternative)
    if (known === undefined || p > known.p) best.set(c.alternative, { c, kind, p })
  }
  const found: Candidate[] = []
  for (const { c, kind, p } of best.values()) {
    found.push({
      first: c.first,
      last: c.last,
      start: model.atoms[c.first]?.start ?? 0,
      end: model.atoms[c.last]?.end ?? 0,
      kind,
      entityId: null,
      canonical: null,
      confidence: Math.round(p * 100) / 100,
      via: 'context',
    })
  }
  return found
}
