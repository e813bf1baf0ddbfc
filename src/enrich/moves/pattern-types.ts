import type { MoveKind } from './types.js'

/**
 * How a trigger's arguments are laid out around it.
 * - `leave`: the mover leaves the trigger's organisation ("left Meta", "verlässt SAP").
 * - `join`: the mover joins it ("joined Anthropic", "wechselt zu Meta").
 * - `found`: the mover founds it; people named after "with"/"mit" found it too.
 * - `become`: the mover takes a new role ("will become CEO", "übernimmt die Leitung"); promotion
 *   inside the mover's organisation, a hire from elsewhere.
 * - `hireBy`: an organisation before the trigger hires the mover ("Apple has hired X").
 * - `fireBy`: an organisation (or person) removes the mover ("OpenAI's board has fired X").
 */
export type TriggerFrame = 'leave' | 'join' | 'found' | 'become' | 'hireBy' | 'fireBy'

/**
 * Where the mover stands relative to the trigger: `before` for subjects ("X left"), `after` for
 * objects ("hired X") and German inversion ("gründeten X und Y"), `either` tries before first,
 * `afterFirst` tries after first (German nouns: "der Weggang von X", "seinen Rücktritt").
 */
export type MoverSide = 'before' | 'after' | 'either' | 'afterFirst'

export interface TriggerRule {
  /** Short name for debugging ("en:leave"). */
  readonly name: string
  /** Matched with the `giu` flags; the match is the trigger span. */
  readonly pattern: RegExp
  readonly frame: TriggerFrame
  readonly mover: MoverSide
  /** A fixed kind, else the frame decides (`become`, `hireBy`). */
  readonly kind?: MoveKind
  /** "named"/"ernennt": a promotion when the mover already works for the organisation. */
  readonly promoteIfSame?: boolean
  /** "launched": only a founding when an organisation follows closely (not "launched a model"). */
  readonly needsOrgAfter?: boolean
  /** "starts Eureka Labs", "going back to OpenAI": a move only with a company as object. */
  readonly needsOrgRightAfter?: boolean
}

/** Everything language-specific the detector reads; `patterns-en.ts` and `patterns-de.ts`. */
export interface MovePatterns {
  readonly triggers: readonly TriggerRule[]
  /** Hedges: the move is rumored. */
  readonly rumor: readonly RegExp[]
  /** Hedges that are overruled by an official attribution (German "soll"). */
  readonly weakRumor: readonly RegExp[]
  /** Attribution to the organisation or the person: keeps a weak hedge reported. */
  readonly official: RegExp
  /** Denials. */
  readonly denial: readonly RegExp[]
  /** A sentence that matches reports no move at all (leave of absence, declined offer). */
  readonly veto: readonly RegExp[]
  /** Spans whose triggers are background (relative clauses are found in code). */
  readonly background: readonly RegExp[]
  /** Start of a relative clause: the clause runs to the next comma. */
  readonly relativeStart: RegExp
  /** A comma followed by one of these starts a new clause. */
  readonly subordinators: RegExp
  /** Words after which a name is not a subject ("from", "with", "nach"). */
  readonly prepositionBefore: RegExp
  /** "with X", "mit X": co-founders of a founding. */
  readonly comitativeBefore: RegExp
  /** Speech verbs: "said", "teilte ... mit"; a pre-descriptor stops at them. */
  readonly speech: RegExp
  /** Subject pronouns that stand for the last named person ("he", "er"). */
  readonly pronoun: RegExp
  /** Phrases that stand for an organisation already named ("the company", "den Konzern", "its"). */
  readonly orgAnaphor: RegExp
  /** Text right before an organisation that makes it the origin ("from", "von", "ex-"). */
  readonly fromMarker: RegExp
  /** Text right before an organisation that makes it the destination ("to", "zu", "bei"). */
  readonly toMarker: RegExp
  /** "former", "ex-", "früher": a past affiliation. */
  readonly pastMarker: RegExp
  /** "currently", "bisher", "longtime": an insider, so a new role is a promotion. */
  readonly insiderMarker: RegExp
  /** "new", "neue": an outsider taking over, so a new role is a hire when no origin is known. */
  readonly outsiderMarker: RegExp
  /** Text right before a role that makes it the new role ("as", "als", "zum"). */
  readonly newRoleMarker: RegExp
  /** Verb phrases that state a new role ("to lead X", "das Team leiten"). */
  readonly roleVerbPhrase: readonly RegExp[]
  /** "will be", "wird": followed (or, in German, preceded) by a role, a `become` trigger. */
  readonly copula: RegExp
  /** "all", "both", "alle": a descriptor shared by every person of a list. */
  readonly sharedMarker: RegExp
  /** Words after an organisation that make it a thing, not an employer ("project", "Dienst"). */
  readonly productAfter: RegExp
  /** Plural mover nouns: "researchers", "Forscher" (anonymous movers). */
  readonly anonymous: RegExp
}

/**
 * A case-blind, global pattern with Unicode word edges (`\b` is ASCII-only, so "Rücktritt" or
 * "gründet" would not be bounded by it).
 *
 * @example
 * wordPattern('verl(?:ässt|assen)').test('Sie verlässt SAP') // true
 */
export function wordPattern(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu')
}

/**
 * `pattern.test(text)` for the global patterns above, with `lastIndex` reset before and after so
 * a shared pattern never carries state from one text to the next.
 */
export function testPattern(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  const hit = pattern.test(text)
  pattern.lastIndex = 0
  return hit
}
