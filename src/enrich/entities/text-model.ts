import { type Atom, foldName, splitAtoms } from '../../knowledge/atoms.js'

/**
 * A text split into atoms plus the two facts about each atom that decide whether its capital letter
 * means anything: is it the first word of a sentence, and does it sit in a Title Case headline.
 */
export interface TextModel {
  readonly text: string
  readonly lang: 'en' | 'de' | 'other'
  readonly atoms: readonly Atom[]
  /** Each atom folded for case- and accent-blind lookups ("Müller" → "muller"). */
  readonly folded: readonly string[]
  readonly sentenceStart: readonly boolean[]
  readonly headline: readonly boolean[]
}

// Abbreviations whose dot does not end a sentence ("Prof. Dr. Björn Ommer", "U.S. Department").
const NO_SENTENCE_END = new Set([
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'st',
  'sen',
  'rep',
  'gov',
  'inc',
  'corp',
  'ltd',
  'co',
  'jr',
  'sr',
  'vs',
  'ca',
  'bzw',
  'etc',
  'z',
  'b',
  'u',
  'a',
  'd',
  'h',
  'nr',
  'no',
  'dipl',
  'ing',
  'mio',
  'mrd',
])

/**
 * Builds the text model.
 *
 * @example
 * const m = buildTextModel('Apple said so. Das sagte er.', 'de')
 * m.sentenceStart // [true, false, false, true, false, false]
 */
export function buildTextModel(text: string, lang: string): TextModel {
  const atoms = splitAtoms(text)
  const sentenceStart = atoms.map((_atom, i) => isSentenceStart(text, atoms, i))
  return {
    text,
    lang: lang === 'en' || lang === 'de' ? lang : 'other',
    atoms,
    folded: atoms.map((a) => (isAscii(a.text) ? a.lower : foldName(a.text))),
    sentenceStart,
    headline: markHeadlines(text, atoms),
  }
}

function isAscii(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 127) return false
  return true
}

/** The raw text between atom i - 1 and atom i (from the text start for i = 0). */
export function separatorBefore(model: TextModel, i: number): string {
  const atom = model.atoms[i]
  if (atom === undefined) return ''
  const prev = model.atoms[i - 1]
  return model.text.slice(prev === undefined ? 0 : prev.end, atom.start)
}

/** The raw text between atom i and atom i + 1 (to the text end for the last atom). */
export function separatorAfter(model: TextModel, i: number): string {
  const atom = model.atoms[i]
  if (atom === undefined) return ''
  const next = model.atoms[i + 1]
  return model.text.slice(atom.end, next === undefined ? model.text.length : next.start)
}

/** A capital that carries information: not sentence-initial, not in a Title Case headline. */
export function isInformativeCapital(model: TextModel, i: number): boolean {
  const atom = model.atoms[i]
  return (
    atom !== undefined && isCapitalized(atom.text) && !model.sentenceStart[i] && !model.headline[i]
  )
}

export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  const first = word.codePointAt(0)
  if (first === undefined) return false
  const ch = String.fromCodePoint(first)
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

function isSentenceStart(text: string, atoms: readonly Atom[], i: number): boolean {
  const prev = atoms[i - 1]
  const atom = atoms[i]
  if (prev === undefined || atom === undefined) return true
  // the common case, one plain space, decides nothing
  if (atom.start - prev.end === 1 && text.charCodeAt(prev.end) === 32) return false
  const sep = text.slice(prev.end, atom.start)
  if (sep.includes('\n')) return true
  const core = sep.replace(/[\s"'“”„‚‘’«»()[\]*•–—-]/g, '')
  if (core === '') return false
  if (/[!?:;]$/.test(core) && !core.includes(';')) return true
  if (!core.endsWith('.')) return false
  // "U.S. Department", "Prof. Dr.", "Nr. 3": a dot after an abbreviation or single letter.
  if (core === '.' && (NO_SENTENCE_END.has(prev.lower) || prev.text.length === 1)) return false
  // "im Jahr 2022. Er" ends a sentence, "am 1. Januar" does not; a digit before the dot is unclear,
  // so only a lowercase word after it keeps the sentence going.
  return !(/^\d+$/.test(prev.text) && !isCapitalized(atom.text))
}

/**
 * Marks atoms of lines written in Title Case ("Apple Poaches Google Engineers To Rebuild Siri"):
 * most words of four letters or more start with a capital and the line ends without a full stop.
 * German prose capitalises nouns but not verbs and adjectives, so it stays below the threshold.
 */
function markHeadlines(text: string, atoms: readonly Atom[]): boolean[] {
  const marks = new Array<boolean>(atoms.length).fill(false)
  let lineStart = 0
  let a = 0
  while (lineStart <= text.length && a < atoms.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const first = a
    let long = 0
    let capital = 0
    while (a < atoms.length && (atoms[a]?.start ?? Infinity) < lineEnd) {
      const word = atoms[a]?.text ?? ''
      if (word.length >= 4) {
        const first = word.charAt(0)
        const upper = first.toUpperCase()
        const lower = first.toLowerCase()
        // letters only: digits and symbols have no case
        if (upper !== lower) {
          long++
          if (first === upper) capital++
        }
      }
      a++
    }
    const trimmed = text.slice(lineStart, lineEnd).trim()
    if (long >= 3 && capital / long >= 0.75 && !/[.!]$/.test(trimmed)) {
      for (let k = first; k < a; k++) marks[k] = true
    }
    lineStart = lineEnd + 1
  }
  return marks
}
