import type { EntityMention } from '../entities/mention-types.js'
import type { RoleHit } from './find-roles.js'
import type { OrgRef, TriggerHit } from './sentence-context.js'
import type { SentenceSpan } from './split-sentences.js'

// A capitalised name of one to three words ("Nexwave", "Brightline AI").
const NAME = String.raw`\p{Lu}[\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{L}\p{N}]*){0,2}`
// Capitalised words that start sentences or titles and are never employers.
const NOT_A_NAME =
  /^(?:The|A|An|Former|Ex|Longtime|Interim|Acting|New|Neue[rnms]?|Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Co|Senior|Vice|Chief|Deputy|Sources|Reports|Reportedly|Berichten|Medienberichten|Laut|Wie|Auch|Nun|Jetzt|Bisher|Bislang|Frühere[rnms]?|Ehemalige[rnms]?|Langjährige[rnms]?|Its|His|Her|Their|Sein|Seine|Ihr|Ihre|Mehrere|Several|Insider|Insidern|Gerüchten|Angeblich|Am|Im|In|On|At|Bei|Von|Nach|After|Before|Just|When|Als)$/u

const ORG_ROLES = new Set(['founder', 'ceo', 'cto', 'chief_scientist', 'board', 'other'])

/**
 * Organisations the recognizer missed, taken only from the slots a move sentence reserves for an
 * employer: the word before a role ("Brightline AI co-founder Omar Haddad"), after a role's
 * preposition ("Mitgründer von Fjordbyte", "chief scientist at Nexwave"), and the subject of a
 * denial or hiring verb at the start of a sentence ("Nexwave denies ...", "Fjordbyte weist ...").
 * Small made-up companies in rumours are exactly the ones a knowledge base does not hold.
 *
 * @example
 * guessOrgs(text, sentence, mentions, roles, triggers) // [{ canonical: 'Nexwave', entityId: null, ... }]
 */
export function guessOrgs(
  text: string,
  sentence: SentenceSpan,
  mentions: readonly EntityMention[],
  roles: readonly RoleHit[],
  triggers: readonly TriggerHit[],
): OrgRef[] {
  const found: { start: number; end: number }[] = []
  const add = (start: number, name: string) => {
    const words = name.split(/[ -]/u)
    while (words.length > 0 && NOT_A_NAME.test(words[0] ?? '')) {
      start += (words.shift() ?? '').length + 1
    }
    const clean = words.join(' ')
    if (clean.length < 3 || words.some((w) => NOT_A_NAME.test(w))) return
    const end = start + text.slice(start).indexOf(words.at(-1) ?? '') + (words.at(-1) ?? '').length
    if (mentions.some((m) => m.start < end && m.end > start)) return
    if (roles.some((r) => r.start < end && r.end > start)) return
    found.push({ start, end })
  }
  for (const role of roles) {
    // "<Name> co-founder", "<Name> chief technology officer" right before a person.
    const before = text.slice(sentence.start, role.start)
    const lead = new RegExp(`(${NAME})[ -]$`, 'u').exec(before)
    const person = mentions.find(
      (m) => m.kind === 'person' && m.start >= role.end && m.start - role.end <= 3,
    )
    // Only roles that belong to a company; "Dojo lead" names a team.
    const companyRole = ORG_ROLES.has(role.normalized)
    if (lead?.[1] !== undefined && person !== undefined && companyRole)
      add(sentence.start + lead.index, lead[1])
    // "Mitgründer von Fjordbyte", "chief scientist at Nexwave".
    const after = new RegExp(
      `^\\s+(?:von|of|at|bei|beim)\\s+(?:the\\s+|dem\\s+|der\\s+)?(${NAME})`,
      'u',
    ).exec(text.slice(role.end, sentence.end))
    if (after?.[1] !== undefined) add(role.end + after[0].length - after[1].length, after[1])
  }
  // "Nexwave denies that ...", "Fjordbyte weist Berichte ... zurück", "Pixelforge is poised to name".
  const subject = new RegExp(
    `^(?:Sources say |Laut \\S+ )?(${NAME})\\s+(?:denies|denied|dementiert\\S*|weist|bestreitet|bestritt|(?:is|has|have|will|would)\\b)`,
    'u',
  ).exec(sentence.text)
  if (subject?.[1] !== undefined) {
    const start = sentence.start + subject.index + subject[0].indexOf(subject[1])
    const hiring = triggers.some(
      (t) => t.rule.frame === 'hireBy' && t.start > start && t.start - start < 60,
    )
    if (/deni|dement|weist|bestr/u.test(subject[0]) || hiring) add(start, subject[1])
  }
  return found.map((span) => {
    const canonical = text.slice(span.start, span.end)
    return {
      start: span.start,
      end: span.end,
      canonical,
      entityId: null,
      type: null,
      anaphor: false,
    }
  })
}
