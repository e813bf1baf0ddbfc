import { NAME_PARTICLES } from './context-words.js'
import { isCapitalized, separatorAfter, type TextModel } from './text-model.js'

/**
 * A run of capitalised atoms inside one sentence that may form a name: joined by single spaces,
 * hyphens ("Anna-Lena Müller-Hoffmann"), an apostrophe inside a name ("O'Brien"), an initial
 * ("Samuel H. Altman") or lowercase particles followed by a capital ("Ursula von der Leyen").
 * A possessive ("Altman's") ends the run.
 */
export interface NameGroup {
  readonly first: number
  readonly last: number
}

/**
 * Collects the name groups of a text.
 *
 * @example
 * findNameGroups(buildTextModel('Jan van der Berg, a platform engineer', 'en')) // [{ first: 0, last: 3 }]
 */
export function findNameGroups(model: TextModel): NameGroup[] {
  const groups: NameGroup[] = []
  const { atoms } = model
  let i = 0
  while (i < atoms.length) {
    const atom = atoms[i]
    if (atom === undefined || !isCapitalized(atom.text)) {
      i++
      continue
    }
    const first = i
    let last = i
    for (;;) {
      const next = joinedNext(model, last, first)
      if (next === null) break
      last = next
    }
    groups.push({ first, last })
    i = last + 1
  }
  return groups
}

/** The index of the next atom of the group after atom i, or null when the group ends at i. */
function joinedNext(model: TextModel, i: number, groupFirst: number): number | null {
  const { atoms } = model
  const atom = atoms[i]
  const next = atoms[i + 1]
  if (atom === undefined || next === undefined) return null
  if (model.sentenceStart[i + 1]) return null
  const sep = separatorAfter(model, i)
  if (sep === '-' || sep === '‑') return i + 1
  // "AT&T", "M&C Saatchi", "Procter & Gamble": an ampersand between capitals joins one name
  if ((sep === '&' || sep === ' & ') && isCapitalized(next.text)) return i + 1
  if ((sep === "'" || sep === '’') && next.lower !== 's' && isCapitalized(next.text)) return i + 1
  const initial = atom.text.length === 1 && isCapitalized(atom.text)
  if (!(sep === ' ' || (initial && sep === '. '))) return null
  if (isCapitalized(next.text)) return i + 1
  // lowercase particles between a first name and the surname: "Ursula von der Leyen". Only right
  // after the first word, because German "von der Konkurrenz" follows names all the time.
  if (i !== groupFirst) return null
  let j = i + 1
  while (
    j < atoms.length &&
    NAME_PARTICLES.has(atoms[j]?.text ?? '') &&
    separatorAfter(model, j) === ' '
  ) {
    j++
    if (j - i > 3) return null
  }
  return j > i + 1 && isCapitalized(atoms[j]?.text ?? '') ? j : null
}
