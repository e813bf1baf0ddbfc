import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import {
  COORDINATORS,
  DETERMINERS,
  ORG_PREPOSITIONS,
  REPORT_VERBS,
  SUBJECT_VERBS,
} from './context-words.js'
import { cueEndingAt, isCueNoun, roleAt } from './cue-lookup.js'
import type { KnownMatch } from './known-names.js'
import { isOrgHead, orgCompoundHeads } from './org-heads.js'
import { separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/** A knowledge-base match the context accepted, with how sure we are. */
export interface AcceptedMatch extends KnownMatch {
  readonly confidence: number
}

const ARTICLES = new Set(['the', 'der', 'die', 'das'])
// "Ihr Partner", "seine Post": in German a possessive pronoun makes the common noun.
const POSSESSIVES = new Set([
  'mein',
  'meine',
  'dein',
  'deine',
  'sein',
  'seine',
  'seinem',
  'seinen',
  'seiner',
  'ihr',
  'ihre',
  'ihrem',
  'ihren',
  'ihrer',
  'unser',
  'unsere',
  'euer',
  'eure',
])

/**
 * Decides which knowledge-base matches are the entity and which are the ordinary word.
 *
 * Plain names ("OpenAI", "Google DeepMind") are taken as found. A one-word name that the knowledge
 * base marks ambiguous ("Apple", "Meta", "Amazon", "Spiegel", "Mistral"), and any name of one or two
 * letters ("X"), needs its context: a possessive or genitive, a company or role compound
 * ("Meta-Chef" but not "Meta-Ebene"), a role after it ("Apple CEO"), a preposition or cue before it
 * ("bei Meta", "der Kurznachrichtendienst X"), a verb after it ("Amazon said"), a Title Case
 * headline, or a list with another company ("xAI und X"). An article right before it ("the Amazon",
 * "der Mistral", "im Spiegel") says it is the common word. A name that starts with an article ("Die
 * Zeit", "The Information") at the start of a sentence needs a reporting verb ("Der Spiegel
 * berichtete"), because "Die Zeit drängt" is just time pressing.
 *
 * @example
 * judgeKnownMatches(findKnownNames(m, kb), m, kb) // keeps "Meta" in "Meta-Chef", drops "Meta-Ebene"
 */
export function judgeKnownMatches(
  matches: readonly KnownMatch[],
  model: TextModel,
  kb: KnowledgeBase,
): AcceptedMatch[] {
  const heads = orgCompoundHeads(kb)
  const verdicts = matches.map((m) => firstVerdict(m, model, kb, heads))
  // Second pass: an undecided name next to an accepted company in a list is a company too.
  const accepted: AcceptedMatch[] = []
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]
    let verdict = verdicts[k]
    if (match === undefined || verdict === undefined) continue
    if (verdict === 'undecided') {
      verdict = inListWithAccepted(k, matches, verdicts, model) ? 0.75 : 'reject'
    }
    if (verdict === 'reject') continue
    // spelled out rather than spread: this runs for every name in every article
    accepted.push({
      first: match.first,
      last: match.last,
      start: match.start,
      end: match.end,
      target: match.target,
      alias: match.alias,
      possessive: match.possessive,
      genitive: match.genitive,
      compoundHead: match.compoundHead,
      compoundEnd: match.compoundEnd,
      confidence: verdict,
    })
  }
  return accepted
}

type Verdict = number | 'reject' | 'undecided'

function firstVerdict(
  match: KnownMatch,
  model: TextModel,
  kb: KnowledgeBase,
  heads: ReadonlySet<string>,
): Verdict {
  const entity = kb.entities.get(match.target.entityId)
  const single = match.alias.atoms.length === 1
  const aliasText = match.alias.phrase
  const tiny = single && aliasText.length <= 2
  const ambiguous = single && (tiny || entity?.ambiguous === true)
  const articleLed =
    match.alias.atoms.length > 1 &&
    ARTICLES.has(match.alias.lowers[0] ?? '') &&
    (model.sentenceStart[match.first] === true ||
      model.atoms[match.first]?.text !== match.alias.atoms[0])

  if (match.compoundHead !== null) {
    // "Meta-Chef", and "Tesla-KI-Chef", where the last part heads the German compound
    const orgHead =
      isOrgHead(match.compoundHead, heads) ||
      (match.compoundEnd !== null && isOrgHead(match.compoundEnd, heads))
    if (ambiguous || articleLed) return orgHead ? 0.85 : 'reject'
    return 0.9
  }
  if (match.possessive || match.genitive) return ambiguous ? 0.85 : 0.95
  if (!ambiguous && !articleLed) return match.alias.atoms.length > 1 ? 0.97 : 0.93

  const prev = model.atoms[match.first - 1]
  const prevSep = separatorBefore(model, match.first)
  const sameSentence = !model.sentenceStart[match.first]
  const prevLower = sameSentence && prev !== undefined && /^\s+$/.test(prevSep) ? prev.lower : null
  const next = model.atoms[match.last + 1]
  const nextSep = separatorAfter(model, match.last)
  const nextLower = next !== undefined && /^\s+$/.test(nextSep) ? next.lower : null

  if (articleLed) {
    if (nextLower !== null && REPORT_VERBS.has(nextLower)) return 0.8
    if (prevLower !== null && (prevLower === 'laut' || prevLower === 'told')) return 0.8
    return 'reject'
  }
  if (prevLower !== null && (DETERMINERS.has(prevLower) || POSSESSIVES.has(prevLower)))
    return 'reject'
  // "Vice President", "Pioneer Square": the word starts a longer role phrase
  const role = roleAt(model, kb, match.first)
  if (role !== null && role.last > match.last) return 'reject'
  if (sameSentence && cueEndingAt(model, kb, match.first - 1) !== null && !tiny) return 0.8
  if (prevLower !== null && ORG_PREPOSITIONS.has(prevLower)) return 0.75
  if (
    sameSentence &&
    prev !== undefined &&
    /^\s+$/.test(prevSep) &&
    isCueNoun(model, kb, match.first - 1)
  ) {
    return 0.8
  }
  if (next !== undefined && /^\s+$/.test(nextSep) && roleAt(model, kb, match.last + 1) !== null) {
    return 0.85
  }
  if (tiny) return 'undecided'
  if (nextLower !== null && SUBJECT_VERBS.has(nextLower)) return 0.75
  if (model.headline[match.first]) return 0.7
  // a capital inside an English sentence marks a name; German capitalises every noun
  if (!model.sentenceStart[match.first] && model.lang === 'en') return 0.6
  // Sentence-initial and followed by a lowercase word: "Apple handed out ...". The fruit, the river
  // or the mirror would come with an article or in the plural.
  if (nextLower !== null && next !== undefined && next.text === nextLower) return 0.6
  return 'undecided'
}

function inListWithAccepted(
  k: number,
  matches: readonly KnownMatch[],
  verdicts: readonly Verdict[],
  model: TextModel,
): boolean {
  const isAccepted = (j: number) => typeof verdicts[j] === 'number'
  const joined = (left: KnownMatch, right: KnownMatch) => {
    if (right.first - left.last > 2) return false
    const between = model.text.slice(model.atoms[left.last]?.end, model.atoms[right.first]?.start)
    const words = between.replace(/[,\s]+/g, ' ').trim()
    return words === '' ? between.includes(',') : COORDINATORS.has(words.toLowerCase())
  }
  const match = matches[k]
  const before = matches[k - 1]
  const after = matches[k + 1]
  if (match === undefined) return false
  if (before !== undefined && isAccepted(k - 1) && joined(before, match)) return true
  return after !== undefined && isAccepted(k + 1) && joined(match, after)
}
