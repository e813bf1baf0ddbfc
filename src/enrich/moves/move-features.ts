import type {
  MoveCandidates,
  OrgCandidate,
  PersonCandidate,
  PersonSighting,
} from './move-candidates.js'
import type { MoveToken, TokenizedSentence } from './move-tokens.js'
import { type MovePatterns, testPattern } from './pattern-types.js'

/** What the rule-based reader said about a person: a feature, never the decision. */
export interface MoveHint {
  readonly personKey: string
  readonly kind: string
  readonly status: string
  readonly sentenceStart: number
  /** Organisation keys (`OrgCandidate.key`). */
  readonly to: string | null
  readonly from: string | null
}

/** A trigger-lexicon hit in a sentence (absolute offsets). */
interface TriggerHit {
  readonly frame: string
  readonly kind: string | null
  readonly start: number
  readonly end: number
}

/** Per-sentence facts several features need; computed once per sentence. */
export interface SentenceFacts {
  readonly triggers: readonly TriggerHit[]
  readonly cues: readonly string[]
}

/**
 * Feature templates for the move scorer. Two questions are asked:
 * - does this sentence state a move of this person, and of which kind (`sightingFeatures`)?
 * - given a move of this kind, is this organisation where the person goes, where they come from,
 *   or neither (`slotFeatures`)?
 * Features are about slots and words (names are `<person>`/`<org>` tokens), plus the hand-made
 * trigger and cue lexicons of `patterns-en.ts`/`patterns-de.ts` as evidence, never as rules.
 */
export class MoveFeaturizer {
  private readonly facts = new Map<TokenizedSentence, SentenceFacts>()

  constructor(
    private readonly candidates: MoveCandidates,
    private readonly patterns: MovePatterns,
    private readonly hints: readonly MoveHint[] = [],
  ) {}

  private hintsOf(person: PersonCandidate): MoveHint[] {
    return this.hints.filter((h) => h.personKey === person.key)
  }

  /** Features of one sighting of a person: the words around them, triggers, cues, the orgs. */
  sightingFeatures(sighting: PersonSighting, person?: PersonCandidate): string[] {
    const { sentence, token: at } = sighting
    const tokens = sentence.tokens
    const f: string[] = [`lang=${this.candidates.lang}`]
    if (person !== undefined) {
      for (const h of this.hintsOf(person)) {
        const here = h.sentenceStart === sentence.span.start ? 'here' : 'elsewhere'
        f.push(
          `hint=${h.kind}`,
          `hint=${h.kind}|${h.status}`,
          `hint=${h.kind}|${here}`,
          `hint|${here}`,
        )
      }
    }
    if (sentence.index === 0) f.push('first')
    if (sighting.viaPronoun) f.push('pronoun')
    let persons = 0
    let orgs = 0
    for (let i = 0; i < tokens.length; i++) {
      const t = (tokens[i] as MoveToken).text
      if (t === '<person>') persons++
      else if (t === '<org>') orgs++
      if (i === at) continue
      const rel = i < at ? 'L' : 'R'
      const d = Math.abs(i - at)
      const shown = t === '<person>' ? '<per>' : t
      f.push(`w=${shown}`)
      const s = stem(shown)
      if (s !== shown) f.push(`s=${s}`)
      if (d <= 3) f.push(`${rel}${d}=${shown}`)
      if (d <= 8) {
        f.push(`${rel}b=${shown}`)
        if (s !== shown) f.push(`${rel}s=${s}`)
      }
      if (i + 1 < tokens.length) {
        const next = (tokens[i + 1] as MoveToken).text
        f.push(`bg=${shown}_${i + 1 === at ? '<p>' : next === '<person>' ? '<per>' : next}`)
      }
    }
    f.push(`npers=${Math.min(persons, 3)}`, `norgs=${Math.min(orgs, 3)}`)
    const me = tokens[at] as MoveToken
    const facts = this.sentenceFacts(sentence)
    for (const cue of facts.cues) f.push(`cue=${cue}`)
    for (const hit of facts.triggers) {
      const side = hit.start >= me.end ? 'after' : hit.end <= me.start ? 'before' : 'on'
      const gap = side === 'after' ? hit.start - me.end : side === 'before' ? me.start - hit.end : 0
      const near = gap < 25 ? 'near' : gap < 80 ? 'mid' : 'far'
      f.push(`tf=${hit.frame}`, `tf=${hit.frame}|${side}`, `tf=${hit.frame}|${side}|${near}`)
      if (hit.kind !== null) f.push(`tk=${hit.kind}|${side}`)
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as MoveToken
      if (t.text !== '<org>') continue
      const side = i < at ? 'before' : 'after'
      const prev = i > 0 ? (tokens[i - 1] as MoveToken).text : '^'
      const next = i + 1 < tokens.length ? (tokens[i + 1] as MoveToken).text : '$'
      f.push(`org|${side}|prev=${prev}`, `org|${side}|next=${next}`)
      for (const m of this.markers(sentence, t)) f.push(`org|${side}|${m}`)
    }
    return f
  }

  /** Features of one organisation as a filler of the move the person's `best` sighting states. */
  slotFeatures(
    person: PersonCandidate,
    best: PersonSighting,
    org: OrgCandidate,
    kind: string,
  ): string[] {
    const f: string[] = []
    for (const h of this.hintsOf(person)) {
      if (h.to === org.key) f.push(`hint-to|${h.kind}`)
      if (h.from === org.key) f.push(`hint-from|${h.kind}`)
    }
    const place = closestPlace(org, best)
    const sentence = place.sentence
    const token = sentence.tokens[place.token] as MoveToken
    const where =
      sentence === best.sentence
        ? 'same'
        : person.sightings.some((s) => s.sentence === sentence)
          ? 'person'
          : Math.abs(sentence.index - best.sentence.index) === 1
            ? 'next'
            : 'other'
    f.push(`loc=${where}`)
    if (sentence.index === 0) f.push('org-first')
    if (this.candidates.orgs.length === 1) f.push('only-org')
    f.push(`places=${Math.min(org.places.length, 3)}`)
    f.push(`kb=${org.entityId === null ? 'no' : 'yes'}`)
    const tokens = sentence.tokens
    const prev = (k: number) => (tokens[place.token - k] as MoveToken | undefined)?.text ?? '^'
    const next = (k: number) => (tokens[place.token + k] as MoveToken | undefined)?.text ?? '$'
    f.push(
      `o-1=${prev(1)}`,
      `o-2=${prev(2)}_${prev(1)}`,
      `o+1=${next(1)}`,
      `o+2=${next(1)}_${next(2)}`,
    )
    for (const m of this.markers(sentence, token)) f.push(`mk=${m}`)
    if (where === 'same') {
      const me = best.token
      const side = place.token < me ? 'before' : 'after'
      const d = Math.abs(place.token - me)
      f.push(
        `side=${side}`,
        `dist=${side}|${d <= 1 ? 1 : d <= 3 ? 3 : d <= 6 ? 6 : d <= 12 ? 12 : 99}`,
      )
      const [lo, hi] = place.token < me ? [place.token, me] : [me, place.token]
      for (let i = lo + 1; i < hi && i - lo <= 12; i++) {
        const t = (tokens[i] as MoveToken).text
        f.push(`bt=${t}`)
        const s = stem(t)
        if (s !== t) f.push(`bts=${s}`)
      }
      for (const hit of this.sentenceFacts(sentence).triggers) {
        const o =
          hit.start >= token.end ? 'org-before' : hit.end <= token.start ? 'org-after' : 'on'
        const p = hit.start >= (tokens[me] as MoveToken).end ? 'p-before' : 'p-after'
        f.push(`tr=${hit.frame}|${o}`, `tr=${hit.frame}|${o}|${p}`)
      }
    }
    // The same evidence reads differently for each kind ("from X" is the origin of a hire).
    return [...f, ...f.map((x) => `${kind}|${x}`)]
  }

  private sentenceFacts(sentence: TokenizedSentence): SentenceFacts {
    let facts = this.facts.get(sentence)
    if (facts === undefined) {
      facts = readFacts(sentence.span.text, sentence.span.start, this.patterns)
      this.facts.set(sentence, facts)
    }
    return facts
  }

  /** Cue lexicon hits in the few characters before an organisation ("from", "ex-", "bei"). */
  private markers(sentence: TokenizedSentence, token: MoveToken): string[] {
    const before = this.candidates.text.slice(
      Math.max(sentence.span.start, token.start - 30),
      token.start,
    )
    const out: string[] = []
    if (endsWith(this.patterns.fromMarker, before)) out.push('from')
    if (endsWith(this.patterns.toMarker, before)) out.push('to')
    if (testPattern(this.patterns.pastMarker, before)) out.push('past')
    return out
  }
}

function readFacts(text: string, offset: number, patterns: MovePatterns): SentenceFacts {
  const triggers: TriggerHit[] = []
  for (const rule of patterns.triggers) {
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      if (m[0] === '') {
        rule.pattern.lastIndex++
        continue
      }
      triggers.push({
        frame: rule.frame,
        kind: rule.kind ?? null,
        start: offset + m.index,
        end: offset + m.index + m[0].length,
      })
    }
    rule.pattern.lastIndex = 0
  }
  const cues: string[] = []
  if (patterns.rumor.some((p) => testPattern(p, text))) cues.push('rumor')
  if (patterns.weakRumor.some((p) => testPattern(p, text))) cues.push('weak-rumor')
  if (patterns.denial.some((p) => testPattern(p, text))) cues.push('denial')
  if (patterns.veto.some((p) => testPattern(p, text))) cues.push('veto')
  if (patterns.background.some((p) => testPattern(p, text))) cues.push('background')
  if (testPattern(patterns.official, text)) cues.push('official')
  if (testPattern(patterns.speech, text)) cues.push('speech')
  if (testPattern(patterns.anonymous, text)) cues.push('anonymous')
  if (testPattern(patterns.copula, text)) cues.push('copula')
  if (patterns.roleVerbPhrase.some((p) => testPattern(p, text))) cues.push('role-verb')
  return { triggers, cues }
}

/** The place of an organisation nearest to the person's sighting (same sentence first). */
function closestPlace(org: OrgCandidate, best: PersonSighting): OrgCandidate['places'][number] {
  let chosen = org.places[0] as OrgCandidate['places'][number]
  let score = Number.POSITIVE_INFINITY
  for (const place of org.places) {
    const s =
      place.sentence === best.sentence
        ? Math.abs(place.token - best.token)
        : 1000 * Math.abs(place.sentence.index - best.sentence.index) + place.token
    if (s < score) {
      score = s
      chosen = place
    }
  }
  return chosen
}

/** A crude stem shared by inflected forms ("wechselt", "wechselte" → "wechse"). */
function stem(word: string): string {
  return word.length > 6 ? word.slice(0, 6) : word
}

function endsWith(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  let hit = false
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++
      continue
    }
    if (text.slice(m.index + m[0].length).trim().length <= 2) hit = true
  }
  pattern.lastIndex = 0
  return hit
}
