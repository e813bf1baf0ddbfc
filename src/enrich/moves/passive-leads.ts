import type { ReadSentence } from './founder-groups.js'
import type { DraftMove } from './read-sentence.js'
import type { OrgRef } from './sentence-context.js'

// "wird künftig von <Person> geführt", "will be led by <Person>": the company a clause is about
// gets a new head. Only future or "now" readings: "is run by X" describes, it does not report.
const AGENT_BEFORE: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:will (?:now )?be|is to be|is now|has now been) (?:led|run|headed) by\s+$/iu,
  de: /(?<![\p{L}])(?:wird|werden) (?:künftig|fortan|nun|ab sofort|jetzt|kommissarisch|vorübergehend|interimistisch) von\s+$/iu,
}

// German only: the participle right after the name ("von Sean White geführt").
const DE_PARTICIPLE_AFTER = /^\s+(?:geführt|geleitet|angeführt)(?![\p{L}])/iu

// "Geleitet wird die neue Einheit von <Person>": the new unit's head, its name in the phrase.
const DE_FRONTED =
  /(?<![\p{L}])(?:geleitet|geführt) wird (?:die|das|der) neue[n]? ([^.;,]{1,60}?) von\s+$/iu

// "the former head of X", "bisheriger Chef von X": already at the company, a promotion.
const INSIDER = /(?<![\p{L}])(?:bisherige[rnm]?|amtierende[rnm]?|current|longtime)(?![\p{L}])/iu

/**
 * The new head of a company said in the passive ("Inflection ... wird künftig von Sean White
 * geführt", "the unit will be led by Jane Roe"): a hire of that person by the company the clause
 * is about, a promotion when the person is described as already there. People who already have a
 * move in the article are left to it.
 *
 * @example
 * passiveLeads(sentences, text, 'de', moved) // [hire of Sean White to Inflection AI]
 */
export function passiveLeads(
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
  moved: ReadonlySet<string>,
): DraftMove[] {
  const key = lang === 'de' ? 'de' : 'en'
  const out: DraftMove[] = []
  sentences.forEach((read, index) => {
    const { ctx } = read
    if (ctx.vetoed || read.drafts > 0) return
    for (const person of ctx.persons) {
      if (moved.has(person.entityId ?? person.canonical)) continue
      const lead = text.slice(ctx.sentence.start, person.start)
      const agent = (AGENT_BEFORE[key] as RegExp).exec(lead)
      const fronted = key === 'de' ? DE_FRONTED.exec(lead) : null
      const match = agent ?? fronted
      if (match === null) continue
      if (
        agent !== null &&
        key === 'de' &&
        !DE_PARTICIPLE_AFTER.test(text.slice(person.end, person.end + 20))
      )
        continue
      const at = ctx.sentence.start + match.index
      // The company: named in the fronted phrase, else the last one named earlier in the clause.
      const clauseStart = Math.max(
        ctx.sentence.start,
        ...ctx.strongBreaks.filter((b) => b < at).map((b) => b + 1),
      )
      const org: OrgRef | undefined =
        fronted !== null
          ? (ctx.orgs.find((o) => !o.anaphor && o.start >= at && o.end <= person.start) ??
            namedEarlier(read.history, text, fronted[1] ?? ''))
          : ctx.orgs.filter((o) => !o.anaphor && o.start >= clauseStart && o.end <= at).at(-1)
      if (org === undefined) continue
      const rest = text.slice(person.end, ctx.sentence.end)
      const insider =
        INSIDER.test(rest.slice(0, 60)) &&
        ctx.orgs.some((o) => o.start >= person.end && o.canonical === org.canonical)
      out.push({
        person,
        kind: insider ? 'promotion' : 'hire',
        from: insider ? org : null,
        to: org,
        role: null,
        sentenceIndex: index,
        triggerStart: at,
        triggerEnd: person.start,
        confidence: 0.75,
        forced: false,
      })
      return
    }
  })
  return out
}

// "zu einer gemeinsamen Einheit mit dem Namen Google DeepMind": a new unit introduced by its name.
const NAMED_AS = /([\p{L}-]+) (?:mit dem Namen|namens|unter dem Namen)\s+$/u

/**
 * "die neue Einheit" when the article introduced the unit by name before ("eine gemeinsame
 * Einheit mit dem Namen Google DeepMind"): that organisation; the head nouns must agree.
 */
function namedEarlier(
  history: readonly OrgRef[],
  text: string,
  phrase: string,
): OrgRef | undefined {
  const noun = /([\p{L}-]+)\s*$/u.exec(phrase.trim())?.[1]?.toLowerCase()
  if (noun === undefined) return undefined
  for (let k = history.length - 1; k >= 0; k--) {
    const org = history[k] as OrgRef
    const named = NAMED_AS.exec(text.slice(Math.max(0, org.start - 40), org.start))
    if (named !== null && (named[1] ?? '').toLowerCase() === noun) return org
  }
  return undefined
}
