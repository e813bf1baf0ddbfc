import type { EntityMention } from '../entities/mention-types.js'
import type { DraftMove } from './read-sentence.js'
import { mostSalient, type OrgRef, type SentenceContext, within } from './sentence-context.js'
import type { TalentMove } from './types.js'

/** One sentence as the article-level founder pass sees it. */
export interface ReadSentence {
  readonly ctx: SentenceContext
  /** How many moves the sentence itself stated. */
  readonly drafts: number
  /** Organisations named before the sentence. */
  readonly history: readonly OrgRef[]
}

// "Its founders are", "Zu den Gründern gehören": the people named after it founded the company.
const FOUNDERS_CUE: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:co-?founders?|founders?|founding team)(?:\s+(?:are|were|include|included)(?![\p{L}])|\s*:)/iu,
  de: /(?<![\p{L}])(?:(?:zu|unter) den (?:mit)?gründer(?:inne)?n (?:gehören|zählen)|(?:(?:die|seine|ihre|deren|dessen) )?(?:mit)?gründer(?:innen)? sind|(?:mit)?gründer(?:innen)?(?:team)?\s*:)/iu,
}

// "Jane Roe and John Doe are its co-founders", "Anna Weber und Ben Keller sind die Gründer des
// Start-ups": the founders listed before the cue.
const FOUNDERS_AFTER_LIST: Readonly<Record<string, RegExp>> = {
  en: /^\s*(?:are|were) (?:its|the (?:company|startup|lab)(?:'s|’s)|the) (?:co-?)?founders(?![\p{L}])/iu,
  de: /^\s*sind (?:die |seine |ihre |deren )?(?:Mit)?[Gg]ründer(?:innen)?(?: (?:des|der) (?:Start-ups|Startups|Unternehmens|Firma|Labors))?(?![\p{L}])/u,
}

// "The startup was founded by", "Gegründet wurde es von", "Hinter dem Start-up stehen", "Its
// co-founders, ...": a founding told in the passive or as a description, the founders named next.
// Without a founding told elsewhere in the article these are history.
const PASSIVE_CUE: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:(?:was|were|has been|had been) (?:co-?)?founded (?:earlier this (?:year|month) |this (?:year|month) |last (?:year|month) )?by|(?:its|their|the)(?: company(?:'s|’s)| startup(?:'s|’s))? (?:co-?)?founders?,?(?=\s+\p{Lu}))/iu,
  de: /(?<![\p{L}])(?:gegründet (?:wurde (?:es|das Unternehmen|das Start-up|das Startup|die Firma) von|haben (?:es|das Unternehmen|das Start-up|das Startup|die Firma))|(?:wurde|ist) (?:es |das Unternehmen |das Start-up |das Startup |die Firma )?von(?=[^.;]{3,120}gegründet)|hinter (?:dem|der) (?:Unternehmen|Start-up|Startup|Firma|Labor) (?:stehen|stecken)|(?:die|seine|ihre|deren|dessen) (?:Mit)?gründer(?:innen)?(?=,?\s+\p{Lu}))/iu,
}

// A year in the sentence other than the story's: the founding is history ("founded in 2015 by").
const YEAR = /(?<![\p{N}])((?:19|20)\d{2})(?![\p{N}])/gu

// "The company was started by three researchers", "von drei Forschern gegründet": founders who are
// counted, not named; the sentences after it name them.
const COUNTED_FOUNDERS: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:(?:co-?)?founded|started|set up|created) by (?:two|three|four|five|a group of|a team of|\d) (?:[\p{L}-]+ ){0,2}?(?:researchers|engineers|scientists|executives|veterans|alumni|former [\p{L}-]+|colleagues|friends)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:von (?:zwei|drei|vier|fünf|mehreren|\d) (?:[\p{L}-]+ ){0,2}?(?:Forscher(?:inne)?n|Ingenieur(?:inn)?en|Wissenschaftler(?:inne)?n|Managern|Ehemaligen)[^.;]{0,80} gegründet|(?:zwei|drei|vier|fünf|mehrere) (?:[\p{L}-]+ ){0,2}?(?:Forscher|Ingenieure|Wissenschaftler|Manager)[^.;]{0,80} (?:gegründet|gründeten|gründen))(?![\p{L}])/iu,
}

// A founding told in the news: the article must say a company was (just) founded or launched.
const FOUNDING_NEWS: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:co-?found(?:s|ed|ing)|found(?:s|ed|ing)|launch(?:es|ed) (?:on|in|this|last|today|yesterday|with \d)|(?:a|the) new (?:[\p{L}-]+ )?(?:company|startup|start-up|lab|venture)|unveil(?:s|ed) (?:his|her|their) (?:new )?(?:company|startup|lab|venture)|emerg(?:es|ed) from stealth|(?:came|comes) out of stealth|(?:started|set up) by)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:gegründete[nrms]?|gegründet|gründe(?:n|t|te|ten)|Gründung|neue[snm]? (?:[\p{L}-]+ )?(?:[\p{L}]+-)?(?:Start-up|Startup|Unternehmen|Labor|Firma)|an den Start gegangen|an die Öffentlichkeit|aus dem Verborgenen)(?![\p{L}])/iu,
}

// A plural subject opening a clause that tells where the founders come from.
const GROUP_SUBJECT: Readonly<Record<string, RegExp>> = {
  en: /^(?:they|both|all (?:two|three|four|five|of them)|the (?:two|three|four|five) (?:of them|founders|co-founders|researchers|engineers))(?![\p{L}])/iu,
  de: /^(?:sie|beide|alle (?:zwei|drei|vier|fünf)|die (?:beiden|drei|vier|fünf) (?:gründer|forscher|ingenieure))(?![\p{L}])/iu,
}

// Where someone worked before: "previously at", "formerly of", "spent three years at", "come from",
// "waren zuvor bei", "arbeiteten vorher bei", "kommen von".
const PAST_WORK: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:previously|formerly|before that|used to work|worked|(?:was|were) (?:both |all )?(?:at|with)|spent [^,.;]{1,40}? (?:at|with)|come from|comes from|came from|(?:are|were) (?:all )?(?:alumni|veterans) of|ex-)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:zuvor|vorher|früher|davor|bisher|arbeitete(?:n)?|kommen von|kommt von|kamen von|kam von|stammen von|stammt von)(?![\p{L}])/iu,
}

const LIST_GAP = /^(?:\s*(?:,|and|und|sowie|&)\s*)+$/iu

// How many of the sentences after a counted founding may name the founders.
const NAMING_WINDOW = 2
// How many sentences before a founders' list the founding news may be told (besides the headline).
const NEWS_WINDOW = 4

/**
 * Founders named apart from the founding, an article-level reading for new companies:
 * - a founders' list ("Its founders are Jane Roe and John Doe", "Zu den Gründern gehören A, B
 *   und C") in an article that tells a founding is one founding per name, of the company the
 *   article is about;
 * - a founding by counted, unnamed people ("was started by three researchers from X and Y")
 *   followed by sentences that name people and where they worked ("Roe spent three years at
 *   DeepMind") is one founding per person so named.
 * The origin comes from the list's tail ("both formerly of Google"), a following group clause
 * ("Sie waren zuvor bei DeepMind tätig", "; they previously worked at X") or the person's own
 * sentence. People who already have a move in the article are left to it.
 *
 * @example
 * founderGroups(sentences, text, 'de', moved) // [founding of Robin Rombach, Stability AI -> Black Forest Labs, ...]
 */
export function founderGroups(
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
  moved: ReadonlySet<string>,
  publishedAt: string | null = null,
): DraftMove[] {
  const key = lang === 'de' ? 'de' : 'en'
  const out: DraftMove[] = []
  const taken = new Set(moved)
  const add = (
    person: EntityMention,
    from: OrgRef | null,
    to: OrgRef | null,
    index: number,
    cueStart: number,
    cueEnd: number,
  ) => {
    const id = person.entityId ?? person.canonical
    if (taken.has(id)) return
    taken.add(id)
    const orgs = (from === null ? 0 : 1) + (to === null ? 0 : 1)
    out.push({
      person,
      kind: 'founding',
      from,
      to,
      role: null,
      sentenceIndex: index,
      triggerStart: cueStart,
      triggerEnd: cueEnd,
      confidence: 0.55 + (orgs > 0 ? 0.15 : 0) + (orgs > 1 ? 0.1 : 0),
      forced: false,
    })
  }
  sentences.forEach((read, index) => {
    const { ctx } = read
    if (ctx.vetoed || read.drafts > 0) return
    const sentenceText = ctx.sentence.text
    const base = ctx.sentence.start
    const listed = FOUNDERS_CUE[key]?.exec(sentenceText) ?? null
    const passive = listed === null ? (PASSIVE_CUE[key]?.exec(sentenceText) ?? null) : null
    const cue = listed ?? passive
    const cueEnd = cue === null ? 0 : base + cue.index + cue[0].length
    const founders =
      cue === null ||
      !foundingNews(sentences, index, key, passive !== null) ||
      (passive !== null && oldYear(sentenceText, publishedAt))
        ? []
        : listAfter(ctx, text, cueEnd, passive !== null)
    if (cue !== null && founders.length > 0) {
      const last = founders.at(-1) as EntityMention
      const shared =
        originAfter(ctx, text, last.end, key) ??
        clauseOrigin(ctx, text, last.end, key) ??
        groupOrigin(sentences[index + 1], text, key)
      const origins = founders.map(
        (person) => shared ?? personOrigin(sentences, index, text, key, person),
      )
      const company = companyOf(
        ctx,
        read.history,
        base + cue.index,
        shared,
        new Set(origins.flatMap((o) => (o === null ? [] : [o.canonical]))),
      )
      if (!toldFounded(sentences, index, key, company)) return
      founders.forEach((person, k) => {
        add(person, origins[k] ?? null, company, index, base + cue.index, cueEnd)
      })
      return
    }
    const before = foundersBefore(ctx, text, key)
    if (before !== null && foundingNews(sentences, index, key, true)) {
      const last = before.list.at(-1) as EntityMention
      const shared =
        originAfter(ctx, text, before.cueEnd, key) ??
        clauseOrigin(ctx, text, before.cueEnd, key) ??
        groupOrigin(sentences[index + 1], text, key)
      const company = companyOf(ctx, read.history, before.list[0]?.start ?? last.start, shared)
      if (!toldFounded(sentences, index, key, company)) return
      for (const person of before.list) add(person, shared, company, index, last.end, before.cueEnd)
      return
    }
    const counted = COUNTED_FOUNDERS[key]?.exec(sentenceText)
    if (counted === undefined || counted === null) return
    const origins = new Set(
      ctx.orgs.filter((o) => !o.anaphor && o.start >= base + counted.index).map((o) => o.canonical),
    )
    const company = companyOf(ctx, read.history, base + counted.index, null, origins)
    for (let k = index + 1; k <= index + NAMING_WINDOW && k < sentences.length; k++) {
      const next = sentences[k] as ReadSentence
      if (next.drafts > 0) break
      for (const person of next.ctx.persons) {
        const from = originAfter(next.ctx, text, person.end, key, true)
        if (from === null || from.canonical === company?.canonical) continue
        add(
          person,
          from,
          company,
          index,
          base + counted.index,
          base + counted.index + counted[0].length,
        )
      }
    }
  })
  return out
}

/**
 * The headline or one of the sentences up to this one tells a founding; with `elsewhere`, one
 * other than this one.
 */
function foundingNews(
  sentences: readonly ReadSentence[],
  index: number,
  key: string,
  elsewhere = false,
): boolean {
  const news = FOUNDING_NEWS[key] as RegExp
  for (let k = 0; k <= index; k++) {
    if (k !== 0 && k < index - NEWS_WINDOW) continue
    if (elsewhere && k === index) continue
    const read = sentences[k] as ReadSentence
    if (news.test(read.ctx.sentence.text)) return true
    // "launched a model" is not a founding: triggers that need a company after them do not count.
    const founds = (t: SentenceContext['triggers'][number]) =>
      t.rule.frame === 'found' &&
      !t.background &&
      !t.rule.needsOrgAfter &&
      !t.rule.needsOrgRightAfter
    if (read.ctx.triggers.some(founds)) return true
  }
  return false
}

/**
 * The people listed right after the cue: "A, B und C", stopping at the first other word. A passive
 * cue ("founded by") is a background span itself, so only relative clauses stop the list there.
 */
function listAfter(
  ctx: SentenceContext,
  text: string,
  from: number,
  passive = false,
): EntityMention[] {
  const list: EntityMention[] = []
  let at = from
  const quiet = passive ? ctx.relatives : ctx.background
  for (const person of ctx.persons) {
    if (person.start < from) continue
    if (within(quiet, person.start, person.end)) break
    const gap = text.slice(at, person.start)
    if (list.length === 0 ? gap.trim() !== '' : !LIST_GAP.test(gap)) break
    list.push(person)
    at = person.end
  }
  return list
}

/**
 * The organisation a past-work phrase after `from` in the same clause names ("both formerly of
 * Google", "spent three years at DeepMind"). With `ownClause`, the phrase must follow the person
 * before any other person is named.
 */
function originAfter(
  ctx: SentenceContext,
  text: string,
  from: number,
  key: string,
  ownClause = false,
): OrgRef | null {
  const past = PAST_WORK[key] as RegExp
  const stop = ctx.strongBreaks.find((b) => b >= from) ?? ctx.sentence.end
  for (const org of ctx.orgs) {
    if (org.anaphor || org.start < from || org.end > stop) continue
    if (ownClause && ctx.persons.some((p) => p.start > from && p.end <= org.start)) {
      // "Lample, the chief scientist, and Lacroix, ..., both come from Meta": a list shares it.
      const between = ctx.persons.filter((p) => p.start > from && p.end <= org.start)
      const lastBetween = between.at(-1) as EntityMention
      if (!past.test(text.slice(lastBetween.end, org.start))) return null
      if (!/(?<![\p{L}])(?:both|all|beide|alle)(?![\p{L}])/iu.test(text.slice(from, org.start)))
        return null
      return org
    }
    return past.test(text.slice(from, org.start)) ? org : null
  }
  return null
}

/**
 * The company of a founders' list is one an earlier founding sentence names (the headline or one
 * of the sentences just before): "OpenAI's founders include ..." in a story about another new company is
 * background. An unnamed company passes.
 */
function toldFounded(
  sentences: readonly ReadSentence[],
  index: number,
  key: string,
  company: OrgRef | null,
): boolean {
  if (company === null) return true
  const news = FOUNDING_NEWS[key] as RegExp
  for (let k = 0; k < index; k++) {
    if (k !== 0 && k < index - NEWS_WINDOW) continue
    const read = sentences[k] as ReadSentence
    const told =
      news.test(read.ctx.sentence.text) ||
      read.ctx.triggers.some((t) => t.rule.frame === 'found' && !t.background)
    if (told && read.ctx.orgs.some((o) => !o.anaphor && o.canonical === company.canonical))
      return true
  }
  return false
}

/** The people listed right before "are its co-founders", and where the cue ends. */
function foundersBefore(
  ctx: SentenceContext,
  text: string,
  key: string,
): { readonly list: EntityMention[]; readonly cueEnd: number } | null {
  const cue = FOUNDERS_AFTER_LIST[key] as RegExp
  for (let k = ctx.persons.length - 1; k >= 0; k--) {
    const last = ctx.persons[k] as EntityMention
    const match = cue.exec(text.slice(last.end, ctx.sentence.end))
    if (match === null) continue
    const list = [last]
    for (let j = k - 1; j >= 0; j--) {
      const person = ctx.persons[j] as EntityMention
      if (!LIST_GAP.test(text.slice(person.end, (list[0] as EntityMention).start))) break
      list.unshift(person)
    }
    return { list, cueEnd: last.end + match.index + match[0].length }
  }
  return null
}

// A subject standing for the founders of the sentence before: "They", "Beide", "She", "Er".
const SINGLE_SUBJECT: Readonly<Record<string, RegExp>> = {
  en: /^(?:he|she)(?![\p{L}])/iu,
  de: /^(?:er|sie)(?![\p{L}])/iu,
}

/**
 * Foundings told in one sentence with no origin take the company the next sentence says the
 * founders worked at before, when it opens with them ("They previously worked at Google", "Beide
 * waren zuvor bei SAP", "She spent five years at Google") and names nobody else.
 *
 * @example
 * followOrigins(moves, sentences, text, 'de') // the foundings with SAP as `fromOrg`
 */
export function followOrigins(
  moves: readonly TalentMove[],
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
): TalentMove[] {
  const key = lang === 'de' ? 'de' : 'en'
  return moves.map((m) => {
    if (m.kind !== 'founding' || m.fromOrg !== null || m.status !== 'reported') return m
    const index = sentences.findIndex((r) => r.ctx.sentence.start === m.evidence.start)
    const next = sentences[index + 1]
    if (index < 0 || next === undefined || next.drafts > 0 || next.ctx.persons.length > 0) return m
    const together = moves.filter(
      (o) => o.kind === 'founding' && o.evidence.start === m.evidence.start,
    )
    const subject = (together.length > 1 ? GROUP_SUBJECT : SINGLE_SUBJECT)[key] as RegExp
    if (!subject.test(next.ctx.sentence.text)) return m
    const org = originAfter(next.ctx, text, next.ctx.sentence.start, key)
    if (org === null || org.canonical === m.toOrg) return m
    return { ...m, fromOrg: org.canonical, fromOrgId: org.entityId }
  })
}

/** "Roe spent three years at DeepMind": where one founder worked, said in the next sentences. */
function personOrigin(
  sentences: readonly ReadSentence[],
  index: number,
  text: string,
  key: string,
  person: EntityMention,
): OrgRef | null {
  const id = person.entityId ?? person.canonical
  for (let k = index + 1; k <= index + NAMING_WINDOW && k < sentences.length; k++) {
    const read = sentences[k] as ReadSentence
    if (read.drafts > 0) return null
    for (const mention of read.ctx.persons) {
      if ((mention.entityId ?? mention.canonical) !== id) continue
      const org = originAfter(read.ctx, text, mention.end, key, true)
      if (org !== null) return org
    }
  }
  return null
}

/** A year before the story's in the sentence. */
function oldYear(sentence: string, publishedAt: string | null): boolean {
  const now = publishedAt === null ? null : Number(publishedAt.slice(0, 4))
  for (const match of sentence.matchAll(YEAR)) {
    if (now === null || Number(match[1]) < now) return true
  }
  return false
}

/** "...; sie arbeiteten zuvor bei DeepMind": the origin the next clause of the list's sentence gives. */
function clauseOrigin(
  ctx: SentenceContext,
  text: string,
  from: number,
  key: string,
): OrgRef | null {
  const edge = ctx.strongBreaks.find((b) => b >= from)
  if (edge === undefined) return null
  const rest = text.slice(edge + 1, ctx.sentence.end)
  const lead = rest.length - rest.trimStart().length
  if (!(GROUP_SUBJECT[key] as RegExp).test(rest.trimStart())) return null
  const start = edge + 1 + lead
  if (ctx.persons.some((p) => p.start >= start)) return null
  return originAfter(ctx, text, start, key)
}

/** "Sie waren zuvor bei Stability AI tätig": the origin a following group clause gives. */
function groupOrigin(read: ReadSentence | undefined, text: string, key: string): OrgRef | null {
  if (read === undefined || read.drafts > 0 || read.ctx.persons.length > 0) return null
  const start = read.ctx.sentence.start
  if (!(GROUP_SUBJECT[key] as RegExp).test(read.ctx.sentence.text)) return null
  return originAfter(read.ctx, text, start, key)
}

/**
 * The company founded: one named in the sentence before the cue ("Acme's founders"), else the
 * organisation the article is about so far (named most), leaving out origins.
 */
function companyOf(
  ctx: SentenceContext,
  history: readonly OrgRef[],
  cueStart: number,
  origin: OrgRef | null,
  origins: ReadonlySet<string> = new Set(),
): OrgRef | null {
  const skip = (o: OrgRef) => o.canonical === origin?.canonical || origins.has(o.canonical)
  const before = ctx.orgs.filter((o) => !o.anaphor && o.end <= cueStart && !skip(o))
  const named = before.at(-1)
  if (named !== undefined && cueStart - named.end <= 30) return named
  return mostSalient(history.filter((o) => !skip(o))) ?? null
}
