import type { EntityMention } from '../entities/mention-types.js'
import type { ReadSentence } from './founder-groups.js'
import type { DraftMove } from './read-sentence.js'
import { type OrgRef, within } from './sentence-context.js'
import type { TalentMove } from './types.js'

// A counted group as the subject: "two other senior leaders", "zwei weitere Führungskräfte".
const GROUP_SUBJECT: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:two|three|four|five|several|other|more)\s+(?:[\p{L}-]+\s+){0,3}?(?:leaders|executives|researchers|engineers|scientists|managers|employees|staffers|people|members|co-founders|cofounders)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:zwei|drei|vier|fünf|mehrere|weitere)\s+(?:[\p{L}-]+\s+){0,3}?(?:Führungskräfte|Manager(?:innen)?|Forscher(?:innen)?|Ingenieure|Wissenschaftler(?:innen)?|Mitarbeiter(?:innen)?|Mitgründer(?:innen)?)(?![\p{L}])/iu,
}

// "also", "ebenfalls": the same change as the one told before, so the same company.
const ALSO = /(?<![\p{L}])(?:also|too|as well|ebenfalls|auch)(?![\p{L}])/iu

/**
 * A move of a counted group whose members follow a colon ("two other senior leaders were also
 * leaving: chief research officer Jane Roe and John Doe", "Zwei weitere Manager gehen ebenfalls:
 * A und B") is one move per person named after the colon. The company is the trigger's object,
 * else, with "also", the company of the departure told just before.
 *
 * @example
 * colonLists(sentences, text, 'en', moves) // [departure of Jane Roe from OpenAI, departure of John Doe ...]
 */
export function colonLists(
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
  told: readonly TalentMove[],
  moved: ReadonlySet<string>,
): DraftMove[] {
  const key = lang === 'de' ? 'de' : 'en'
  const out: DraftMove[] = []
  sentences.forEach((read, index) => {
    const { ctx } = read
    if (ctx.vetoed || read.drafts > 0) return
    for (const trigger of ctx.triggers) {
      if (trigger.background) continue
      const { frame } = trigger.rule
      if (frame !== 'leave' && frame !== 'join') continue
      const clauseStart = Math.max(
        ctx.sentence.start,
        ...ctx.strongBreaks.filter((b) => b < trigger.start).map((b) => b + 1),
      )
      const subject = text.slice(clauseStart, trigger.start)
      const group = (GROUP_SUBJECT[key] as RegExp).exec(subject)
      if (group === null) continue
      const groupEnd = clauseStart + group.index + group[0].length
      if (ctx.persons.some((p) => p.start >= groupEnd && p.end <= trigger.start)) continue
      const colon = text.indexOf(':', trigger.end)
      if (colon < 0 || colon >= ctx.sentence.end || colon - trigger.end > 40) continue
      if (ctx.persons.some((p) => p.start >= trigger.start && p.end <= colon)) continue
      const stop = ctx.strongBreaks.find((b) => b > colon) ?? ctx.sentence.end
      const quiet = [...ctx.relatives, ...ctx.background]
      const people = ctx.persons.filter(
        (p) => p.start > colon && p.end <= stop && !within(quiet, p.start, p.end),
      )
      if (people.length < 2) continue
      const object = ctx.orgs.find((o) => o.start >= trigger.end && o.end <= colon) ?? null
      let org: OrgRef | null = object
      if (org === null && frame === 'leave' && ALSO.test(text.slice(clauseStart, colon)))
        org = earlierDeparture(told, ctx.sentence.start, trigger.start)
      if (org === null) continue
      const kind = trigger.rule.kind ?? (frame === 'leave' ? 'departure' : 'hire')
      for (const person of people) {
        if (moved.has(person.entityId ?? person.canonical)) continue
        out.push(
          draft(
            person,
            kind,
            frame === 'leave' ? org : null,
            frame === 'join' ? org : null,
            index,
            trigger.start,
            trigger.end,
          ),
        )
      }
      return
    }
  })
  return out
}

function draft(
  person: EntityMention,
  kind: DraftMove['kind'],
  from: OrgRef | null,
  to: OrgRef | null,
  sentenceIndex: number,
  triggerStart: number,
  triggerEnd: number,
): DraftMove {
  return {
    person,
    kind,
    from,
    to,
    role: null,
    sentenceIndex,
    triggerStart,
    triggerEnd,
    confidence: 0.75,
    forced: false,
  }
}

/** The company of the last reported departure told before the sentence. */
function earlierDeparture(
  told: readonly TalentMove[],
  sentenceStart: number,
  at: number,
): OrgRef | null {
  const before = told.filter(
    (m) =>
      m.kind === 'departure' &&
      m.status === 'reported' &&
      m.fromOrg !== null &&
      m.evidence.start < sentenceStart,
  )
  const last = before.at(-1)
  if (last === undefined || last.fromOrg === null) return null
  return {
    start: at,
    end: at,
    canonical: last.fromOrg,
    entityId: last.fromOrgId,
    type: null,
    anaphor: true,
  }
}
