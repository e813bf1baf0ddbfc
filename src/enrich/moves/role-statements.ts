import type { EntityMention } from '../entities/mention-types.js'
import type { ReadSentence } from './founder-groups.js'
import type { DraftMove } from './read-sentence.js'
import { type OrgRef, within } from './sentence-context.js'

/** A company the article says was just founded (a founding's destination). */
export interface NewCompany {
  readonly canonical: string
  readonly entityId: string | null
}

// "<Person>, ..., is the startup's chief technology officer": a present role at the company the
// article is about, said with a bare copula; the role follows the company words.
const ROLE_COPULA: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:is|will be) (?:now )?(?:the (?:new )?(?:startup|company|lab|venture)(?:'s|’s)|its)\s+(?:new\s+|first\s+)?$/iu,
  de: /(?<![\p{L}])(?:ist|wird) (?:nun |jetzt |dort )?(?:der|die) (?:neue[rn]? )?$/iu,
}

// What makes the company the new one in German: "des Start-ups", "der neuen Firma", "dort".
const DE_COMPANY_AFTER =
  /^\s+(?:des (?:jungen |neuen )?(?:Start-ups|Startups|Unternehmens|Labors)|der (?:jungen |neuen )?Firma)(?![\p{L}])/iu

// Where the person was before, in the same sentence: "who left OpenAI", "formerly of X", "zuvor bei X".
const PAST_ORG: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:who (?:had )?left|who (?:previously )?worked at|formerly (?:of|at|with)|previously (?:at|of|with)|former|ex-|came from|comes from)\s+(?:the\s+)?$/iu,
  de: /(?<![\p{L}])(?:der|die) (?:zuvor|vorher|früher|bisher) (?:bei|von)\s+$|(?:zuvor|vorher|früher|bisher) bei\s+$|(?:frühere[rn]?|ehemalige[rn]?|Ex-)\s*$/iu,
}

/**
 * A role stated without a move verb ("Barret Zoph, who left OpenAI in September, is the startup's
 * chief technology officer") is a hire when the company is one the article says was just founded
 * and the same sentence says where the person was before. People who already have a move in the
 * article are left to it.
 *
 * @example
 * roleStatements(sentences, text, 'en', [thinkingMachines], moved) // [hire OpenAI -> Thinking Machines Lab]
 */
export function roleStatements(
  sentences: readonly ReadSentence[],
  text: string,
  lang: string,
  founded: readonly NewCompany[],
  moved: ReadonlySet<string>,
): DraftMove[] {
  if (founded.length === 0) return []
  const key = lang === 'de' ? 'de' : 'en'
  const company = founded[0] as NewCompany
  const out: DraftMove[] = []
  sentences.forEach((read, index) => {
    const { ctx } = read
    if (ctx.vetoed || read.drafts > 0 || ctx.persons.length === 0) return
    for (const role of ctx.roles) {
      const lead = text.slice(ctx.sentence.start, role.start)
      const copula = (ROLE_COPULA[key] as RegExp).exec(lead)
      if (copula === null) continue
      if (key === 'de' && !DE_COMPANY_AFTER.test(text.slice(role.end, role.end + 40))) continue
      const copulaStart = ctx.sentence.start + copula.index
      // The subject opens the sentence; anyone else before the copula is inside a descriptor.
      const subject = ctx.persons[0] as EntityMention
      if (subject.start !== ctx.sentence.start || subject.end > copulaStart) continue
      if (moved.has(subject.entityId ?? subject.canonical)) continue
      const between = ctx.persons.filter((p) => p !== subject && p.end <= copulaStart)
      if (between.some((p) => !within([...ctx.relatives, ...ctx.background], p.start, p.end)))
        continue
      const origin = pastOrg(ctx.orgs, text, subject, copulaStart, key, company)
      if (origin === null) continue
      const to: OrgRef = {
        start: copulaStart,
        end: role.start,
        canonical: company.canonical,
        entityId: company.entityId,
        type: null,
        anaphor: true,
      }
      out.push({
        person: subject,
        kind: 'hire',
        from: origin,
        to,
        role: { text: role.text, normalized: role.normalized },
        sentenceIndex: index,
        triggerStart: copulaStart,
        triggerEnd: role.end,
        confidence: 0.8,
        forced: false,
      })
      return
    }
  })
  return out
}

/** The organisation between the person and the copula that a past marker introduces. */
function pastOrg(
  orgs: readonly OrgRef[],
  text: string,
  person: EntityMention,
  copulaStart: number,
  key: string,
  company: NewCompany,
): OrgRef | null {
  for (const org of orgs) {
    if (org.anaphor || org.start < person.end || org.end > copulaStart) continue
    if (org.canonical === company.canonical) continue
    if ((PAST_ORG[key] as RegExp).test(text.slice(Math.max(person.end, org.start - 40), org.start)))
      return org
  }
  return null
}
