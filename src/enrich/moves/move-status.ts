import { type MovePatterns, testPattern } from './pattern-types.js'
import type { MoveStatus } from './types.js'

// "may" hedges ("may be in line"); "May" is the month. Only the lower-case word counts.
const MAY = /(?<![\p{L}])may(?![\p{L}])/u
// An unconfirmed plan becomes a rumour when a third party reports it ("plans to leave ..., the
// FT reported"); announced by the person or the company it is reported.
const THIRD_PARTY =
  /\b(?:reported|reports|according to|sources|people familiar|berichtet\w*|Bericht\w*|zufolge)\b/iu

/**
 * The status of a move stated in `sentence`: a denial cue wins over hedges ("reports that X was
 * about to leave are false"), a hedge makes it rumored, anything else is reported (also when
 * attributed: "according to Bloomberg", "reportedly joined"). `triggerEnd` (offset in `sentence`) limits
 * the weak hedges ("soll", "plans to") to the words up to the move's trigger.
 *
 * @example
 * moveStatus('Fischer is expected to join Siemens, people briefed on the plans said.', PATTERNS_EN) // 'rumored'
 * moveStatus('Nexora denied that Fischer was leaving.', PATTERNS_EN) // 'denied'
 */
export function moveStatus(
  sentence: string,
  patterns: MovePatterns,
  triggerEnd = sentence.length,
): MoveStatus {
  if (isDenial(sentence, patterns)) return 'denied'
  if (patterns.rumor.some((p) => testPattern(p, sentence)) || MAY.test(sentence)) return 'rumored'
  // A weak hedge after the trigger is about what follows the move, not the move: "wechseln zu dem
  // Konzern und sollen dort ... mitarbeiten" reports the change, "soll ... wechseln" hedges it.
  const lead = sentence.slice(0, triggerEnd)
  // "Wang would join a new group at Meta": a conditional move is the deal under talks; after a
  // speech verb "would" is a reported "will" ("said he would take over as chief executive").
  const would = /(?<![\p{L}])would(?:\s+\p{L}+)?\s*$/u.exec(lead)
  if (would !== null && !testPattern(patterns.speech, sentence.slice(0, would.index)))
    return 'rumored'
  const weak = patterns.weakRumor.some((p) => testPattern(p, lead))
  if (weak && !testPattern(patterns.official, sentence)) {
    // German "soll" is hearsay by itself; English "plans to" only when someone else reports it.
    if (THIRD_PARTY.test(sentence) || isGermanHearsay(sentence)) {
      return 'rumored'
    }
  }
  return 'reported'
}

/** True when the sentence denies something (a move, if the caller found one). */
export function isDenial(sentence: string, patterns: MovePatterns): boolean {
  return patterns.denial.some((p) => testPattern(p, sentence))
}

function isGermanHearsay(sentence: string): boolean {
  return /(?<![\p{L}])(?:soll|sollen)(?![\p{L}])/u.test(sentence)
}
