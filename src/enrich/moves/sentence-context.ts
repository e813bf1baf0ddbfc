import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { EntityMention } from '../entities/mention-types.js'
import { findRoles, type RoleHit } from './find-roles.js'
import { guessOrgs } from './guess-orgs.js'
import { pastClauses } from './past-clauses.js'
import type { MovePatterns, TriggerRule } from './pattern-types.js'
import type { SentenceSpan } from './split-sentences.js'

/** An organisation named in a sentence, or an anaphor ("the company", "its") resolved to one. */
export interface OrgRef {
  readonly start: number
  readonly end: number
  readonly canonical: string
  readonly entityId: string | null
  readonly type: string | null
  readonly anaphor: boolean
}

export interface Span {
  readonly start: number
  readonly end: number
}

/** One trigger match. `objStart` is where its object may begin (after the first word). */
export interface TriggerHit {
  readonly rule: TriggerRule
  readonly start: number
  readonly end: number
  readonly objStart: number
  /** Inside a relative clause or another background span: it reports no move by itself. */
  readonly background: boolean
  /** For copula triggers ("wird Vorstandschef"): the role they introduce. */
  readonly role: RoleHit | null
}

/** Everything the detector reads off one sentence; offsets are article offsets. */
export interface SentenceContext {
  readonly sentence: SentenceSpan
  readonly persons: readonly EntityMention[]
  readonly orgs: readonly OrgRef[]
  readonly roles: readonly RoleHit[]
  readonly triggers: readonly TriggerHit[]
  readonly background: readonly Span[]
  readonly relatives: readonly Span[]
  /** Semicolons, colons, dashes and commas before a subordinator: clause edges. */
  readonly strongBreaks: readonly number[]
  /** ", and" / ", und": edges for objects, not for lists of people. */
  readonly weakBreaks: readonly number[]
  readonly speech: readonly Span[]
  readonly pronouns: readonly Span[]
  /** Leave of absence, declined offer: no move in this sentence. */
  readonly vetoed: boolean
}

// News outlets are sources, not employers: "Bloomberg reported" fills no slot.
const MEDIA_TYPES = new Set(['media'])

/**
 * Reads one sentence: its mentions, organisation anaphors (resolved against `history`, the
 * organisations named earlier in the article), roles, triggers, background spans and clause edges.
 * `publishedAt` (the story's date) makes clauses dated well before it background.
 *
 * @example
 * const ctx = buildSentenceContext(text, sentence, 'en', mentions, PATTERNS_EN, kb, [])
 * ctx.triggers.map((t) => t.rule.name) // ['en:leave']
 */
export function buildSentenceContext(
  text: string,
  sentence: SentenceSpan,
  lang: string,
  mentions: readonly EntityMention[],
  patterns: MovePatterns,
  kb: KnowledgeBase,
  history: readonly OrgRef[],
  publishedAt: string | null = null,
): SentenceContext {
  const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end)
  const persons = inside.filter((m) => m.kind === 'person')
  const named = inside
    .filter((m) => m.kind === 'org')
    .map((m): OrgRef => {
      const entity = m.entityId === null ? undefined : kb.entities.get(m.entityId)
      return {
        start: m.start,
        end: m.end,
        canonical: m.canonical,
        entityId: m.entityId,
        type: entity?.type ?? null,
        anaphor: false,
      }
    })
    .filter((o) => !MEDIA_TYPES.has(o.type ?? ''))
  const known = [...named, ...resolveAnaphors(text, sentence, patterns, named, inside, history)]
  const roles = findRoles(text, sentence.start, sentence.end, lang, kb, known).filter(
    (r) => !inside.some((m) => m.kind === 'person' && m.start < r.end && m.end > r.start),
  )
  const relatives = findRelatives(text, sentence, patterns, persons)
  const background = [
    ...relatives,
    ...spansOf(text, sentence, patterns.background),
    ...pastClauses(text, sentence, lang, publishedAt, patterns.speech),
  ]
  const triggers = findTriggers(text, sentence, lang, patterns, roles, background, persons, known)
  const orgs = [...known, ...guessOrgs(text, sentence, inside, roles, triggers)].sort(
    (a, b) => a.start - b.start,
  )
  return {
    sentence,
    persons,
    orgs,
    roles,
    triggers,
    background,
    relatives,
    strongBreaks: findStrongBreaks(text, sentence, patterns),
    weakBreaks: spansOf(text, sentence, [/,\s*(?:and|und|sowie|but|aber)\s/giu]).map(
      (s) => s.start,
    ),
    speech: spansOf(text, sentence, [patterns.speech]),
    pronouns: findPronouns(text, sentence, lang, patterns),
    vetoed: patterns.veto.some((p) => {
      p.lastIndex = 0
      const hit = p.test(sentence.text)
      p.lastIndex = 0
      return hit
    }),
  }
}

/** True when `offset` lies inside one of the spans. */
export function within(spans: readonly Span[], start: number, end = start + 1): boolean {
  return spans.some((s) => start >= s.start && end <= s.end)
}

function spansOf(text: string, sentence: SentenceSpan, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = []
  const slice = text.slice(sentence.start, sentence.end)
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (const match of slice.matchAll(pattern)) {
      spans.push({
        start: sentence.start + match.index,
        end: sentence.start + match.index + match[0].length,
      })
    }
  }
  return spans.sort((a, b) => a.start - b.start)
}

function resolveAnaphors(
  text: string,
  sentence: SentenceSpan,
  patterns: MovePatterns,
  named: readonly OrgRef[],
  inside: readonly EntityMention[],
  history: readonly OrgRef[],
): OrgRef[] {
  const resolved: OrgRef[] = []
  for (const span of spansOf(text, sentence, [patterns.orgAnaphor])) {
    if (inside.some((m) => m.start < span.end && m.end > span.start)) continue
    // "das Startup Essential AI", "the Berlin startup Kelpworks": a description of the name after it.
    if (inside.some((m) => m.start >= span.end && m.start - span.end <= 2)) continue
    const phrase = text.slice(span.start, span.end).toLowerCase()
    const before = named.filter((o) => o.end <= span.start)
    // "its"/"their" point back to the sentence's subject organisation, the first one named.
    const possessive = /^(?:its|their)$/u.test(phrase)
    const target = possessive
      ? (before[0] ?? lastKnown(history))
      : (foundedByThem(text, span.end, history) ??
        lastKnown(before) ??
        antecedentIn(history, sentence.start))
    if (target === undefined) continue
    resolved.push({ ...target, start: span.start, end: span.end, anaphor: true })
  }
  return resolved
}

// "the startup they co-founded", "das von ihm gegründete Start-up" follows or precedes the phrase.
const FOUNDED_BY_THEM_AFTER =
  /^\s+(?:(?:that|which)\s+)?(?:he|she|they)\s+(?:had\s+)?(?:co-?)?founded(?![\p{L}])/iu
// "Inflection founders", "co-founder of Inflection AI", "Inflection's co-founder", "Gründer von X".
const FOUNDER_AFTER_ORG = /^(?:(?:'s|’s)\s+)?\s*(?:co-?)?founders?(?![\p{L}])|^-(?:Mit)?[Gg]ründer/u
const FOUNDER_BEFORE_ORG =
  /(?:co-?)?founder (?:of|at)\s+(?:(?:the\s+)?[\p{L}-]+\s+){0,2}$|(?:Mit)?[Gg]ründer (?:von|des)\s+$/u

/**
 * "the startup they co-founded": the organisation the article earlier names as founded by its
 * people ("Inflection founders", "the co-founder of ... Inflection AI"), not the last one named.
 */
function foundedByThem(text: string, end: number, history: readonly OrgRef[]): OrgRef | undefined {
  if (!FOUNDED_BY_THEM_AFTER.test(text.slice(end, end + 40))) return undefined
  for (let k = history.length - 1; k >= 0; k--) {
    const org = history[k] as OrgRef
    if (
      FOUNDER_AFTER_ORG.test(text.slice(org.end, org.end + 20)) ||
      FOUNDER_BEFORE_ORG.test(text.slice(Math.max(0, org.start - 60), org.start))
    )
      return org
  }
  return undefined
}

// How far back "the company" looks for the last organisation named before it falls back to the
// article's most named one: about one sentence.
const RECENT_CHARS = 250

/** "The company" with nothing named before it in its sentence: the organisation just named, else the story's. */
function antecedentIn(history: readonly OrgRef[], sentenceStart: number): OrgRef | undefined {
  const recent = history.filter((o) => sentenceStart - o.end <= RECENT_CHARS)
  return lastKnown(recent) ?? mostSalient(history)
}

/**
 * What "the company" stands for when the sentence names no organisation before it: the one the
 * article names most (its subject), the first named on a tie (headlines name the subject's company
 * first). "Deng has also left the company" after the headline "Schulman leaves OpenAI for
 * Anthropic" is OpenAI, not the last company named.
 */
export function mostSalient(history: readonly OrgRef[]): OrgRef | undefined {
  const known = history.filter((o) => o.entityId !== null)
  if (known.length === 0) return history.at(-1)
  const counts = new Map<string, number>()
  for (const o of known) counts.set(o.canonical, (counts.get(o.canonical) ?? 0) + 1)
  let best: OrgRef | undefined
  for (const o of known) {
    if (best === undefined || (counts.get(o.canonical) ?? 0) > (counts.get(best.canonical) ?? 0))
      best = o
  }
  return best
}

/** The most recent organisation, preferring knowledge-base ones ("Tesla" over an unknown "Dojo"). */
function lastKnown(orgs: readonly OrgRef[]): OrgRef | undefined {
  for (let k = orgs.length - 1; k >= 0; k--) {
    const o = orgs[k]
    if (o !== undefined && o.entityId !== null) return o
  }
  return orgs.at(-1)
}

function findRelatives(
  text: string,
  sentence: SentenceSpan,
  patterns: MovePatterns,
  persons: readonly EntityMention[],
): Span[] {
  const spans: Span[] = []
  for (const lead of spansOf(text, sentence, [patterns.relativeStart])) {
    const rest = text.slice(lead.end, sentence.end)
    const stop = /[,;:]|\s[–—]\s/u.exec(rest)
    const end = stop === null ? sentence.end : lead.end + stop.index
    const clause = text.slice(lead.start, end)
    const startsWithComma = clause.trimStart().startsWith(',')
    if (startsWithComma && /^,\s*(?:der|die|das|dem|den)\s/iu.test(clause)) {
      // German articles look like relative pronouns: ", der Forschungswissenschaftler Abhishek Das
      // und ..." is a list; a relative clause names nobody and ends in its verb.
      const namesSomeone = persons.some((p) => p.start >= lead.start && p.end <= end)
      const lastWord = /([\p{L}]+)\W*$/u.exec(clause)?.[1] ?? ''
      if (namesSomeone || !/^\p{Ll}/u.test(lastWord)) continue
    }
    spans.push({ start: lead.start, end })
  }
  return spans
}

function findStrongBreaks(text: string, sentence: SentenceSpan, patterns: MovePatterns): number[] {
  const breaks = spansOf(text, sentence, [/[;:]|\s[–—]\s/gu]).map((s) => s.start)
  for (const comma of spansOf(text, sentence, [/,\s*/gu])) {
    const next = text.slice(comma.end, Math.min(sentence.end, comma.end + 30))
    patterns.subordinators.lastIndex = 0
    const match = patterns.subordinators.exec(next)
    if (match !== null && match.index === 0) breaks.push(comma.start)
  }
  return breaks.sort((a, b) => a - b)
}

function findPronouns(
  text: string,
  sentence: SentenceSpan,
  lang: string,
  patterns: MovePatterns,
): Span[] {
  return spansOf(text, sentence, [patterns.pronoun]).filter((span) => {
    const word = text.slice(span.start, span.end)
    // German "sie" is also "they" and the polite "you": only a sentence-initial "Sie" counts.
    if (lang === 'de' && word.toLowerCase() === 'sie')
      return word === 'Sie' && span.start === sentence.start
    return true
  })
}

function findTriggers(
  text: string,
  sentence: SentenceSpan,
  lang: string,
  patterns: MovePatterns,
  roles: readonly RoleHit[],
  background: readonly Span[],
  persons: readonly EntityMention[],
  orgs: readonly OrgRef[],
): TriggerHit[] {
  const hits: TriggerHit[] = []
  const slice = text.slice(sentence.start, sentence.end)
  for (const rule of patterns.triggers) {
    rule.pattern.lastIndex = 0
    for (const match of slice.matchAll(rule.pattern)) {
      const start = sentence.start + match.index
      const end = start + match[0].length
      const firstWord = /^[\p{L}\p{N}'’-]+/u.exec(match[0])?.[0].length ?? 0
      // A trigger word inside a name ("Safe Superintelligence", "Meta Superintelligence Labs").
      const headEnd = start + firstWord
      if (
        [...persons, ...orgs].some(
          (m) => !('anaphor' in m && m.anaphor) && m.start < headEnd && m.end > start,
        )
      )
        continue
      hits.push({
        rule,
        start,
        end,
        objStart: start + firstWord,
        background: within(background, start, end),
        role: null,
      })
    }
  }
  hits.push(...copulaTriggers(text, sentence, lang, patterns, roles, background))
  // Overlaps: the earliest, then the longest, match wins ("was fired" over "fired").
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: TriggerHit[] = []
  for (const hit of hits) {
    const clash = kept.find((k) => k.start < hit.end && hit.start < k.end)
    if (clash === undefined) kept.push(hit)
  }
  return kept
}

const COPULA_RULE: TriggerRule = {
  name: 'copula',
  pattern: /$^/u,
  frame: 'become',
  mover: 'either',
}

/** "will be CEO", "wird alleiniger Vorstandschef", "Neuer Volkswagen-Chef wird", "soll COO werden". */
function copulaTriggers(
  text: string,
  sentence: SentenceSpan,
  lang: string,
  patterns: MovePatterns,
  roles: readonly RoleHit[],
  background: readonly Span[],
): TriggerHit[] {
  const hits: TriggerHit[] = []
  for (const cop of spansOf(text, sentence, [patterns.copula])) {
    const after = roles.find((r) => {
      if (r.start < cop.end) return false
      const gap = text.slice(cop.end, r.start)
      return /^(?:\s+[\p{L}.-]+){0,3}\s+$/u.test(gap) && !/[,;:]/u.test(gap)
    })
    const before =
      lang === 'de'
        ? roles.find((r) => {
            if (r.end > cop.start) return false
            const gap = text.slice(r.end, cop.start)
            return /^(?:\s+[\p{L}.-]+){0,3}\s+$|^\s+$/u.test(gap) && !/[,;:]/u.test(gap)
          })
        : undefined
    const role = after ?? before
    if (role === undefined) continue
    const start = Math.min(cop.start, role.start)
    const end = Math.max(cop.end, role.end)
    hits.push({
      rule: COPULA_RULE,
      start,
      end,
      objStart: start,
      background: within(background, cop.start, cop.end),
      role,
    })
  }
  return hits
}
