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
  /**
   * The least probability that makes a run no rule claimed an organisation or a person, and that
   * keeps an organisation a rule proposed (`keep`, lower: the rule is evidence too).
   */
  readonly thresholds: { readonly org: number; readonly person: number; readonly keep: number }
  readonly trainedOn?: unknown
}

/** A loaded scorer: the weights and the thresholds. */
export interface NameScorer {
  readonly model: LinearModel
  readonly thresholds: NameModelData['thresholds']
}

/**
 * Rules the scorer may not veto. On train (five-fold CV) vetoing them removed about as many right
 * organisations as wrong ones ("Quantiq GmbH", "Vantor Systems", "der Zulieferer Bosch",
 * "Chewy, the online retailer", "Westpac's chief executive", "GSK named", "CEO of X"); vetoing role
 * compounds removed fields ("Marketing-Chef") and made-up companies ("Velora-Forscher") alike and
 * left the figures unchanged, so the rule stands.
 */
const TRUSTED_RULES = new Set([
  'suffix',
  'brand',
  'cue-noun',
  'role-of',
  'role-compound',
  'slot:apposition',
  'slot:apposition-before',
  'slot:possessive',
  'slot:org-verb',
  'slot:statement',
])

/** A trusted rule proposed it, or the run fills a trusted slot whichever rule proposed it. */
function isTrusted(c: ContextCandidate): boolean {
  const proposed = c.proposed
  if (proposed === undefined || proposed.kind === 'person') return false
  return TRUSTED_RULES.has(proposed.rule ?? '') || c.features.some((f) => TRUSTED_RULES.has(f))
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
 * with at least the threshold's probability; of the organisations the rules proposed, returns
 * those it does not call one (vetoed).
 *
 * @example
 * judgeContextCandidates(model, contextCandidates(model, kb, groups, owners), shippedNameScorer())
 */
export function judgeContextCandidates(
  model: TextModel,
  candidates: readonly ContextCandidate[],
  scorer: NameScorer,
): { readonly found: Candidate[]; readonly vetoed: ReadonlySet<Candidate> } {
  const vetoed = new Set<Candidate>()
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
    // what a weak rule proposed stays unless the scorer reads the run as something else; a legal
    // form and a noun for a kind of company before the name are not second-guessed
    if (c.proposed !== undefined) {
      if (isTrusted(c)) continue
      const isOrg = c.proposed.kind === 'org'
      const [mine, other] = isOrg ? [org, person] : [person, org]
      if (mine >= scorer.thresholds.keep && mine >= other) continue
      // a person named by a role stays unless the scorer is sure it is something else: names
      // from other languages ("Jan van der Berg") look like little it has seen
      if (!isOrg && other < scorer.thresholds.org && 1 - org - person < 0.8) continue
      if (!isOrg && c.features.some((f) => f.startsWith('firstname'))) continue
      vetoed.add(c.proposed)
      // "Vogel Communications" proposed as a person may well be an organisation
      const otherKind = isOrg ? 'person' : 'org'
      if (other >= scorer.thresholds[otherKind]) {
        best.set(c.alternative, { c, kind: otherKind, p: other })
      }
      continue
    }
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
  return { found, vetoed }
}
