import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { loadKnowledgeBase } from '../../knowledge/load-knowledge.js'
import type { EntityMention } from '../entities/mention-types.js'
import { recognizeEntities } from '../entities/recognize.js'
import { colonLists } from './colon-lists.js'
import { followOrigins, founderGroups, type ReadSentence } from './founder-groups.js'
import {
  fillGroupOrigins,
  fillLeftOrigins,
  type GroupOrigin,
  groupOrigin,
  leftOrigin,
} from './group-origins.js'
import { happenedAt } from './happened-at.js'
import { joiningHim } from './joining-him.js'
import { denyMoves, mergeMoves, type OrgOf, personKey } from './merge-moves.js'
import { isDenial, moveStatus } from './move-status.js'
import { passiveLeads } from './passive-leads.js'
import type { MovePatterns } from './pattern-types.js'
import { PATTERNS_DE } from './patterns-de.js'
import { PATTERNS_EN } from './patterns-en.js'
import { readMoves } from './read-moves.js'
import { type DraftMove, readSentence } from './read-sentence.js'
import { roleStatements } from './role-statements.js'
import { buildSentenceContext, type OrgRef } from './sentence-context.js'
import { settleMoves } from './settle-moves.js'
import { splitSentences } from './split-sentences.js'
import type { TalentMove } from './types.js'

export type { MoveEvidence, MoveKind, MoveStatus, RoleNormalized, TalentMove } from './types.js'

export interface DetectMovesOptions {
  /** The article's published time (ISO 8601): reference for relative dates and the fallback date. */
  readonly publishedAt?: string | null
  readonly kb?: KnowledgeBase
  /**
   * `rules` (the default): the hand-written reader below. `learned`: the trained scorer of
   * read-moves.ts (candidates × weights), measured side by side by `npm run bench:moves`; it
   * becomes the default when it beats the rules there.
   */
  readonly reader?: 'rules' | 'learned'
}

/**
 * Finds the talent moves a text states, from entity mentions recognised beforehand (hand-made
 * mentions work too). Pure and synchronous. Each sentence is read on its own (triggers, the people
 * around them, their organisations and roles); the moves of the article are then merged, so
 * "leaves Meta ... to found a startup" is one founding and a rumour that is denied later is one
 * denied move. Names are the mentions' canonical names.
 *
 * @example
 * const text = 'Mira Murati is leaving OpenAI, the chief technology officer told staff.'
 * detectMoves(text, 'en', recognizeEntities(text, 'en'), { publishedAt: '2024-09-25' })
 * // [{ person: 'Mira Murati', kind: 'departure', fromOrg: 'OpenAI', toOrg: null,
 * //    role: 'chief technology officer', roleNormalized: 'cto', status: 'reported',
 * //    happenedAt: '2024-09-25', happenedFrom: 'published', ... }]
 */
export function detectMoves(
  text: string,
  lang: string,
  mentions: readonly EntityMention[],
  options: DetectMovesOptions = {},
): TalentMove[] {
  const kb = options.kb ?? loadKnowledgeBase()
  const publishedAt = options.publishedAt ?? null
  if (options.reader === 'learned') return readMoves(text, lang, mentions, { kb, publishedAt })
  const patterns: MovePatterns = lang === 'de' ? PATTERNS_DE : PATTERNS_EN
  const persons = mentions.filter((m) => m.kind === 'person').sort((a, b) => a.start - b.start)
  const history: OrgRef[] = []
  let moves: TalentMove[] = []
  const forced = new Set<TalentMove>()
  const origins: GroupOrigin[] = []
  const left = new Map<string, OrgRef>()
  let previous: TalentMove[] = []
  const read: ReadSentence[] = []
  const sentences = splitSentences(text, lang)
  sentences.forEach((sentence, sentenceIndex) => {
    const ctx = buildSentenceContext(
      text,
      sentence,
      lang,
      mentions,
      patterns,
      kb,
      history,
      publishedAt,
    )
    const drafts = readSentence(ctx, { text, lang, kb, patterns, persons, history, sentenceIndex })
    const date = happenedAt(sentence.text, lang, publishedAt)
    const found = drafts.map((d) => {
      const move = toMove(
        d,
        moveStatus(sentence.text, patterns, d.triggerEnd - sentence.start),
        date,
        sentence,
      )
      if (d.forced) forced.add(move)
      return move
    })
    if (found.length === 0 && isDenial(sentence.text, patterns)) {
      // "Das Unternehmen dementierte: Hartmann bleibe an Bord." denies the rumour told before.
      const named = new Set(ctx.persons.map((p) => p.entityId ?? foldKey(p.canonical)))
      const targets = named.size > 0 ? named : new Set(previous.map(personKey))
      const told = moves
      moves = denyMoves(moves, targets)
      moves.forEach((m, i) => {
        if (forced.has(told[i] as TalentMove)) forced.add(m)
      })
    }
    if (drafts.length === 0) {
      const group = groupOrigin(ctx, text, patterns)
      if (group !== null) origins.push(group)
      const gone = leftOrigin(ctx, text)
      if (gone !== null && !left.has(gone.personKey)) left.set(gone.personKey, gone.org)
    }
    moves.push(...found)
    if (found.length > 0) previous = found
    read.push({ ctx, drafts: drafts.length, history: [...history] })
    history.push(...ctx.orgs.filter((o) => !o.anaphor))
  })
  const moved = new Set(moves.map((m) => m.personId ?? m.person))
  const addDraft = (draft: DraftMove) => {
    const sentence = sentences[draft.sentenceIndex] as (typeof sentences)[number]
    const date = happenedAt(sentence.text, lang, publishedAt)
    const move = toMove(
      draft,
      moveStatus(sentence.text, patterns, draft.triggerEnd - sentence.start),
      date,
      sentence,
    )
    moves.push(move)
    moved.add(move.personId ?? move.person)
  }
  for (const draft of founderGroups(read, text, lang, moved, publishedAt)) addDraft(draft)
  const founded = moves
    .filter((m) => m.kind === 'founding' && m.status === 'reported' && m.toOrg !== null)
    .map((m) => ({ canonical: m.toOrg as string, entityId: m.toOrgId }))
  for (const draft of roleStatements(read, text, lang, founded, moved)) addDraft(draft)
  for (const draft of colonLists(read, text, lang, [...moves], moved)) addDraft(draft)
  for (const draft of passiveLeads(read, text, lang, moved)) addDraft(draft)
  for (const draft of joiningHim(read, text, lang, [...moves])) addDraft(draft)
  const related = (a: OrgOf, b: OrgOf) => {
    if (a.name === b.name) return true
    if (a.id === null || b.id === null) return false
    const parent = (id: string) => kb.entities.get(id)?.parent ?? null
    return parent(a.id) === b.id || parent(b.id) === a.id
  }
  const merged = mergeMoves(text, followOrigins(moves, read, text, lang), related, forced)
  const filled = fillLeftOrigins(
    fillGroupOrigins(merged, origins, related),
    left,
    (m) => m.personId ?? m.person,
  )
  return settleMoves(filled, related)
}

/**
 * Recognises the entities of a text, then detects its moves: the one call `newshound analyze`
 * and the pipeline need.
 *
 * @example
 * analyzeMoves('Der Direktor für Generative KI, Devi Parikh, hat Meta verlassen.', 'de')
 * // [{ person: 'Devi Parikh', kind: 'departure', fromOrg: 'Meta', role: 'Direktor für Generative KI', ... }]
 */
export function analyzeMoves(
  text: string,
  lang: string,
  options: DetectMovesOptions = {},
): TalentMove[] {
  const kb = options.kb ?? loadKnowledgeBase()
  return detectMoves(text, lang, recognizeEntities(text, lang, kb), { ...options, kb })
}

function toMove(
  draft: DraftMove,
  status: TalentMove['status'],
  date: ReturnType<typeof happenedAt>,
  sentence: { readonly start: number; readonly end: number; readonly text: string },
): TalentMove {
  return {
    person: draft.person.canonical,
    personId: draft.person.entityId,
    role: draft.role?.text ?? null,
    roleNormalized: draft.role?.normalized ?? null,
    fromOrg: draft.from?.canonical ?? null,
    fromOrgId: draft.from?.entityId ?? null,
    toOrg: draft.to?.canonical ?? null,
    toOrgId: draft.to?.entityId ?? null,
    kind: draft.kind,
    status,
    happenedAt: date.date,
    happenedFrom: date.from,
    confidence: status === 'reported' ? draft.confidence : Math.max(0.1, draft.confidence - 0.1),
    evidence: { sentence: sentence.text, start: sentence.start, end: sentence.end },
  }
}

function foldKey(name: string): string {
  return personKey({ personId: null, person: name })
}
