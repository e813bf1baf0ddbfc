import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { EntityMention } from '../entities/mention-types.js'
import type { RoleHit } from './find-roles.js'
import { type MovePatterns, testPattern } from './pattern-types.js'
import {
  type OrgRef,
  type SentenceContext,
  type Span,
  type TriggerHit,
  within,
} from './sentence-context.js'
import type { MoveKind, RoleNormalized } from './types.js'

/** A move as read from one sentence, before statuses, dates and article-level merging. */
export interface DraftMove {
  readonly person: EntityMention
  readonly kind: MoveKind
  readonly from: OrgRef | null
  readonly to: OrgRef | null
  readonly role: { readonly text: string; readonly normalized: RoleNormalized } | null
  readonly sentenceIndex: number
  readonly triggerStart: number
  readonly triggerEnd: number
  readonly confidence: number
  /** Read from a removal ("was ousted", "OpenAI fired X"): a change of its own, not the first half of a move elsewhere. */
  readonly forced: boolean
}

/** What the reader needs from the article around the sentence. */
export interface ArticleState {
  readonly text: string
  readonly lang: string
  readonly kb: KnowledgeBase
  readonly patterns: MovePatterns
  /** Every person mention of the article, for pronouns. */
  readonly persons: readonly EntityMention[]
  /** Organisations named before this sentence. */
  readonly history: readonly OrgRef[]
  readonly sentenceIndex: number
}

interface Member {
  readonly person: EntityMention
  readonly group: number
}

interface Affiliation {
  readonly org: OrgRef | null
  readonly role: RoleHit | null
  readonly past: boolean
  /** From a relative clause that says the person joined ("who joined from OpenAI in June"). */
  readonly joined: boolean
  readonly postZone: Span | null
}

const ROLE_VERB_HEAD: RoleNormalized = 'head'

/**
 * Reads the moves one sentence states: for every trigger that is not background, the people who
 * move (the subject list before it, the object list after it, pronouns resolved to the last person
 * named), then the organisations they leave and join and the role, from the trigger's object, the
 * people's descriptors ("OpenAI's chief scientist", "ex-Google", ", alle zuvor bei Meta,") and the
 * sentence's background clauses.
 *
 * @example
 * readSentence(ctx, state) // [{ person: { canonical: 'Ilya Sutskever', ... }, kind: 'departure', from: { canonical: 'OpenAI', ... }, ... }]
 */
export function readSentence(ctx: SentenceContext, state: ArticleState): DraftMove[] {
  if (ctx.vetoed) return []
  const reader = new SentenceReader(ctx, state)
  return reader.read()
}

class SentenceReader {
  readonly #ctx: SentenceContext
  readonly #state: ArticleState
  readonly #members: Member[]
  readonly #groups: Member[][]
  readonly #claimed = new Set<number>()

  constructor(ctx: SentenceContext, state: ArticleState) {
    this.#ctx = ctx
    this.#state = state
    this.#members = []
    this.#groups = []
    this.#buildGroups()
  }

  read(): DraftMove[] {
    const moves: DraftMove[] = []
    const live = this.#ctx.triggers.filter((t) => !t.background)
    // Leave triggers first: the organisation they leave is not the one founded or joined later
    // in the clause ("verlässt GitHub, um ein eigenes Startup zu gründen").
    const ordered = [...live].sort((a, b) => rank(a) - rank(b) || a.start - b.start)
    for (const trigger of ordered) moves.push(...this.#readTrigger(trigger))
    return moves
  }

  // ---- people -------------------------------------------------------------------------------

  #buildGroups(): void {
    const { text } = this.#state
    let previous: EntityMention | null = null
    for (const person of this.#ctx.persons) {
      if (within(this.#ctx.background, person.start, person.end)) continue
      if (this.#isPossessor(person)) continue
      const gap = previous === null ? '' : text.slice(previous.end, person.start)
      const joins =
        previous !== null &&
        gap.length < 110 &&
        /(?:^|[\s,])(?:and|und|sowie|&|as well as)\s|,/u.test(gap) &&
        // A trigger inside a relative clause ("who ... has since become an investor") splits no list.
        !this.#ctx.triggers.some(
          (t) => !t.background && t.start >= (previous?.end ?? 0) && t.end <= person.start,
        ) &&
        !this.#ctx.strongBreaks.some(
          (b) => b >= (previous?.end ?? 0) && b < person.start && !within(this.#ctx.background, b),
        ) &&
        // "a new role reporting directly to Sundar Pichai": a name after a preposition is no list item.
        !this.#afterPreposition(person) &&
        // "Fidji Simo, OpenAI's CEO of applications, said that Zoph ...": the speaker is no list item.
        !this.#ctx.speech.some((s) => s.start >= (previous?.end ?? 0) && s.end <= person.start)
      if (!joins) this.#groups.push([])
      const member: Member = { person, group: this.#groups.length - 1 }
      this.#groups.at(-1)?.push(member)
      this.#members.push(member)
      previous = person
    }
  }

  /** "Elon Musk's AI company": the possessor is not the mover. */
  #isPossessor(person: EntityMention): boolean {
    const after = this.#state.text.slice(person.end, person.end + 12)
    return /^(?:'s|’s|')\s+\p{L}/u.test(after) && !/^(?:'s|’s)\s+own\b/u.test(after)
  }

  #afterPreposition(person: EntityMention): boolean {
    const before = this.#state.text.slice(
      Math.max(this.#ctx.sentence.start, person.start - 20),
      person.start,
    )
    const word = /([\p{L}]+)\s+$/u.exec(before)?.[1]
    return (
      word !== undefined &&
      (matchesWhole(this.#state.patterns.prepositionBefore, word) ||
        matchesWhole(this.#state.patterns.comitativeBefore, word))
    )
  }

  /** A name right after a preposition or "as" anywhere in the article ("same day as Murati"). */
  #objectOfPreposition(person: EntityMention): boolean {
    const before = this.#state.text.slice(Math.max(0, person.start - 20), person.start)
    const word = /([\p{L}]+)\s+$/u.exec(before)?.[1]
    if (word === undefined) return false
    return (
      /^(?:as|als|wie)$/iu.test(word) ||
      matchesWhole(this.#state.patterns.prepositionBefore, word) ||
      matchesWhole(this.#state.patterns.comitativeBefore, word)
    )
  }

  /** The word before a group: a preposition makes it no subject ("nach Murati", "by Jarek"). */
  #prepositionOf(group: readonly Member[], trigger: TriggerHit): 'prep' | 'with' | null {
    const first = group[0]
    if (first === undefined) return null
    const before = this.#state.text.slice(
      Math.max(this.#ctx.sentence.start, first.person.start - 25),
      first.person.start,
    )
    const word = /([\p{L}]+)\s+$/u.exec(before)
    if (word === null) return null
    const wordStart = first.person.start - word[0].length
    if (wordStart >= trigger.start && wordStart < trigger.end) return null
    if (
      matchesWhole(this.#state.patterns.comitativeBefore, word[1] ?? '') ||
      /(?:together|along) with\s+$|(?:zusammen|gemeinsam) mit\s+$/iu.test(before)
    ) {
      return 'with'
    }
    return matchesWhole(this.#state.patterns.prepositionBefore, word[1] ?? '') ? 'prep' : null
  }

  /**
   * "takes over as CEO after Daniel Gross leaves": "after", "before", "since", "until" before a
   * name that a verb follows open a clause, and the name is its subject, not a preposition's object.
   */
  #afterConjunction(group: readonly Member[]): boolean {
    const first = group[0]
    if (first === undefined) return false
    const before = this.#state.text.slice(
      Math.max(this.#ctx.sentence.start, first.person.start - 12),
      first.person.start,
    )
    return /(?<![\p{L}])(?:after|before|since|until|once)\s+$/iu.test(before)
  }

  /** The group stands right after another trigger of the sentence ("joined Mira Murati in ..."). */
  #objectOfTrigger(group: readonly Member[], trigger: TriggerHit): boolean {
    const first = group[0]
    if (first === undefined) return false
    return this.#ctx.triggers.some(
      (t) =>
        t !== trigger &&
        !t.background &&
        t.end <= first.person.start &&
        /^\s+$/u.test(this.#state.text.slice(t.end, first.person.start)),
    )
  }

  #isSpeaker(group: readonly Member[]): boolean {
    const first = group[0]
    const last = group.at(-1)
    if (first === undefined || last === undefined) return false
    const before = this.#state.text.slice(
      Math.max(this.#ctx.sentence.start, first.person.start - 16),
      first.person.start,
    )
    const after = this.#state.text.slice(last.person.end, last.person.end + 14)
    const speech = this.#state.patterns.speech
    return endsWith(speech, before) || startsWith(speech, after)
  }

  #movers(trigger: TriggerHit): EntityMention[] {
    const side = trigger.rule.mover
    const lang = this.#state.lang
    const order: ('before' | 'after')[] =
      side === 'before'
        ? ['before']
        : side === 'after'
          ? ['after']
          : side === 'afterFirst'
            ? ['after', 'before']
            : lang === 'de'
              ? ['before', 'after']
              : ['before']
    for (const direction of order) {
      const found =
        direction === 'before' ? this.#before(trigger) : this.#after(trigger, side === 'either')
      if (found.length > 0) return found
    }
    return []
  }

  #before(trigger: TriggerHit): EntityMention[] {
    let best: Member[] | null = null
    for (const group of this.#groups) {
      const last = group.at(-1)
      if (last === undefined || last.person.end > trigger.start) continue
      if (this.#breakBetween(last.person.end, trigger.start)) continue
      if (this.#prepositionOf(group, trigger) !== null && !this.#afterConjunction(group)) continue
      // "he joined Mira Murati in founding Thinking Machines": the object of another verb is not
      // the subject of this one.
      if (this.#objectOfTrigger(group, trigger)) continue
      // "Jensen Huang ... said AI agents will become ...": the clause after a speech verb has its
      // own subject (a pronoun, "said he is leaving", is handled below).
      const text = this.#state.text
      const speechVerb = (s: Span) =>
        !/^(?:laut|so|according to)$/iu.test(text.slice(s.start, s.end))
      if (
        this.#ctx.speech.some(
          (s) => s.start >= last.person.end && s.end <= trigger.start && speechVerb(s),
        )
      )
        continue
      best = group
    }
    const bestEnd = best?.at(-1)?.person.end ?? -1
    // A pronoun nearer to the trigger than any name stands for the last person named.
    const pronoun = [...this.#ctx.pronouns]
      .reverse()
      .find(
        (p) =>
          p.end <= trigger.start && p.start > bestEnd && !this.#breakBetween(p.end, trigger.start),
      )
    if (pronoun !== undefined) {
      const antecedent = [...this.#state.persons].reverse().find(
        (m) =>
          m.end <= pronoun.start &&
          !this.#isPossessor(m) &&
          !within(this.#ctx.background, m.start, m.end) &&
          // "... on the same day as Murati. ... he became": an object is no antecedent.
          !this.#objectOfPreposition(m),
      )
      return antecedent === undefined ? [] : [antecedent]
    }
    return best === null ? [] : best.map((m) => m.person)
  }

  #after(trigger: TriggerHit, near: boolean): EntityMention[] {
    for (const group of this.#groups) {
      const first = group[0]
      if (first === undefined || first.person.start < trigger.end) continue
      if (this.#breakBetween(trigger.end, first.person.start)) return []
      if (near && first.person.start - trigger.end > 45) return []
      if (this.#prepositionOf(group, trigger) !== null || this.#isSpeaker(group)) continue
      return group.map((m) => m.person)
    }
    return []
  }

  #breakBetween(from: number, to: number): boolean {
    return this.#ctx.strongBreaks.some(
      (b) => b >= from && b < to && !within(this.#ctx.background, b),
    )
  }

  /** People named after "with"/"mit" in the clause of a founding: co-founders. */
  #cofounders(trigger: TriggerHit): EntityMention[] {
    const start = this.#clauseStart(trigger.start)
    const end = this.#clauseEnd(trigger.end, true)
    return this.#groups
      .filter((g) => {
        const first = g[0]
        return (
          first !== undefined &&
          first.person.start >= start &&
          first.person.start < end &&
          this.#prepositionOf(g, trigger) === 'with'
        )
      })
      .flatMap((g) => g.map((m) => m.person))
  }

  // ---- clauses ------------------------------------------------------------------------------

  #clauseStart(at: number): number {
    let start = this.#ctx.sentence.start
    for (const b of this.#ctx.strongBreaks)
      if (b < at && !within(this.#ctx.background, b)) start = b
    return start
  }

  #clauseEnd(at: number, strongOnly = false): number {
    const breaks = strongOnly
      ? this.#ctx.strongBreaks
      : [...this.#ctx.strongBreaks, ...this.#ctx.weakBreaks]
    let end = this.#ctx.sentence.end
    for (const b of breaks) if (b >= at && b < end && !within(this.#ctx.background, b)) end = b
    return end
  }

  // ---- descriptors --------------------------------------------------------------------------

  #affiliation(person: EntityMention): Affiliation {
    const own = this.#ownAffiliation(person)
    const member = this.#members.find((m) => m.person === person)
    if (member === undefined || own.org !== null) return own
    const group = this.#groups[member.group] ?? []
    const first = group[0]
    const last = group.at(-1)
    // ", alle zuvor bei Meta," / ", who both came from Meta" after the last name is everyone's.
    if (last !== undefined && last.person !== person) {
      const shared = this.#ownAffiliation(last.person)
      const post = shared.postZone
      if (shared.org !== null && post !== null && shared.org.start >= post.start) {
        const zone = this.#state.text.slice(post.start, post.end)
        if (
          testPattern(this.#state.patterns.sharedMarker, zone) ||
          within(this.#ctx.relatives, post.start + 1)
        ) {
          return { ...shared, role: own.role }
        }
      }
    }
    // "Inflection AI co-founders Mustafa Suleyman and Karén Simonyan": the lead descriptor is
    // shared unless the later name has a role of its own ("investor Daniel Gross").
    if (
      first !== undefined &&
      first.person !== person &&
      (own.role === null || own.role.normalized === 'founder')
    ) {
      const lead = this.#ownAffiliation(first.person)
      if (lead.org !== null && lead.org.end <= first.person.start)
        return { ...lead, role: own.role, postZone: own.postZone }
    }
    return own
  }

  #ownAffiliation(person: EntityMention): Affiliation {
    const { text } = this.#state
    const ctx = this.#ctx
    let preStart = ctx.sentence.start
    for (const b of ctx.strongBreaks) if (b < person.start) preStart = Math.max(preStart, b)
    for (const t of ctx.triggers)
      if (t.end <= person.start && !t.background) preStart = Math.max(preStart, t.end)
    for (const p of ctx.persons) if (p.end <= person.start) preStart = Math.max(preStart, p.end)
    for (const s of ctx.speech) if (s.end <= person.start) preStart = Math.max(preStart, s.end)
    // In a list, the words before ", and" describe the previous name ("Kevin Weil, an executive at
    // Planet Labs, as CPO, and Sarah Friar").
    // "Alexandr Wang joins Meta and Jason Droege becomes CEO": after a trigger, the words before
    // "and" are its object, not a descriptor of the next name.
    const listed = (
      preStart > ctx.sentence.start && ctx.triggers.some((t) => t.end === preStart)
        ? /^[\s\S]*(?:,\s*|\s)(?:and|und|sowie)\s/u
        : /^[\s\S]*,\s*(?:and|und|sowie)\s/u
    ).exec(text.slice(preStart, person.start))
    if (listed !== null) preStart += listed[0].length
    const pre: Span = { start: preStart, end: person.start }
    const post = this.#postZone(person)
    const inZone = <T extends Span>(items: readonly T[], zone: Span | null) =>
      zone === null ? [] : items.filter((x) => x.start >= zone.start && x.end <= zone.end)
    const preOrg = inZone(ctx.orgs, pre).at(-1) ?? null
    const postOrgs = inZone(ctx.orgs, post)
    let postOrg = postOrgs[0] ?? null
    // "the co-founder of DeepMind and of chatbot startup Inflection AI": of one role's companies
    // listed in turn, the last is the latest.
    for (const next of postOrgs.slice(1)) {
      if (postOrg === null) break
      const gap = text.slice(postOrg.end, next.start)
      if (!/^\s+(?:and|und)\s+(?:of|von|des|der)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(gap)) break
      postOrg = next
    }
    const org = preOrg ?? postOrg
    const role = inZone(ctx.roles, pre).at(-1) ?? inZone(ctx.roles, post)[0] ?? null
    const zoneText =
      text.slice(pre.start, pre.end) + (post === null ? '' : text.slice(post.start, post.end))
    const joined =
      post !== null &&
      postOrg !== null &&
      preOrg === null &&
      /\b(?:joined|came|moved)\b|(?<![\p{L}])(?:kam|wechselte|gewechselt)(?![\p{L}])/iu.test(
        text.slice(post.start, post.end),
      )
    return {
      org,
      role,
      past: testPattern(this.#state.patterns.pastMarker, zoneText),
      joined,
      postZone: post,
    }
  }

  /** ", OpenAI's chief research officer," / ", who ran Apple's foundation models team," after a name. */
  #postZone(person: EntityMention): Span | null {
    const { text } = this.#state
    const ctx = this.#ctx
    const relative = ctx.relatives.find((r) => r.start >= person.end && r.start - person.end <= 1)
    if (relative !== undefined) return relative
    const after = text.slice(person.end, ctx.sentence.end)
    if (!/^\s*,/u.test(after)) return null
    const start = person.end + after.indexOf(',') + 1
    const rest = text.slice(start, ctx.sentence.end)
    const stop = /[,;:]|\s[–—]\s/u.exec(rest)
    let end = stop === null ? ctx.sentence.end : start + stop.index
    // "a researcher who worked with Sutskever at OpenAI": a name after a preposition is part of it.
    const nextPerson = ctx.persons.find(
      (p) => p.start >= start && p.start < end && !this.#afterPreposition(p),
    )
    if (nextPerson !== undefined) end = nextPerson.start
    if (ctx.triggers.some((t) => t.start >= start && t.end <= end && !t.background)) return null
    return { start, end }
  }

  /** Organisations preceded by a marker ("from", "zu") within a few words. */
  #marked(org: OrgRef, marker: RegExp, words = 3): boolean {
    const before = this.#state.text.slice(
      Math.max(this.#ctx.sentence.start, org.start - 40),
      org.start,
    )
    const source = marker.source
    const re = new RegExp(`(?:${source})(?:[\\s-]+[\\p{L}]+){0,${words}}[\\s-]*$`, 'iu')
    return re.test(before)
  }

  #orgsIn(start: number, end: number): OrgRef[] {
    return this.#ctx.orgs.filter(
      (o) => o.start >= start && o.end <= end && !within(this.#ctx.background, o.start, o.end),
    )
  }

  /** Organisations named in background leave clauses ("nach ihrem Abschied von Adept"). */
  #fromHint(): OrgRef | null {
    for (const span of this.#ctx.background) {
      const piece = this.#state.text.slice(span.start, span.end)
      if (
        !/leaving|left|departure|exit|quitting|Abschied|Abgang|Weggang|Ausstieg|verlassen|verließ/iu.test(
          piece,
        )
      )
        continue
      const org = this.#ctx.orgs.find((o) => o.start >= span.start && o.end <= span.end)
      if (org !== undefined) return org
    }
    return null
  }

  #newRole(start: number, end: number, exclude: Span | null): DraftMove['role'] {
    const { text, patterns } = this.#state
    for (const role of this.#ctx.roles) {
      if (role.start < start || role.end > end) continue
      if (exclude !== null && role.start >= exclude.start && role.end <= exclude.end) continue
      const before = text.slice(Math.max(this.#ctx.sentence.start, role.start - 40), role.start)
      if (
        patterns.newRoleMarker.test(before) ||
        /(?:'s|’s)\s+(?:(?:new|first|next|interim)\s+)*$/u.test(before)
      ) {
        return { text: role.text, normalized: role.normalized }
      }
    }
    for (const pattern of patterns.roleVerbPhrase) {
      pattern.lastIndex = 0
      const slice = text.slice(start, end)
      const match = pattern.exec(slice)
      pattern.lastIndex = 0
      if (match !== null)
        return { text: match[0].replace(/^(?:to|will)\s+/u, ''), normalized: ROLE_VERB_HEAD }
    }
    return null
  }

  // ---- triggers -----------------------------------------------------------------------------

  #readTrigger(trigger: TriggerHit): DraftMove[] {
    const { rule } = trigger
    const { text, patterns } = this.#state
    if (rule.needsOrgRightAfter) {
      const gap = /^\s*/u.exec(text.slice(trigger.end))?.[0].length ?? 0
      if (!this.#ctx.orgs.some((o) => o.start === trigger.end + gap && !o.anaphor)) return []
    }
    if (rule.needsOrgAfter) {
      const next = this.#ctx.orgs.find((o) => o.start >= trigger.end && o.start - trigger.end <= 30)
      if (
        next === undefined ||
        startsWith(patterns.productAfter, text.slice(next.end, next.end + 20).trimStart())
      )
        return []
    }
    const movers = this.#movers(trigger)
    const moves: DraftMove[] = []
    for (const person of unique(movers)) {
      const move = this.#readMove(trigger, person)
      if (move !== null) moves.push(move)
    }
    // Co-founders named after "with" share the company, not the lead founder's origin.
    if (rule.frame === 'found' && moves.length > 0) {
      for (const person of this.#cofounders(trigger)) {
        if (movers.includes(person)) continue
        const lead = moves[0] as DraftMove
        const aff = this.#affiliation(person)
        // "co-found Mistral AI with Lample": the company before "with" is not where Lample came from.
        const gap = aff.org === null ? '' : this.#state.text.slice(aff.org.end, person.start)
        const own =
          aff.org !== null &&
          aff.org.canonical !== lead.to?.canonical &&
          !/(?<![\p{L}])(?:with|mit)(?![\p{L}])/iu.test(gap)
        // "launches Thinking Machines Lab with John Schulman as chief scientist": hired into a
        // role at the new company, not one of its founders.
        const hired =
          lead.to !== null &&
          /^\s+(?:as|als)\s/iu.test(this.#state.text.slice(person.end, person.end + 6))
        moves.push(
          this.#draft(person, trigger, {
            kind: hired ? 'hire' : 'founding',
            from: own ? aff.org : null,
            to: lead.to,
            role: hired
              ? roleOf(this.#newRole(person.end, this.#clauseEnd(person.end), null))
              : null,
          }),
        )
      }
    }
    return moves
  }

  #readMove(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    switch (trigger.rule.frame) {
      case 'leave':
        return this.#leave(trigger, person)
      case 'join':
        return this.#join(trigger, person)
      case 'found':
        return this.#found(trigger, person)
      case 'become':
        return this.#become(trigger, person)
      case 'hireBy':
        return this.#hireBy(trigger, person)
      case 'fireBy':
        return this.#fireBy(trigger, person)
    }
  }

  #draft(
    person: EntityMention,
    trigger: TriggerHit,
    fields: Pick<DraftMove, 'kind' | 'from' | 'to' | 'role'>,
  ): DraftMove {
    let confidence = 0.55
    if (fields.from !== null || fields.to !== null) confidence += 0.15
    if (fields.from !== null && fields.to !== null) confidence += 0.1
    if (fields.role !== null) confidence += 0.05
    // An organisation taken from earlier sentences, or standing behind "the company", is a guess
    // about attachment: another reading of the same person with a named organisation wins.
    for (const org of [fields.from, fields.to]) {
      if (org === null) continue
      if (org.start < this.#ctx.sentence.start) confidence -= 0.1
      else if (org.anaphor) confidence -= 0.05
    }
    confidence += (person.confidence - 0.5) * 0.2
    return {
      person,
      ...fields,
      sentenceIndex: this.#state.sentenceIndex,
      triggerStart: trigger.start,
      triggerEnd: trigger.end,
      forced: fields.kind === 'departure' && isRemoval(trigger),
      confidence: Math.max(0.1, Math.min(0.95, Number(confidence.toFixed(2)))),
    }
  }

  #leave(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const { text, lang } = this.#state
    const end = this.#clauseEnd(trigger.end)
    const aff = this.#affiliation(person)
    const nominal = trigger.rule.mover === 'after' || person.start > trigger.end
    let from: OrgRef | null = null
    if (!nominal || trigger.rule.mover !== 'after') {
      // German verb-final clauses put the object before the verb: "hat Google verlassen".
      if (lang === 'de') from = this.#orgsIn(person.end, trigger.start).at(-1) ?? null
      from ??=
        this.#orgsIn(trigger.objStart, end).find(
          (o) => !this.#marked(o, /(?<![\p{L}])(?:for|zu|zum|zur)/u, 1),
        ) ?? null
    }
    from ??=
      aff.org ??
      this.#fromHint() ??
      this.#nearestBefore(person) ??
      this.#onlyOrg() ??
      this.#context()
    if (from !== null) this.#claimed.add(from.start)
    // "leaves X for Y", "zu Y wechseln": one hire.
    const dest = this.#orgsIn(Math.max(trigger.end, from?.end ?? 0), end).find((o) =>
      this.#marked(o, lang === 'de' ? /(?<![\p{L}])(?:zu|zum|zur)/u : /(?<![\p{L}])for/u, 1),
    )
    const asRole = this.#ctx.roles.find(
      (r) =>
        r.start >= trigger.start &&
        r.end <= end &&
        /(?:\bas|\bals)\s+(?:\S+\s+){0,3}$/iu.test(
          text.slice(Math.max(trigger.start, r.start - 30), r.start),
        ),
    )
    const relativeRole = this.#ctx.roles.find(
      (r) => r.start >= trigger.end && within(this.#ctx.relatives, r.start, r.end),
    )
    const roleHit = asRole ?? aff.role ?? relativeRole ?? this.#unclaimedRole()
    const role =
      roleHit === null || roleHit === undefined
        ? null
        : { text: roleHit.text, normalized: roleHit.normalized }
    if (dest !== undefined && dest.canonical !== from?.canonical) {
      return this.#draft(person, trigger, { kind: 'hire', from, to: dest, role: null })
    }
    return this.#draft(person, trigger, { kind: 'departure', from, to: null, role })
  }

  #join(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const { lang, patterns } = this.#state
    const end = this.#clauseEnd(trigger.end)
    const after = this.#orgsIn(trigger.objStart, end).filter((o) => !this.#claimed.has(o.start))
    const before =
      lang === 'de'
        ? this.#orgsIn(person.end, trigger.start).filter((o) => !this.#claimed.has(o.start))
        : []
    // "is joining him as chief scientist of the new unit", "joined Mira Murati in founding ...":
    // joining a person names no employer, unless one follows with "at" ("joins Altman at OpenAI").
    const personObject = this.#personObject(trigger)
    const candidates = [...after, ...before.reverse()].filter(
      (o) => !personObject || this.#marked(o, /(?<![\p{L}])(?:at|bei|beim)/u, 1),
    )
    let to =
      candidates.find((o) => this.#marked(o, patterns.toMarker)) ??
      candidates.find((o) => !this.#marked(o, patterns.fromMarker)) ??
      null
    // "has joined as chief scientist": no object, a role; the company is the one the story is
    // about, named in the sentences before.
    if (
      to === null &&
      !personObject &&
      /^\s+(?:as|als)\s/iu.test(this.#state.text.slice(trigger.end, trigger.end + 5))
    )
      to = this.#storyOrg()
    if (to === null) return null
    // "Friedman und Gross, Chef des KI-Labors SSI, sollen zu dem Konzern wechseln": the company the
    // movers work for is no destination; "the company" is the one named before the sentence.
    if (to.anaphor && this.#moverOrgs(person).has(to.canonical)) {
      const own = this.#moverOrgs(person)
      to = [...this.#state.history].reverse().find((o) => !own.has(o.canonical)) ?? null
      if (to === null) return null
    }
    const from = this.#origin(person, trigger, to)
    const role = trigger.role ?? this.#newRole(trigger.objStart, end, null)
    return this.#draft(person, trigger, { kind: 'hire', from, to, role: roleOf(role) })
  }

  /** The trigger's object is a person or an object pronoun ("joined Mira Murati", "joining him"). */
  #personObject(trigger: TriggerHit): boolean {
    const { text } = this.#state
    const rest = text.slice(trigger.end, Math.min(this.#ctx.sentence.end, trigger.end + 12))
    if (/^\s+(?:him|her|them|ihm|ihr|ihnen)(?![\p{L}])/iu.test(rest)) return true
    const gap = /^\s+/u.exec(rest)?.[0].length ?? 0
    return this.#ctx.persons.some((p) => p.start === trigger.end + gap && gap > 0)
  }

  /** The organisations the mover and the people listed with them work for, as descriptors say. */
  #moverOrgs(person: EntityMention): Set<string> {
    const member = this.#members.find((m) => m.person === person)
    const group = member === undefined ? [] : (this.#groups[member.group] ?? [])
    const people = group.length > 0 ? group.map((m) => m.person) : [person]
    const orgs = new Set<string>()
    for (const p of people) {
      const org = this.#ownAffiliation(p).org
      if (org !== null) orgs.add(org.canonical)
    }
    return orgs
  }

  #found(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const { lang, patterns } = this.#state
    const end = Math.min(this.#clauseEnd(trigger.end, true), trigger.end + 90)
    const free = (o: OrgRef) => !this.#claimed.has(o.start) && !this.#marked(o, patterns.fromMarker)
    let to = this.#orgsIn(trigger.objStart, end).find(free) ?? null
    if (to === null && lang === 'de') {
      to = this.#orgsIn(person.end, trigger.start).filter(free).at(-1) ?? null
    }
    if (
      to !== null &&
      startsWith(patterns.productAfter, this.#state.text.slice(to.end, to.end + 20).trimStart())
    )
      to = null
    const from = this.#origin(person, trigger, to)
    const role = this.#newRole(trigger.start, this.#clauseEnd(trigger.end), null)
    return this.#draft(person, trigger, { kind: 'founding', from, to, role: roleOf(role) })
  }

  #become(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const { text, patterns, kb } = this.#state
    const end = this.#clauseEnd(trigger.end)
    const aff = this.#affiliation(person)
    const region = this.#orgsIn(trigger.objStart, end).filter(
      (o) => !this.#marked(o, patterns.fromMarker),
    )
    const explicit = region[0] ?? null
    const role =
      trigger.role ??
      this.#newRole(trigger.objStart, end, aff.postZone) ??
      this.#firstRole(trigger.objStart, end)
    // "the PPO algorithm that became a standard tool", "the project that became LaMDA": "become"
    // states a new job only with a role ("takes over as", "übernimmt die Führung" need none).
    if (role === null && /^becom|^became/iu.test(text.slice(trigger.start, trigger.end)))
      return null
    // "Subramanya, a former Gemini engineering lead at Google, becomes vice president of AI": a
    // past employer is where the person comes from, not where the new role is.
    const current = aff.past ? null : aff.org
    const known = this.#knownEmployer(person)
    const employer =
      aff.past && known !== null && aff.org !== null && sameFamily(known, aff.org, kb)
        ? null
        : known
    const past = aff.past ? aff.org : null
    const to = explicit ?? current ?? employer ?? this.#context(trigger.start, past)
    if (to === null) return null
    let kind: MoveKind = trigger.rule.kind ?? 'promotion'
    let from: OrgRef | null = to
    if (aff.past && aff.org !== null && !sameFamily(aff.org, to, kb)) {
      kind = 'hire'
      from = aff.org
    } else if (trigger.rule.kind === undefined) {
      const zone = text.slice(this.#clauseStart(trigger.start), trigger.end)
      if (aff.org !== null && !sameFamily(aff.org, to, kb) && !aff.joined) {
        kind = 'hire'
        from = aff.org
      } else if (/\breturn/iu.test(text.slice(trigger.start, trigger.end))) {
        kind = 'hire'
        from = aff.org
      } else if (
        aff.org === null &&
        explicit !== null &&
        testPattern(patterns.outsiderMarker, zone) &&
        !testPattern(patterns.insiderMarker, zone)
      ) {
        kind = 'hire'
        from = null
      }
    }
    return this.#draft(person, trigger, { kind, from, to, role: roleOf(role) })
  }

  #hireBy(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const { patterns, kb } = this.#state
    const start = this.#clauseStart(trigger.start)
    const end = this.#clauseEnd(person.end)
    const aff = this.#affiliation(person)
    let to =
      this.#orgsIn(start, trigger.start)
        .filter((o) => o.end <= person.start)
        .at(-1) ?? null
    if (to === null) {
      // German inversion: "Angeblich verhandelt SAP mit der Google-Managerin ..."
      const inverted = this.#orgsIn(trigger.end, person.start)
      to =
        inverted.length > 1 || (inverted.length === 1 && aff.org === null)
          ? (inverted[0] ?? null)
          : null
    }
    if (to === null) return null
    const nextMember = this.#groups.flat().find((m) => m.person.start > person.end)
    const roleEnd =
      nextMember !== undefined && nextMember.person.start < end ? nextMember.person.start : end
    const role =
      this.#newRole(
        Math.min(person.end, Math.max(trigger.end, person.end)),
        Math.max(roleEnd, trigger.end),
        aff.postZone,
      ) ??
      (person.end < trigger.start ? this.#newRole(person.end, trigger.end, aff.postZone) : null)
    // "Microsoft hires Inflection founders, names Mustafa Suleyman CEO of Microsoft AI": the
    // organisation of the new role is where the person goes, not the object of the verb before.
    const roleHit = this.#ctx.roles.find(
      (r) =>
        r.start >= person.end &&
        (r.start - person.end <= 3 || (role !== null && r.text === role.text)),
    )
    const roleOrg =
      roleHit === undefined
        ? undefined
        : this.#ctx.orgs.find(
            (o) =>
              !o.anaphor &&
              o.start >= roleHit.end &&
              /^\s+(?:of|at|bei|von)\s+(?:the\s+)?$/iu.test(
                this.#state.text.slice(roleHit.end, o.start),
              ),
          )
    if (roleOrg !== undefined) to = roleOrg
    const explicitFrom = this.#orgsIn(person.end, end).find(
      (o) => o.canonical !== to?.canonical && this.#marked(o, patterns.fromMarker, 1),
    )
    let from: OrgRef | null =
      explicitFrom ??
      (aff.org !== null && aff.org.canonical !== to.canonical ? aff.org : null) ??
      this.#fromHint()
    let kind: MoveKind = trigger.rule.kind ?? 'hire'
    if (trigger.rule.promoteIfSame) {
      const same =
        aff.org !== null ? sameFamily(aff.org, to, kb) || aff.joined : this.#employs(person, to)
      if (same) kind = 'promotion'
    }
    if (kind === 'promotion') from = to
    if (kind === 'hire' && role?.normalized === 'board' && !aff.past) from = null
    return this.#draft(person, trigger, { kind, from, to, role: roleOf(role) })
  }

  #fireBy(trigger: TriggerHit, person: EntityMention): DraftMove | null {
    const aff = this.#affiliation(person)
    const subject =
      this.#orgsIn(this.#clauseStart(trigger.start), trigger.start)
        .filter((o) => o.end <= person.start)
        .at(-1) ?? null
    const from = aff.org ?? subject ?? this.#context(trigger.start)
    return this.#draft(person, trigger, {
      kind: 'departure',
      from,
      to: null,
      role: roleOf(aff.role),
    })
  }

  // ---- fallbacks ----------------------------------------------------------------------------

  #origin(person: EntityMention, trigger: TriggerHit, to: OrgRef | null): OrgRef | null {
    const { patterns } = this.#state
    const start = Math.min(person.start, trigger.start)
    const end = this.#clauseEnd(trigger.end, true)
    const differs = (o: OrgRef | null) => o !== null && o.canonical !== to?.canonical
    const marked = this.#orgsIn(start, end).find(
      (o) => differs(o) && this.#marked(o, patterns.fromMarker),
    )
    if (marked !== undefined) return marked
    // "the OpenAI co-founder ..., has joined as chief scientist, after leaving Anthropic": the
    // company just left says more than a descriptor.
    const hint = this.#fromHint()
    if (differs(hint)) return hint
    const aff = this.#affiliation(person)
    if (differs(aff.org)) return aff.org
    // "Mehrere OpenAI-Forscher heuern bei Meta an, darunter A, B und C": the subject's organisation.
    if (person.start > trigger.end) {
      const subject = this.#orgsIn(this.#clauseStart(trigger.start), trigger.start).find((o) =>
        differs(o),
      )
      if (subject !== undefined) return subject
    }
    return null
  }

  #firstRole(start: number, end: number): RoleHit | null {
    return this.#ctx.roles.find((r) => r.start >= start && r.end <= end) ?? null
  }

  #unclaimedRole(): RoleHit | null {
    const others = this.#ctx.persons
    return (
      this.#ctx.roles.find((r) => {
        const before = this.#state.text.slice(
          Math.max(this.#ctx.sentence.start, r.start - 8),
          r.start,
        )
        return (
          /(?:the|der|die)\s+$/iu.test(before) &&
          !others.some((p) => Math.abs(p.start - r.end) <= 2 || Math.abs(r.start - p.end) <= 3)
        )
      }) ?? null
    )
  }

  #nearestBefore(person: EntityMention): OrgRef | null {
    return (
      this.#orgsIn(this.#ctx.sentence.start, person.start)
        .filter((o) => !o.anaphor)
        .at(-1) ?? null
    )
  }

  #onlyOrg(): OrgRef | null {
    const named = this.#ctx.orgs.filter(
      (o) => !o.anaphor && !within(this.#ctx.background, o.start, o.end),
    )
    return named.length === 1 ? (named[0] ?? null) : null
  }

  #context(before = this.#ctx.sentence.start, except: OrgRef | null = null): OrgRef | null {
    const earlier = [
      ...this.#state.history,
      ...this.#ctx.orgs.filter((o) => o.end <= before && !o.anaphor),
    ].filter((o) => except === null || o.canonical !== except.canonical)
    for (let k = earlier.length - 1; k >= 0; k--) {
      const o = earlier[k]
      if (o !== undefined && o.entityId !== null) return o
    }
    return earlier.at(-1) ?? null
  }

  /** The last organisation named before the sentence, a known one first. */
  #storyOrg(): OrgRef | null {
    const history = this.#state.history
    for (let k = history.length - 1; k >= 0; k--) {
      const o = history[k]
      if (o !== undefined && o.entityId !== null) return o
    }
    return history.at(-1) ?? null
  }

  /** The knowledge base says the person works for an organisation named in the article. */
  #knownEmployer(person: EntityMention): OrgRef | null {
    const entity =
      person.entityId === null ? undefined : this.#state.kb.entities.get(person.entityId)
    const orgs = entity?.orgs ?? []
    if (orgs.length === 0) return null
    const seen = [...this.#state.history, ...this.#ctx.orgs]
    for (let k = seen.length - 1; k >= 0; k--) {
      const o = seen[k]
      if (o?.entityId != null && orgs.includes(o.entityId)) return o
    }
    return null
  }

  #employs(person: EntityMention, org: OrgRef): boolean {
    const entity =
      person.entityId === null ? undefined : this.#state.kb.entities.get(person.entityId)
    return org.entityId !== null && (entity?.orgs ?? []).includes(org.entityId)
  }
}

/** Same organisation, or one is the parent of the other (Google DeepMind and Google). */
export function sameFamily(a: OrgRef, b: OrgRef, kb: KnowledgeBase): boolean {
  if (a.canonical === b.canonical) return true
  if (a.entityId === null || b.entityId === null) return false
  const parentOf = (id: string) => kb.entities.get(id)?.parent ?? null
  return parentOf(a.entityId) === b.entityId || parentOf(b.entityId) === a.entityId
}

/** Triggers that say someone was removed: "was fired", "ousted", "entlassen". */
function isRemoval(trigger: TriggerHit): boolean {
  return trigger.rule.frame === 'fireBy' || /fired-passive$/u.test(trigger.rule.name)
}

function rank(trigger: TriggerHit): number {
  return trigger.rule.frame === 'leave' ? 0 : 1
}

function roleOf(role: RoleHit | DraftMove['role'] | null | undefined): DraftMove['role'] {
  return role === null || role === undefined
    ? null
    : { text: role.text, normalized: role.normalized }
}

function unique(people: readonly EntityMention[]): EntityMention[] {
  const seen = new Set<string>()
  return people.filter((p) => {
    const key = p.entityId ?? p.canonical
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function matchesWhole(pattern: RegExp, word: string): boolean {
  return new RegExp(`^(?:${pattern.source})$`, 'iu').test(word)
}

function startsWith(pattern: RegExp, text: string): boolean {
  return new RegExp(`^(?:${pattern.source})`, 'iu').test(text)
}

function endsWith(pattern: RegExp, text: string): boolean {
  return new RegExp(`(?:${pattern.source})\\s*$`, 'iu').test(text)
}
