import type { ReadSentence } from './founder-groups.js'
import type { DraftMove } from './read-sentence.js'
import { type OrgRef, within } from './sentence-context.js'
import type { TalentMove } from './types.js'

// A join whose object is a person pronoun: "is joining him", "schließt sich ihm an".
const PRONOUN_OBJECT: Readonly<Record<string, RegExp>> = {
  en: /^\s+(?:him|her|them)(?:\s+(?:as|at|there)(?![\p{L}])|\s*[,.;]|\s*$)/iu,
  de: /(?<![\p{L}])sich (?:ihm|ihr|ihnen)(?![\p{L}])/iu,
}

/**
 * "Karén Simonyan, Inflection's co-founder, is joining him as chief scientist": a join whose
 * object is a pronoun goes where the person told about just before goes (the last reported move
 * with a destination, of someone else), when a company named between the mover and the trigger
 * says where the mover comes from ("Inflection's co-founder"); without it, no move. People with a move other than a departure in the article
 * are left to it.
 *
 * @example
 * joiningHim(sentences, text, 'en', moves) // [hire of Karén Simonyan, Inflection AI -> Microsoft AI]
 */
export function joiningHim(
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
  told: readonly TalentMove[],
): DraftMove[] {
  const key = lang === 'de' ? 'de' : 'en'
  const out: DraftMove[] = []
  sentences.forEach((read, index) => {
    const { ctx } = read
    if (ctx.vetoed || read.drafts > 0) return
    const trigger = ctx.triggers.find((t) => !t.background && t.rule.frame === 'join')
    if (trigger === undefined) return
    const object =
      key === 'en'
        ? (PRONOUN_OBJECT['en'] as RegExp).test(text.slice(trigger.end, trigger.end + 10))
        : (PRONOUN_OBJECT['de'] as RegExp).test(text.slice(trigger.start, trigger.end))
    if (!object) return
    const mover = ctx.persons[0]
    if (mover === undefined || mover.start !== ctx.sentence.start || mover.end > trigger.start)
      return
    if (ctx.persons.some((p) => p !== mover && p.start < trigger.start)) return
    const key2 = mover.entityId ?? mover.canonical
    // A departure told before is the first half of this move; any other move already says it.
    if (told.some((m) => (m.personId ?? m.person) === key2 && m.kind !== 'departure')) return
    const lead = [...told]
      .reverse()
      .find(
        (m) =>
          m.evidence.start < ctx.sentence.start &&
          m.status === 'reported' &&
          m.kind !== 'departure' &&
          m.toOrg !== null &&
          (m.personId ?? m.person) !== key2,
      )
    if (lead === undefined || lead.toOrg === null) return
    const from =
      ctx.orgs.find(
        (o) =>
          !o.anaphor &&
          o.start >= mover.end &&
          o.end <= trigger.start &&
          o.canonical !== lead.toOrg &&
          !within(ctx.background, o.start, o.end),
      ) ?? null
    // "Omar Haddad is joining her as head of engineering" says too little: no company on either side.
    if (from === null) return
    const to: OrgRef = {
      start: trigger.end,
      end: trigger.end,
      canonical: lead.toOrg,
      entityId: lead.toOrgId,
      type: null,
      anaphor: true,
    }
    out.push({
      person: mover,
      kind: 'hire',
      from,
      to,
      role: null,
      sentenceIndex: index,
      triggerStart: trigger.start,
      triggerEnd: trigger.end,
      confidence: 0.8,
      forced: false,
    })
  })
  return out
}
