import { type Atom, normalizeSeparator, splitAtoms } from './atoms.js'

/** One phrase of a {@link PhraseIndex}: its atoms (original case and lowercased) and separators. */
export interface PhraseEntry<T> {
  readonly phrase: string
  readonly atoms: readonly string[]
  readonly lowers: readonly string[]
  /** `seps[k]` is the normalised separator between atom k and atom k + 1. */
  readonly seps: readonly string[]
  readonly value: T
}

/**
 * Phrases keyed by their first atom (lowercased), longest first. Walking it from every atom of a
 * text is a one-pass multi-pattern match over atoms: the same job as Aho-Corasick over characters,
 * with word boundaries built in and one hash lookup per atom.
 */
export type PhraseIndex<T> = ReadonlyMap<string, readonly PhraseEntry<T>[]>

/**
 * Builds a phrase index. Phrases without any atom (punctuation only) are skipped.
 *
 * @example
 * const roles = buildPhraseIndex([{ phrase: 'chief executive', value: 'ceo' }])
 * roles.get('chief')?.[0]?.lowers // ['chief', 'executive']
 */
export function buildPhraseIndex<T>(
  items: Iterable<{ readonly phrase: string; readonly value: T }>,
): PhraseIndex<T> {
  const index = new Map<string, PhraseEntry<T>[]>()
  for (const { phrase, value } of items) {
    const atoms = splitAtoms(phrase)
    const first = atoms[0]
    if (first === undefined) continue
    const seps: string[] = []
    for (let k = 0; k + 1 < atoms.length; k++) {
      seps.push(normalizeSeparator(phrase.slice(atoms[k]?.end, atoms[k + 1]?.start)))
    }
    const entry: PhraseEntry<T> = {
      phrase,
      atoms: atoms.map((a) => a.text),
      lowers: atoms.map((a) => a.lower),
      seps,
      value,
    }
    const list = index.get(first.lower)
    if (list === undefined) index.set(first.lower, [entry])
    else list.push(entry)
  }
  for (const list of index.values()) list.sort((a, b) => b.lowers.length - a.lowers.length)
  return index
}

/**
 * Every phrase that starts at atom `i` (case-blind), longest first. `accept` can veto an entry
 * (case rules live with the caller).
 *
 * @example
 * const hits = phrasesAt(roles, splitAtoms('the chief executive said'), 'the chief executive said', 1)
 * hits[0]?.value // 'ceo'
 */
export function phrasesAt<T>(
  index: PhraseIndex<T>,
  atoms: readonly Atom[],
  text: string,
  i: number,
  accept?: (entry: PhraseEntry<T>) => boolean,
): PhraseEntry<T>[] {
  const first = atoms[i]
  if (first === undefined) return []
  const candidates = index.get(first.lower)
  if (candidates === undefined) return []
  const hits: PhraseEntry<T>[] = []
  for (const entry of candidates) {
    if (matchesAt(entry, atoms, text, i) && (accept === undefined || accept(entry)))
      hits.push(entry)
  }
  return hits
}

/** True when `entry` matches the atoms starting at `i`, separators included. */
export function matchesAt<T>(
  entry: PhraseEntry<T>,
  atoms: readonly Atom[],
  text: string,
  i: number,
): boolean {
  const n = entry.lowers.length
  if (i + n > atoms.length) return false
  for (let k = 0; k < n; k++) {
    if (atoms[i + k]?.lower !== entry.lowers[k]) return false
    if (k + 1 < n) {
      const end = atoms[i + k]?.end ?? 0
      const nextStart = atoms[i + k + 1]?.start ?? end
      const plainSpace = nextStart - end === 1 && text.charCodeAt(end) === 32
      const sep = plainSpace ? ' ' : normalizeSeparator(text.slice(end, nextStart))
      if (sep !== entry.seps[k]) return false
    }
  }
  return true
}
