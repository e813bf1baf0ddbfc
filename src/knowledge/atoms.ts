/**
 * Atoms are the unit both the knowledge base and the recognizer match on: maximal runs of letters,
 * combining marks and digits. Everything between two atoms (spaces, hyphens, apostrophes, dots) is
 * their separator, so "Meta-Chef" is `Meta` `-` `Chef`, "OpenAI's" is `OpenAI` `'` `s` and
 * "Character.AI" is `Character` `.` `AI`. Matching on atoms gives word boundaries for free
 * ("Metaverse" never contains "Meta") and lets compounds and possessives be read off the separator.
 */
export interface Atom {
  readonly text: string
  readonly lower: string
  readonly start: number
  readonly end: number
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u
// 1 = part of an atom, 2 = not, 0 = not looked up yet; filled lazily per UTF-16 code unit. A
// character table instead of a Unicode regex over the whole text keeps splitting at memory speed.
const CLASS = new Uint8Array(0x10000)

function isWordUnit(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  let cls = CLASS[code] ?? 0
  if (cls === 0) {
    if (code >= 0xd800 && code <= 0xdfff) {
      // astral characters (surrogate pairs) are rare: look them up as a whole every time
      const point = text.codePointAt(code <= 0xdbff ? i : i - 1) ?? 0
      return WORD_CHAR.test(String.fromCodePoint(point))
    }
    cls = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
    CLASS[code] = cls
  }
  return cls === 1
}

/**
 * Splits text into atoms with UTF-16 offsets.
 *
 * @example
 * splitAtoms("OpenAI's CEO").map((a) => a.text) // ['OpenAI', 's', 'CEO']
 */
export function splitAtoms(text: string): Atom[] {
  const atoms: Atom[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isWordUnit(text, i)) {
      i++
      continue
    }
    const start = i
    while (i < n && isWordUnit(text, i)) i++
    const word = text.slice(start, i)
    atoms.push({ text: word, lower: word.toLowerCase(), start, end: i })
  }
  return atoms
}

/**
 * Normalises the text between two atoms for comparison: whitespace runs become one space and a
 * hyphen counts as a space, so "Ludwig-Maximilians" and "Ludwig Maximilians" match the same alias.
 *
 * @example
 * normalizeSeparator(' \n ') // ' '
 * normalizeSeparator('-')    // ' '
 */
export function normalizeSeparator(separator: string): string {
  if (separator === ' ') return separator
  const collapsed = separator.replace(/\s+/g, ' ')
  return collapsed === '-' || collapsed === '–' ? ' ' : collapsed
}

/** Lowercases and strips diacritics ("Müller" → "muller"): the key for case-blind lookups. */
export function foldName(text: string): string {
  // Fast path for the common case: plain ASCII, nothing to strip.
  if (/^[\x21-\x7e]*$/.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
