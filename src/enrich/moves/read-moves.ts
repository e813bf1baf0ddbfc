import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { knowledgeDataDir } from '../../knowledge/load-knowledge.js'
import { LinearModel, type LinearModelData } from '../../learn/linear-model.js'
import type { EntityMention } from '../entities/mention-types.js'
import { findRoles } from './find-roles.js'
import { happenedAt } from './happened-at.js'
import {
  type MoveCandidates,
  moveCandidates,
  type OrgCandidate,
  type PersonCandidate,
  type PersonSighting,
} from './move-candidates.js'
import { MoveFeaturizer, type MoveHint } from './move-features.js'
import { moveStatus } from './move-status.js'
import type { MoveToken } from './move-tokens.js'
import type { MovePatterns } from './pattern-types.js'
import { PATTERNS_DE } from './patterns-de.js'
import { PATTERNS_EN } from './patterns-en.js'
import { ruleHints } from './rule-hints.js'
import type { MoveKind, TalentMove } from './types.js'

/** The kinds the scorer tells apart; `none` first. */
export const KIND_CLASSES = ['none', 'hire', 'departure', 'promotion', 'founding'] as const
/** The roles an organisation plays in a move; `none` first. */
export const SLOT_CLASSES = ['none', 'to', 'from'] as const

/** Decision thresholds, tuned by cross-validation and stored with the weights. */
export interface MoveThresholds {
  /** Least probability of "some move" for a person's best sentence. */
  readonly move: number
  /** Least probability for an organisation to be the destination. */
  readonly to: number
  /** Least probability for an organisation to be the origin. */
  readonly from: number
  /** Least move probability for a move with no organisation at its main end. */
  readonly bare: number
}

/** The learned move reader: a kind scorer over sightings, a slot scorer over organisations. */
export interface MoveModel {
  readonly kind: LinearModel
  readonly slot: LinearModel
  readonly thresholds: MoveThresholds
  /** Whether the rule-based reader's moves are features. */
  readonly useHints: boolean
}

/** The stored form (`src/knowledge/data/move-model.json`, written by `scripts/train-moves.ts`). */
export interface MoveModelData {
  readonly kind: LinearModelData
  readonly slot: LinearModelData
  readonly thresholds: MoveThresholds
  readonly useHints: boolean
  readonly trainedOn?: unknown
}

export const DEFAULT_THRESHOLDS: MoveThresholds = { move: 0.5, to: 0.15, from: 0.15, bare: 0.9 }

let shipped: MoveModel | undefined

/** The shipped model, read once. */
export function loadMoveModel(): MoveModel {
  if (shipped === undefined) {
    const data = JSON.parse(
      readFileSync(join(knowledgeDataDir(), 'move-model.json'), 'utf8'),
    ) as MoveModelData
    shipped = moveModelFrom(data)
  }
  return shipped
}

export function moveModelFrom(data: MoveModelData): MoveModel {
  return {
    kind: new LinearModel(data.kind),
    slot: new LinearModel(data.slot),
    thresholds: data.thresholds,
    useHints: data.useHints,
  }
}

export function patternsFor(lang: string): MovePatterns {
  return lang === 'de' ? PATTERNS_DE : PATTERNS_EN
}

export interface ReadMovesOptions {
  readonly kb: KnowledgeBase
  readonly publishedAt?: string | null
  readonly model?: MoveModel
}

/** One person's scored reading before it becomes a move. */
export interface PersonReading {
  readonly person: PersonCandidate
  readonly best: PersonSighting
  readonly kind: MoveKind
  /** Probability that the best sighting states some move. */
  readonly score: number
  readonly to: { readonly org: OrgCandidate; readonly p: number } | null
  readonly from: { readonly org: OrgCandidate; readonly p: number } | null
}

/**
 * Reads the talent moves of a text: candidates (people × sentences × organisations), scored by the
 * learned model; one move per person, from the sentence that states it most surely.
 */
export function readMoves(
  text: string,
  lang: string,
  mentions: readonly EntityMention[],
  options: ReadMovesOptions,
): TalentMove[] {
  const model = options.model ?? loadMoveModel()
  const patterns = patternsFor(lang)
  const candidates = moveCandidates(text, lang, mentions)
  const hints = model.useHints ? ruleHints(text, lang, mentions, options.kb) : []
  const readings = scorePersons(candidates, patterns, model, hints)
  return readings.map((r) => toMove(r, candidates, lang, patterns, options))
}

/** Scores every person of the candidates; the ones above the move threshold come back. */
export function scorePersons(
  candidates: MoveCandidates,
  patterns: MovePatterns,
  model: MoveModel,
  hints: readonly MoveHint[] = [],
): PersonReading[] {
  const featurizer = new MoveFeaturizer(candidates, patterns, hints)
  const out: PersonReading[] = []
  for (const person of candidates.persons) {
    let best: PersonSighting | null = null
    let bestProbs: number[] = []
    let bestScore = -1
    for (const sighting of person.sightings) {
      const probs = model.kind.probabilities(featurizer.sightingFeatures(sighting, person))
      const score = 1 - (probs[0] as number)
      if (score > bestScore) {
        best = sighting
        bestScore = score
        bestProbs = probs
      }
    }
    if (best === null || bestScore < model.thresholds.move) continue
    let k = 1
    for (let c = 2; c < bestProbs.length; c++)
      if ((bestProbs[c] as number) > (bestProbs[k] as number)) k = c
    const kind = model.kind.classes[k] as MoveKind
    const slots = candidates.orgs.map((org) => ({
      org,
      p: model.slot.probabilities(featurizer.slotFeatures(person, best, org, kind)),
    }))
    const pick = (slot: number, threshold: number, not: OrgCandidate | null) => {
      let chosen: { org: OrgCandidate; p: number } | null = null
      for (const s of slots) {
        const p = s.p[slot] as number
        if (s.org === not || p < threshold) continue
        if (chosen === null || p > chosen.p) chosen = { org: s.org, p }
      }
      return chosen
    }
    const wantsTo = kind !== 'departure'
    const to = wantsTo ? pick(1, model.thresholds.to, null) : null
    // A promotion's origin is the organisation itself unless another one is said to be left.
    const from =
      kind === 'founding'
        ? null
        : (pick(2, model.thresholds.from, to?.org ?? null) ?? (kind === 'promotion' ? to : null))
    // A move whose organisation the text does not let us name is kept only when it is sure.
    const anchor = kind === 'departure' ? from : to
    if (anchor === null && bestScore < model.thresholds.bare) continue
    // The guide's definitions: a new role where one already works is a promotion, a role taken
    // at another organisation than the one left is a hire.
    let settled = kind
    if (kind === 'promotion' && from !== null && to !== null && from.org !== to.org)
      settled = 'hire'
    else if (kind === 'hire' && from !== null && to !== null && from.org === to.org)
      settled = 'promotion'
    out.push({ person, best, kind: settled, score: bestScore, to, from })
  }
  return out
}

function toMove(
  r: PersonReading,
  candidates: MoveCandidates,
  lang: string,
  patterns: MovePatterns,
  options: ReadMovesOptions,
): TalentMove {
  const span = r.best.sentence.span
  const me = r.best.sentence.tokens[r.best.token] as MoveToken
  const role = nearestRole(candidates.text, span, me, lang, options.kb)
  const date = happenedAt(span.text, lang, options.publishedAt ?? null)
  return {
    person: r.person.canonical,
    personId: r.person.entityId,
    role: role?.text ?? null,
    roleNormalized: role?.normalized ?? null,
    fromOrg: r.from?.org.canonical ?? null,
    fromOrgId: r.from?.org.entityId ?? null,
    toOrg: r.to?.org.canonical ?? null,
    toOrgId: r.to?.org.entityId ?? null,
    kind: r.kind,
    status: moveStatus(span.text, patterns),
    happenedAt: date.date,
    happenedFrom: date.from,
    confidence: Math.round(r.score * 1000) / 1000,
    evidence: { sentence: span.text, start: span.start, end: span.end },
  }
}

/** The role phrase closest to the person in their sentence. */
function nearestRole(
  text: string,
  span: { readonly start: number; readonly end: number },
  me: MoveToken,
  lang: string,
  kb: KnowledgeBase,
) {
  const roles = findRoles(text, span.start, span.end, lang, kb, [])
  let best: (typeof roles)[number] | null = null
  let gap = Number.POSITIVE_INFINITY
  for (const role of roles) {
    const g = role.start >= me.end ? role.start - me.end : me.start - role.end
    if (g >= 0 && g < gap) {
      gap = g
      best = role
    }
  }
  return gap <= 60 ? best : null
}
