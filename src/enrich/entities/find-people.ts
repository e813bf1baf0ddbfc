import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { DETERMINERS, NAME_PARTICLES, SPEECH_VERBS, SUBJECT_VERBS } from './context-words.js'
import { isCueNoun, roleAt, roleEndingAt } from './cue-lookup.js'
import type { AcceptedMatch } from './judge-known.js'
import type { NameGroup } from './name-groups.js'
import { isCapitalized, separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/**
 * Finds people the knowledge base does not know, inside the capitalised name groups. A group is cut
 * at words that cannot be part of a personal name (known organisations, stop words, role words,
 * titles, acronyms); what remains is a person when
 * - it starts with a first name from the shipped list and has a surname ("Priya Raman"); a first
 *   name that is also a common word ("Will", "Mark") only counts where its capital is informative;
 * - or it has two or three name-like words and a role word next to it ("Forschungswissenschaftler
 *   Abhishek Das", "Jan van der Berg, a platform engineer", "Der Direktor für Generative KI, Devi
 *   Parikh") or a speech verb ("said X", "X sagte").
 * A known one-word organisation right after a first name is a surname ("Cariad-Chef Peter Bosch").
 *
 * @example
 * findUnknownPeople(model, kb, findNameGroups(model), owners) // [{ via: 'first-name', ... }]
 */
export function findUnknownPeople(
  model: TextModel,
  kb: KnowledgeBase,
  groups: readonly NameGroup[],
  owners: readonly (AcceptedMatch | undefined)[],
): Candidate[] {
  const people: Candidate[] = []
  for (const group of groups) {
    let runStart = -1
    for (let i = group.first; i <= group.last + 1; i++) {
      const blocked = i > group.last || isBlocked(model, kb, owners, i, group.first)
      if (!blocked && runStart === -1) runStart = i
      if (blocked && runStart !== -1) {
        const person = personInRun(model, kb, runStart, i - 1)
        if (person !== null) people.push(person)
        runStart = -1
      }
    }
  }
  return people
}

function isBlocked(
  model: TextModel,
  kb: KnowledgeBase,
  owners: readonly (AcceptedMatch | undefined)[],
  i: number,
  groupFirst: number,
): boolean {
  const atom = model.atoms[i]
  if (atom === undefined) return true
  const owner = owners[i]
  if (owner !== undefined) {
    const surnameAfterFirstName =
      owner.target.kind === 'org' &&
      owner.first === owner.last &&
      i > groupFirst &&
      owners[i - 1] === undefined &&
      isFirstName(model, kb, i - 1, true)
    if (!surnameAfterFirstName) return true
  }
  if (NAME_PARTICLES.has(atom.text)) return false
  if (isLowercaseSyllable(model, i, groupFirst)) return false
  // "E-Commerce-Vorstand", "Digital-Chefin": a hyphen chain that ends in a role is the role
  if (endsInRole(model, kb, i)) return true
  if (!isCapitalized(atom.text)) return true
  if (/\d/.test(atom.text)) return true
  if (atom.text.length > 1 && atom.text === atom.text.toUpperCase()) return true
  if (kb.stopNames.has(model.folded[i] ?? '') && !kb.firstNames.has(atom.lower)) return true
  if (kb.titlePrefixes.has(atom.lower)) return true
  // "des Maschinenbauers Trumpf", "Angel Investors Association": nouns for kinds of organisation
  if (isCueNoun(model, kb, i) && !kb.firstNames.has(atom.lower)) return true
  return roleAt(model, kb, i) !== null && !kb.firstNames.has(atom.lower)
}

function endsInRole(model: TextModel, kb: KnowledgeBase, i: number): boolean {
  let j = i
  while (j - i < 4 && hyphenAfter(model, j)) j++
  return j > i && roleAt(model, kb, j) !== null
}

/** A lone hyphen between atom j and the next, read off the characters (this runs for every atom). */
function hyphenAfter(model: TextModel, j: number): boolean {
  const atom = model.atoms[j]
  const next = model.atoms[j + 1]
  if (atom === undefined || next === undefined || next.start !== atom.end + 1) return false
  const code = model.text.charCodeAt(atom.end)
  return code === 45 || code === 0x2011
}

// One romanised East Asian syllable: "yong", "hyun", "won", "hsun", "fu". German words after a
// hyphen ("nahe", "frei", "los", "haft") do not have this shape.
const SYLLABLE = /^(?:ch|sh|hs|ts|[bcdfghjklmnprstwy])?[aeiouy]{1,3}(?:ng|[nmklpt])?$/

/**
 * A lowercase syllable after a hyphen that ends a two-syllable given name, as Korean and Chinese
 * names are often written ("Lee Jae-yong", "Kim Dong-hyun", "Jen-hsun"): the syllable before the
 * hyphen is a short capitalised word and the lowercase one ends the hyphen chain.
 */
function isLowercaseSyllable(model: TextModel, i: number, groupFirst: number): boolean {
  const atom = model.atoms[i]
  const prev = model.atoms[i - 1]
  if (atom === undefined || prev === undefined || i <= groupFirst) return false
  if (atom.text !== atom.lower || !SYLLABLE.test(atom.text)) return false
  if (!/^[-‑]$/.test(separatorBefore(model, i)) || /^[-‑]$/.test(separatorAfter(model, i))) {
    return false
  }
  return prev.text.length <= 5 && isCapitalized(prev.text) && SYLLABLE.test(prev.lower)
}

/** Splits atoms first..last into words: hyphen- and apostrophe-joined atoms form one word. */
function wordsOf(model: TextModel, first: number, last: number): { first: number; last: number }[] {
  const words: { first: number; last: number }[] = []
  for (let i = first; i <= last; i++) {
    const sep = separatorBefore(model, i)
    const previous = words.at(-1)
    if (i > first && previous !== undefined && /^[-‑'’]$/.test(sep)) previous.last = i
    else words.push({ first: i, last: i })
  }
  return words
}

function isFirstName(model: TextModel, kb: KnowledgeBase, i: number, strictOnly: boolean): boolean {
  const atom = model.atoms[i]
  if (atom === undefined || !kb.firstNames.has(atom.lower)) return false
  // "im August den Rücken", "seit April Chefredakteur": a month after an article is the month
  const before = model.atoms[i - 1]
  if (kb.stopNames.has(model.folded[i] ?? '') && before !== undefined) {
    if (DETERMINERS.has(before.lower) || before.lower === 'seit') return false
  }
  if (!kb.ambiguousFirstNames.has(atom.lower)) return true
  return !strictOnly && !model.sentenceStart[i] && !model.headline[i]
}

function personInRun(
  model: TextModel,
  kb: KnowledgeBase,
  first: number,
  last: number,
): Candidate | null {
  const all = wordsOf(model, first, last)
  // particles may sit inside a name but never start or end one
  while (all.length > 0 && NAME_PARTICLES.has(model.atoms[all.at(-1)?.first ?? -1]?.text ?? '')) {
    all.pop()
  }
  while (all.length > 0 && NAME_PARTICLES.has(model.atoms[all[0]?.first ?? -1]?.text ?? '')) {
    all.shift()
  }
  const nameWords = (from: number) => all.slice(from).filter((w) => !isParticle(model, w.first))
  const maxWords = model.headline[first] ? 2 : 3

  // "the startup Lumora Labs", "fintech Brightwater Payments": an organisation, whatever follows
  const lastAtom = model.atoms[last]
  if (
    lastAtom !== undefined &&
    kb.legalSuffixes
      .get(lastAtom.lower)
      ?.some((e) => e.atoms.length === 1 && e.atoms[0] === lastAtom.text)
  ) {
    return null
  }
  if (followsOrgCue(model, kb, first)) return null
  // "Mike Vernal Is", "Geoff Lewis Leaves": a Title Case headline verb ends the name
  while (all.length > 0 && SUBJECT_VERBS.has(model.atoms[all.at(-1)?.first ?? -1]?.lower ?? '')) {
    all.pop()
  }
  let p = all.findIndex((w) => isFirstName(model, kb, w.first, false))
  // "Christian Teichmann, 39, wird ... Teichmann folgt": an ambiguous first name that starts a
  // sentence counts when the text names the surname again on its own
  if (p === -1 && all.length === 2 && kb.firstNames.has(model.atoms[first]?.lower ?? '')) {
    if (surnameRecurs(model, all[1]?.first ?? -1)) p = 0
  }
  if (p !== -1 && nameWords(p).length >= 2) {
    const span = limitWords(model, all.slice(p), maxWords)
    const ambiguous = kb.ambiguousFirstNames.has(model.atoms[span.first]?.lower ?? '')
    return candidate(model, span.first, span.last, 'first-name', ambiguous ? 0.7 : 0.85)
  }
  if (model.headline[first]) return null
  // Without a first name: two or three name-like words plus a role or a speech verb next to them.
  const words = nameWords(0)
  if (words.length < 2 || words.length > 3) return null
  // German "Nachfolge von Oppitz", "Region der Mitte": a noun, a particle, a noun
  if (model.lang !== 'en' && words.length < all.length) return null
  const head = all[0]
  const tail = all.at(-1)
  if (head === undefined || tail === undefined) return null
  const leadingFirstName = kb.firstNames.has(model.atoms[head.first]?.lower ?? '')
  if (hasSpeechVerb(model, head.first, tail.last)) {
    return candidate(model, head.first, tail.last, 'speech', leadingFirstName ? 0.8 : 0.7)
  }
  if (hasRoleNearby(model, kb, head.first, tail.last)) {
    return candidate(model, head.first, tail.last, 'role', leadingFirstName ? 0.8 : 0.75)
  }
  return null
}

/** The capitalised word at atom i occurs again elsewhere in the text, on its own. */
function surnameRecurs(model: TextModel, i: number): boolean {
  const folded = model.folded[i]
  if (folded === undefined || folded.length < 3) return false
  for (let k = 0; k < model.atoms.length; k++) {
    if (k === i || model.folded[k] !== folded) continue
    const before = model.atoms[k - 1]
    // on its own: not right after the same first name again
    if (before === undefined || before.lower !== model.atoms[i - 1]?.lower) return true
  }
  return false
}

/**
 * A noun for a kind of organisation right before the run ("the fintech X", "das Startup X").
 * Cue verbs and prepositions ("joined", "Wechsel von") stand before people just as often.
 */
function followsOrgCue(model: TextModel, kb: KnowledgeBase, first: number): boolean {
  return (
    !model.sentenceStart[first] &&
    /^\s+$/.test(separatorBefore(model, first)) &&
    isCueNoun(model, kb, first - 1)
  )
}

function isParticle(model: TextModel, i: number): boolean {
  return NAME_PARTICLES.has(model.atoms[i]?.text ?? '')
}

function limitWords(
  model: TextModel,
  words: readonly { first: number; last: number }[],
  max: number,
): { first: number; last: number } {
  let counted = 0
  let end = words[0]?.last ?? 0
  for (const w of words) {
    if (!isParticle(model, w.first)) counted++
    if (counted > max) break
    end = w.last
  }
  return { first: words[0]?.first ?? 0, last: end }
}

function candidate(
  model: TextModel,
  first: number,
  last: number,
  via: 'first-name' | 'role' | 'speech',
  confidence: number,
): Candidate {
  return {
    first,
    last,
    start: model.atoms[first]?.start ?? 0,
    end: model.atoms[last]?.end ?? 0,
    kind: 'person',
    entityId: null,
    canonical: null,
    confidence,
    via,
  }
}

function hasSpeechVerb(model: TextModel, first: number, last: number): boolean {
  const before = model.atoms[first - 1]
  const after = model.atoms[last + 1]
  if (before !== undefined && /^\s+$/.test(separatorBefore(model, first))) {
    if (SPEECH_VERBS.has(before.lower)) return true
  }
  const sepAfter = separatorAfter(model, last)
  return after !== undefined && /^,?\s+$/.test(sepAfter) && SPEECH_VERBS.has(after.lower)
}

/**
 * A role word right before the name ("CEO Aravind Srinivas"), in the clause that a comma closes
 * before it ("Der Gründer von Aleph Alpha, Jonas Andrulis"), right after it in lowercase ("named
 * Lip-Bu Tan chief executive"), or in the apposition after a comma ("Priya Raman, a senior
 * engineer at Stripe"; "X, who ...").
 */
function hasRoleNearby(model: TextModel, kb: KnowledgeBase, first: number, last: number): boolean {
  const sepBefore = separatorBefore(model, first)
  if (/^\s+$/.test(sepBefore) || /^,\s+$/.test(sepBefore)) {
    const comma = sepBefore.includes(',')
    // a role of several words that ends right before the name: "chief executive X", "co-creator X"
    if (!comma && roleEndingAt(model, kb, first - 1) !== null) return true
    for (let j = first - 1; j >= 0 && j >= first - 8; j--) {
      const hit = roleAt(model, kb, j)
      if (hit !== null && (comma ? hit.last < first : hit.last === first - 1)) return true
      if (model.sentenceStart[j]) break
      if (!comma) break
      if (j < first - 1 && /[,.;:!?]/.test(separatorAfter(model, j))) break
    }
  }
  const sepAfter = separatorAfter(model, last)
  const next = model.atoms[last + 1]
  if (next === undefined) return false
  if (/^\s+$/.test(sepAfter)) {
    return !isCapitalized(next.text) && roleAt(model, kb, last + 1) !== null
  }
  if (!/^,\s+$/.test(sepAfter)) return false
  if (next.lower === 'who') return true
  for (let j = last + 1; j <= last + 6 && j < model.atoms.length; j++) {
    if (roleAt(model, kb, j) !== null) return true
    if (/[,.;:!?()]/.test(separatorAfter(model, j))) break
  }
  return false
}
