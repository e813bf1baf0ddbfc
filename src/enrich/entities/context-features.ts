import { foldName } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { DETERMINERS } from './context-words.js'
import { isCueNoun, isDescriptorNoun, roleAt } from './cue-lookup.js'
import { ABSTRACT_ENDING } from './find-orgs.js'
import type { NameGroup } from './name-groups.js'
import { isOrgHead, orgCompoundHeads } from './org-heads.js'
import { slotEvidence } from './org-slots.js'
import { isPlace, isPlaceAdjective } from './place-names.js'
import { isCapitalized, separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/** A capitalised run that no rule claimed, with the features the learned scorer reads. */
export interface ContextCandidate {
  readonly first: number
  readonly last: number
  /** Candidates with the same number are readings of one run; at most one of them is kept. */
  readonly alternative: number
  readonly features: readonly string[]
  /** Set when a rule proposed it: the scorer confirms or vetoes the rule's organisation. */
  readonly proposed?: Candidate
}

const MAX_ATOMS = 4
/**
 * The organisations the rules proposed (`proposed`, with their rule as a feature), then the runs of
 * name groups that no rule claimed (atoms without an owner, not a role word, title,
 * article, noun for a kind of company or German adjective of place), at most four atoms long, each
 * with its features. Features are templates over the shape of the run and its context, never the
 * words of the run itself, so what the scorer learns carries over to names it never saw:
 * - shape: case pattern, digits, length, the last two and three letters (German common nouns end
 *   in "-ung", "-heit", names rarely do), first name, place, stop word, repeated in the text;
 * - position: sentence start, Title Case headline, quotes;
 * - context: one and two words before and after (lowercased), the separators around it
 *   (possessive, hyphen, comma), a role, cue noun or company compound head next to it.
 * Lexical features carry the language ("de:p1=bei"), shape features do not.
 *
 * @example
 * contextCandidates(model, kb, groups, owners)[0]?.features // ['len=1', 'shape=Xx', 'de:p1=bei', ...]
 */
export function contextCandidates(
  model: TextModel,
  kb: KnowledgeBase,
  groups: readonly NameGroup[],
  owners: readonly (Candidate | undefined)[],
  proposed: readonly Candidate[] = [],
): ContextCandidate[] {
  const found: ContextCandidate[] = []
  let counts: Map<string, number> | undefined
  const push = (first: number, last: number, alternative: number, extra: readonly string[]) => {
    counts ??= capitalisedCounts(model)
    const features = featuresOf(model, kb, first, last, counts)
    found.push({ first, last, alternative, features: [...features, ...extra] })
  }
  for (const c of proposed) {
    counts ??= capitalisedCounts(model)
    const rule = c.kind === 'person' ? `person-${c.via}` : c.rule
    const features = [...featuresOf(model, kb, c.first, c.last, counts), `rule:${rule}`]
    found.push({ first: c.first, last: c.last, alternative: found.length, features, proposed: c })
  }
  for (const group of groups) {
    let at = group.first
    while (at <= group.last) {
      if (!free(model, kb, owners, at)) {
        at++
        continue
      }
      let last = at
      while (
        last < group.last &&
        last - at < MAX_ATOMS - 1 &&
        !endsBeforeCompoundHead(model, last) &&
        free(model, kb, owners, last + 1)
      )
        last++
      const next = last + 1
      // "Bei RTL", "Nach Monaten": function words and common words at the edges are no part of a name
      let first = at
      while (first <= last && kb.stopNames.has(model.folded[first] ?? '')) first++
      let end = last
      while (end >= first && kb.stopNames.has(model.folded[end] ?? '')) end--
      // an English capital that only starts a sentence or a headline says nothing about a name;
      // a lone German word after an article or with an abstract ending is a noun ("die Zukunft",
      // "Führung"), and there are many
      const uninformative =
        model.lang === 'en'
          ? model.sentenceStart[first] || model.headline[first]
          : first === end &&
            (afterArticle(model, first) || ABSTRACT_ENDING.test(model.atoms[first]?.lower ?? ''))
      if (first <= end && !uninformative) {
        const alternative = found.length
        push(first, end, alternative, [])
        // "Kreditvermittler Spotcap", "Tochter Covestro": a German noun that describes the name
        // after it; the name alone is scored too, and the likelier reading wins
        if (model.lang === 'de' && end > first && !/^[-‑]$/.test(separatorAfter(model, first))) {
          const lower = model.atoms[first]?.lower ?? ''
          push(first + 1, end, alternative, ['afterNoun', `de:pre:suf3=${lower.slice(-3)}`])
        }
      }
      // the head of "Covestro-Kurs" is no candidate of its own
      at = endsBeforeCompoundHead(model, last) ? next + 1 : next
    }
  }
  return found
}

function afterArticle(model: TextModel, i: number): boolean {
  const before = model.atoms[i - 1]
  return (
    before !== undefined && DETERMINERS.has(before.lower) && /^\s+$/.test(separatorBefore(model, i))
  )
}

/** "Covestro-Kurs", "RBB-Intendantin": a hyphen, then a capitalised German noun heads the compound. */
function endsBeforeCompoundHead(model: TextModel, i: number): boolean {
  if (model.lang !== 'de' || !/^[-‑]$/.test(separatorAfter(model, i))) return false
  const head = model.atoms[i + 1]
  if (head === undefined || head.text.length < 4 || !isCapitalized(head.text)) return false
  return head.text.slice(1) === head.lower.slice(1) && !/^[-‑]$/.test(separatorAfter(model, i + 1))
}

function free(
  model: TextModel,
  kb: KnowledgeBase,
  owners: readonly (Candidate | undefined)[],
  i: number,
): boolean {
  const atom = model.atoms[i]
  if (atom === undefined || owners[i] !== undefined) return false
  if (!isCapitalized(atom.text) && !/^\d/.test(atom.text)) return false
  if (DETERMINERS.has(atom.lower) || kb.titlePrefixes.has(atom.lower)) return false
  if (model.lang !== 'en' && isPlaceAdjective(model.folded[i] ?? '')) return false
  return (
    roleAt(model, kb, i) === null &&
    !isCueNoun(model, kb, i, false) &&
    !isDescriptorNoun(model, kb, i)
  )
}

/** How often each capitalised atom occurs in the text (folded). */
function capitalisedCounts(model: TextModel): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i < model.atoms.length; i++) {
    const atom = model.atoms[i]
    if (atom === undefined || !isCapitalized(atom.text)) continue
    const key = model.folded[i] ?? ''
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** "Xx", "XX", "XxXx", "d": the case pattern of a word, runs collapsed. */
function shapeOf(word: string): string {
  let shape = ''
  for (const ch of word) {
    const s = /\d/.test(ch)
      ? 'd'
      : ch !== ch.toLowerCase()
        ? 'X'
        : ch !== ch.toUpperCase()
          ? 'x'
          : '-'
    if (!shape.endsWith(s)) shape += s
  }
  return shape
}

function featuresOf(
  model: TextModel,
  kb: KnowledgeBase,
  first: number,
  last: number,
  counts: ReadonlyMap<string, number>,
): string[] {
  const lang = model.lang
  const atoms = model.atoms
  const firstAtom = atoms[first]
  const lastAtom = atoms[last]
  if (firstAtom === undefined || lastAtom === undefined) return []
  const n = last - first + 1
  const f: string[] = ['bias', `len=${Math.min(n, 3)}`]
  const shapes: string[] = []
  for (let i = first; i <= last; i++) shapes.push(shapeOf(atoms[i]?.text ?? ''))
  f.push(`shape=${shapes.join('_')}`, `shape1=${shapes[0]}`)
  const lower = lastAtom.lower
  if (lower.length >= 4)
    f.push(`${lang}:suf3=${lower.slice(-3)}`, `${lang}:suf2=${lower.slice(-2)}`)
  else f.push(`short=${lower.length}`)
  if (kb.firstNames.has(firstAtom.lower)) {
    f.push(kb.ambiguousFirstNames.has(firstAtom.lower) ? 'firstname:amb' : 'firstname')
  }
  if (n > 1 && kb.firstNames.has(lastAtom.lower)) f.push('lastIsFirstname')
  for (let i = first; i <= last; i++) {
    if (kb.stopNames.has(model.folded[i] ?? '')) f.push(i === first ? 'stop:first' : 'stop:inner')
  }
  const surface = model.text.slice(firstAtom.start, lastAtom.end)
  if (isPlace(surface)) f.push('place')
  else if (n > 1 && isPlace(lastAtom.text)) f.push('place:last')
  if ((counts.get(model.folded[first] ?? '') ?? 0) > 1) f.push('repeated')
  if (model.sentenceStart[first]) f.push('sentenceStart')
  if (model.headline[first]) f.push('headline')
  if (foldName(surface) === surface.toLowerCase() && /^[A-Z]+$/.test(surface)) f.push('acronym')

  // the slot rules' evidence, whichever rule (if any) proposed the run
  const slot = slotEvidence(model, kb, first, last)
  if (slot !== null) f.push(`slot:${slot.rule}`)
  const sepB = separatorBefore(model, first)
  const sepA = separatorAfter(model, last)
  if (/["“”„«»‚‘]/.test(sepB)) f.push('quoteBefore')
  const before = model.sentenceStart[first] ? undefined : atoms[first - 1]
  const before2 =
    before === undefined || model.sentenceStart[first - 1] ? undefined : atoms[first - 2]
  const after = atoms[last + 1]
  const afterSame = after !== undefined && !model.sentenceStart[last + 1] ? after : undefined
  const after2 = afterSame === undefined ? undefined : atoms[last + 2]
  f.push(`sepB=${sepKind(sepB)}`, `sepA=${sepKind(sepA)}`)
  if (before !== undefined) {
    f.push(`${lang}:p1=${wordOf(model, kb, first - 1)}`)
    if (isCueNoun(model, kb, first - 1)) f.push('p1:cue')
    if (kb.firstNames.has(before.lower) && isCapitalized(before.text)) f.push('p1:firstname')
    if (roleAt(model, kb, first - 1) !== null) f.push('p1:role')
  }
  if (before2 !== undefined) f.push(`${lang}:p2=${wordOf(model, kb, first - 2)}`)
  if (afterSame !== undefined) {
    const possessive = /^['’]$/.test(sepA) && afterSame.lower === 's'
    if (possessive) {
      f.push('possessive')
      if (roleAt(model, kb, last + 2) !== null) f.push('possessive:role')
    } else if (/^[-‑]$/.test(sepA)) {
      f.push(`hyphenHead:${isOrgHead(afterSame.lower, orgCompoundHeads(kb)) ? 'org' : 'other'}`)
    } else {
      f.push(`${lang}:n1=${wordOf(model, kb, last + 1)}`)
      if (roleAt(model, kb, last + 1) !== null) f.push('n1:role')
      if (after2 !== undefined) f.push(`${lang}:n2=${wordOf(model, kb, last + 2)}`)
    }
  }
  return f
}

/**
 * A context word: lowercase words and capitalised common words (the stop list: "Bei", "Laut") as
 * they are, other capitalised words by shape only, so no name is learned.
 */
function wordOf(model: TextModel, kb: KnowledgeBase, i: number): string {
  const atom = model.atoms[i]
  if (atom === undefined) return ''
  if (!isCapitalized(atom.text) || kb.stopNames.has(model.folded[i] ?? '')) return atom.lower
  return `<${shapeOf(atom.text)}>`
}

function sepKind(sep: string): string {
  if (sep === '') return 'none'
  if (/^\s+$/.test(sep)) return sep.includes('\n') ? 'nl' : 'sp'
  const core = sep.replace(/\s+/g, ' ').trim()
  return core.length <= 2 ? core : 'other'
}
