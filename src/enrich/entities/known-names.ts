import { normalizeSeparator } from '../../knowledge/atoms.js'
import type { AliasTarget, KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { PhraseEntry } from '../../knowledge/phrase-index.js'
import { separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/** A knowledge-base alias found in the text, before its context is judged. */
export interface KnownMatch {
  /** First and last atom index (inclusive). */
  readonly first: number
  readonly last: number
  readonly start: number
  /** Exclusive; a German genitive "s" ("OpenAIs") is left outside. */
  readonly end: number
  readonly target: AliasTarget
  readonly alias: PhraseEntry<AliasTarget>
  /** "OpenAI's" / "Altman’s". */
  readonly possessive: boolean
  /** German genitive: "OpenAIs", "Microsofts", "Altmans". */
  readonly genitive: boolean
  /** The lowercased word after a hyphen: "chef" in "Meta-Chef", "ebene" in "Meta-Ebene". */
  readonly compoundHead: string | null
  /**
   * The lowercased last word of a longer hyphen chain, which heads a German compound: "chef" in
   * "Tesla-KI-Chef". Null when the compound has only two parts.
   */
  readonly compoundEnd: string | null
}

/**
 * Finds every knowledge-base name and alias in one left-to-right pass over the atoms, longest alias
 * first at each position ("Meta Platforms" before "Meta"). Word boundaries come from the atoms;
 * case must match the alias, except that a lowercase alias may be capitalised at the start of a
 * sentence or in a headline ("heise online" → "Heise online"). A name that is the tail of a
 * hyphenated compound ("Nicht-Apple-Geräte") is skipped; one that heads a compound ("Meta-Chef")
 * is kept with its compound head for the context check.
 *
 * @example
 * findKnownNames(buildTextModel('OpenAIs Chefwissenschaftler', 'de'), kb)[0]?.genitive // true
 */
export function findKnownNames(model: TextModel, kb: KnowledgeBase): KnownMatch[] {
  const matches: KnownMatch[] = []
  const { atoms } = model
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]
    if (atom === undefined) continue
    const match = longestAliasAt(model, kb, i)
    if (match === null || isCompoundTail(model, i)) continue
    matches.push(match)
    i = match.last
  }
  return matches
}

type Entries = readonly PhraseEntry<AliasTarget>[]
interface SecondWordIndex {
  /** Second word → the aliases with it, then the one-word aliases; all longest first. */
  readonly bySecond: ReadonlyMap<string, Entries>
  readonly singles: Entries
}
const bySecondWord = new WeakMap<KnowledgeBase, Map<string, SecondWordIndex>>()

/**
 * The aliases that may start at a word followed by `next`, longest first. A big knowledge base has
 * hundreds of names that start with "Deutsche" or "The"; grouped by their second word once, each
 * text position tries only the few that can match.
 */
function aliasesStartingAt(
  kb: KnowledgeBase,
  first: string,
  next: string,
  genitives: boolean,
): Entries {
  const all = kb.aliases.get(first)
  if (all === undefined || all.length <= 8) return all ?? []
  let table = bySecondWord.get(kb)
  if (table === undefined) {
    table = new Map()
    bySecondWord.set(kb, table)
  }
  let index = table.get(first)
  if (index === undefined) {
    const groups = new Map<string, PhraseEntry<AliasTarget>[]>()
    const singles: PhraseEntry<AliasTarget>[] = []
    for (const entry of all) {
      const key = entry.lowers[1]
      if (key === undefined) {
        singles.push(entry)
        continue
      }
      const list = groups.get(key)
      if (list === undefined) groups.set(key, [entry])
      else list.push(entry)
    }
    const bySecond = new Map<string, Entries>()
    for (const [key, list] of groups) bySecond.set(key, [...list, ...singles])
    index = { bySecond, singles }
    table.set(first, index)
  }
  const exact = index.bySecond.get(next) ?? index.singles
  // "Mark Zuckerbergs": a genitive "s" on the second word of a two-word name
  const genitive =
    genitives && next.endsWith('s') ? index.bySecond.get(next.slice(0, -1)) : undefined
  return genitive === undefined ? exact : [...(index.bySecond.get(next) ?? []), ...genitive]
}

const lowercaseStarts = new WeakMap<KnowledgeBase, ReadonlySet<string>>()

/**
 * True when some alias starts with the lowercase word `first` ("heise online", "1&1"): only then
 * can a lowercase word of running text start a name. Most words of a text are lowercase, and
 * most start none.
 */
function startsLowercaseAlias(kb: KnowledgeBase, first: string): boolean {
  let set = lowercaseStarts.get(kb)
  if (set === undefined) {
    const built = new Set<string>()
    for (const [key, entries] of kb.aliases) {
      if (entries.some((e) => e.atoms[0] === e.lowers[0])) built.add(key)
    }
    set = built
    lowercaseStarts.set(kb, set)
  }
  return set.has(first)
}

function longestAliasAt(model: TextModel, kb: KnowledgeBase, i: number): KnownMatch | null {
  const atom = model.atoms[i]
  if (atom === undefined) return null
  // a lowercase word inside a sentence starts a name only if a name starts with it, or with the
  // article a German title declines ("zuerst der Spiegel berichtet")
  if (
    atom.text === atom.lower &&
    !model.sentenceStart[i] &&
    !model.headline[i] &&
    !ARTICLES.has(atom.lower) &&
    !startsLowercaseAlias(kb, atom.lower)
  ) {
    return null
  }
  const next = model.atoms[i + 1]?.lower ?? ''
  const candidates = aliasesStartingAt(kb, atom.lower, next, model.lang !== 'en')
  for (const entry of candidates) {
    const match = matchEntry(model, entry, i, false)
    if (match !== null) return match
  }
  // German genitive of a one-word alias: "OpenAIs", "Microsofts".
  if (
    model.lang !== 'en' &&
    atom.lower.length > 2 &&
    atom.lower.endsWith('s') &&
    atom.text !== atom.lower
  ) {
    for (const entry of kb.aliases.get(atom.lower.slice(0, -1)) ?? []) {
      if (entry.lowers.length !== 1) continue
      const match = matchEntry(model, entry, i, true)
      if (match !== null) return match
    }
  }
  return model.lang === 'en' ? null : declinedAdjectiveAt(model, kb, i)
}

/**
 * German names that start with an adjective decline it: "der Deutschen Bahn", "der Europäischen
 * Kommission", "des Deutschen Wetterdienstes". A capitalised "-en" form matches an alias of two or
 * more words whose first word ends in "-e", "-er" or "-es" ("Deutsche", "Deutscher", "Deutsches").
 */
function declinedAdjectiveAt(model: TextModel, kb: KnowledgeBase, i: number): KnownMatch | null {
  const atom = model.atoms[i]
  if (atom === undefined || atom.lower.length < 5 || !atom.lower.endsWith('en')) return null
  if (atom.text === atom.lower) return null
  const stem = atom.lower.slice(0, -2)
  for (const ending of ['e', 'er', 'es']) {
    for (const entry of kb.aliases.get(stem + ending) ?? []) {
      if (entry.lowers.length < 2) continue
      const match = matchEntry(model, entry, i, false, stem.length)
      if (match !== null) return match
    }
  }
  return null
}

function matchEntry(
  model: TextModel,
  entry: PhraseEntry<AliasTarget>,
  i: number,
  genitiveFirst: boolean,
  /** Set when the first word is a declined adjective: the length of the stem both forms share. */
  declinedStem = 0,
): KnownMatch | null {
  const { atoms, text } = model
  const n = entry.lowers.length
  if (i + n > atoms.length) return null
  // Cheap rejection first: of the many aliases that share a first word ("Deutsche …"), most
  // already differ in the second (a genitive "s" may end it).
  if (n > 1) {
    const second = atoms[i + 1]?.lower
    const want = entry.lowers[1] ?? ''
    if (second !== want && !(n === 2 && second === `${want}s`)) return null
  }
  if (isTooWeakAlias(entry)) return null
  let genitive = false
  for (let k = 0; k < n; k++) {
    const atom = atoms[i + k]
    const want = entry.atoms[k]
    if (atom === undefined || want === undefined) return null
    let surface = atom.text
    if (declinedStem > 0 && k === 0) {
      // "Deutschen" for "Deutsche": compare the shared stem, case included
      if (surface.slice(0, declinedStem) !== want.slice(0, declinedStem)) return null
    } else if (genitiveFirst && k === n - 1) {
      surface = surface.slice(0, -1)
      genitive = true
    } else if (atom.lower !== entry.lowers[k]) {
      // Genitive on the last word of a longer alias: "Mark Zuckerbergs".
      if (k === n - 1 && model.lang !== 'en' && atom.lower === `${entry.lowers[k]}s`) {
        surface = surface.slice(0, -1)
        genitive = true
      } else {
        return null
      }
    }
    if (!(declinedStem > 0 && k === 0) && !caseMatches(surface, want, model, i + k)) return null
    if (k + 1 < n) {
      const nextStart = atoms[i + k + 1]?.start ?? atom.end
      const plainSpace = nextStart - atom.end === 1 && text.charCodeAt(atom.end) === 32
      if (
        plainSpace
          ? entry.seps[k] !== ' '
          : normalizeSeparator(text.slice(atom.end, nextStart)) !== entry.seps[k]
      )
        return null
    }
  }
  const firstAtom = atoms[i]
  const lastAtom = atoms[i + n - 1]
  if (firstAtom === undefined || lastAtom === undefined) return null
  const last = i + n - 1
  const after = separatorAfter(model, last)
  const nextAtom = atoms[last + 1]
  const possessive = !genitive && /^['’]$/.test(after) && nextAtom?.lower === 's'
  const compoundHead =
    !genitive && (after === '-' || after === '‑') && nextAtom !== undefined ? nextAtom.lower : null
  return {
    first: i,
    last,
    start: firstAtom.start,
    end: genitive ? lastAtom.end - 1 : lastAtom.end,
    target: entry.value,
    alias: entry,
    possessive,
    genitive,
    compoundHead,
    compoundEnd: compoundHead === null ? null : lastOfHyphenChain(model, last + 1),
  }
}

/** The last word of the hyphen chain that continues at atom i, or null when it ends at i. */
function lastOfHyphenChain(model: TextModel, i: number): string | null {
  let j = i
  while (j - i < 4 && /^[-‑]$/.test(separatorAfter(model, j)) && model.atoms[j + 1] !== undefined) {
    j++
  }
  return j === i ? null : (model.atoms[j]?.lower ?? null)
}

/** One- to three-letter lowercase aliases ("io", "eco") are ordinary words far more often. */
function isTooWeakAlias(entry: PhraseEntry<AliasTarget>): boolean {
  const only = entry.atoms[0]
  return (
    entry.atoms.length === 1 && only !== undefined && only.length <= 3 && only === entry.lowers[0]
  )
}

const ARTICLES = new Set(['the', 'der', 'die', 'das'])

function caseMatches(surface: string, want: string, model: TextModel, i: number): boolean {
  if (surface === want) return true
  // a leading article declines in running text: "zuerst der Spiegel berichtet"
  if (ARTICLES.has(surface) && surface === want.toLowerCase()) return true
  if (model.sentenceStart[i] || model.headline[i]) {
    const first = want.charAt(0)
    if (first === first.toLowerCase() && surface === first.toUpperCase() + want.slice(1))
      return true
  }
  return false
}

/** "Nicht-Apple", "Social-Media": the atom continues a hyphenated word it does not start. */
function isCompoundTail(model: TextModel, i: number): boolean {
  const sep = separatorBefore(model, i)
  if (sep !== '-' && sep !== '‑') return false
  const prev = model.atoms[i - 1]
  // "Ex-OpenAI-Forscher", "ex-Google": the prefix marks a former employer, the name still counts.
  return prev === undefined || prev.lower !== 'ex'
}
