/**
 * Near-duplicate fingerprints: a 64-bit SimHash over word 3-shingles (Charikar 2002, as used for
 * web crawls by Manku et al. 2007). Copies of one story that differ by a headline, a changed
 * boilerplate line or an added paragraph land a few bits apart; distinct stories land about 32
 * bits apart. Our own code because the npm packages are 32-bit or buggy; the 64 bits are kept as
 * two unsigned 32-bit halves (BigInt per shingle would be ~10x slower).
 */

/** Words per shingle: 3 keeps word order (distinct stories share words, rarely 3-word runs). */
export const SHINGLE_SIZE = 3

export interface Fingerprint {
  /** 16 lower-case hex digits, high half first: what `articles.simhash` stores. */
  readonly simhash: string
  /** The four 16-bit bands of the SimHash, high to low (`articles.sh_band0..3`). */
  readonly bands: readonly [number, number, number, number]
  /** Sorted distinct 32-bit hashes of the shingles: exact resemblance checks on candidates. */
  readonly shingles: Uint32Array
  /** 32-bit hashes of every content paragraph (normalised words), in text order. */
  readonly paragraphs: readonly number[]
  /** The (up to) four smallest paragraph hashes: `articles.para_anchor0..3`. */
  readonly anchors: readonly number[]
}

/**
 * Paragraphs shorter than this are skipped as anchors: newsletter boxes, "Got a tip?" lines and
 * credit lines are short and repeat across a site's stories, story paragraphs rarely are.
 */
export const ANCHOR_MIN_WORDS = 20
/** Anchors per article (bottom-k of the paragraph hashes). */
export const ANCHOR_COUNT = 4

/**
 * Lower-cased words (letters and digits in any script) after Unicode compatibility folding, so
 * `„KI“`, `"KI"` and `KI` are one word and punctuation or layout changes do not move bits.
 * @example tokenize('Meta-CEO Mark Zuckerberg, 2023') // ['meta', 'ceo', 'mark', 'zuckerberg', '2023']
 */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(h: number): number {
  let x = h >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** Two independent 32-bit hashes of a string (FNV-1a and a multiply-xor), finalised. */
function hash64(s: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9e3779b9
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return [mix32(a), mix32(b ^ s.length)]
}

/**
 * SimHash, band values and shingle set of a text. Each distinct shingle votes once (repeated
 * boilerplate does not outweigh the story). Texts shorter than one shingle use single words.
 * @example const { simhash, bands } = fingerprintText(article.text) // simhash: '9f3a…' (16 hex)
 */
export function fingerprintText(text: string): Fingerprint {
  const hashes = shingleHashPairs(text)
  const votes = new Int32Array(64)
  const lows = new Uint32Array(hashes.length)
  let n = 0
  for (const [hi, lo] of hashes) {
    for (let bit = 0; bit < 32; bit++) {
      votes[bit] = (votes[bit] as number) + ((hi >>> (31 - bit)) & 1 ? 1 : -1)
      votes[bit + 32] = (votes[bit + 32] as number) + ((lo >>> (31 - bit)) & 1 ? 1 : -1)
    }
    lows[n++] = lo
  }
  let hi = 0
  let lo = 0
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] as number) > 0) hi |= 1 << (31 - bit)
    if ((votes[bit + 32] as number) > 0) lo |= 1 << (31 - bit)
  }
  hi >>>= 0
  lo >>>= 0
  const simhash = `${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`
  const paragraphs = paragraphHashes(text)
  const anchors = [...new Set(paragraphs)].sort((x, y) => x - y).slice(0, ANCHOR_COUNT)
  return {
    simhash,
    bands: simhashBands(simhash),
    shingles: sortedDistinct(lows),
    paragraphs,
    anchors,
  }
}

/**
 * Only what the text check of a candidate needs (shingle set and paragraph hashes), without the
 * SimHash votes: about half the cost of fingerprintText.
 * @example shingleResemblance(fp.shingles, resemblanceSketch(storedText).shingles)
 */
export function resemblanceSketch(text: string): Pick<Fingerprint, 'shingles' | 'paragraphs'> {
  const hashes = shingleHashPairs(text)
  const lows = new Uint32Array(hashes.length)
  for (let i = 0; i < hashes.length; i++) lows[i] = (hashes[i] as [number, number])[1]
  return { shingles: sortedDistinct(lows), paragraphs: paragraphHashes(text) }
}

/** Distinct word shingles of a text, each as its two 32-bit hashes. */
function shingleHashPairs(text: string): [number, number][] {
  const words = tokenize(text)
  const size = Math.min(SHINGLE_SIZE, Math.max(1, words.length))
  const seen = new Map<string, [number, number]>()
  for (let i = 0; i + size <= words.length; i++) {
    const shingle = words.slice(i, i + size).join(' ')
    if (!seen.has(shingle)) seen.set(shingle, hash64(shingle))
  }
  return [...seen.values()]
}

/**
 * Hashes of the content paragraphs (text blocks of at least ANCHOR_MIN_WORDS words), over their
 * normalised words. Syndicated copies and updated versions keep most paragraphs word for word
 * while a headline, a paragraph or the boilerplate changes, which moves a SimHash by 5–20 bits
 * (too far for banded lookup) but leaves these hashes equal.
 * @example paragraphHashes(text).length // number of paragraphs with 20+ words
 */
export function paragraphHashes(text: string): number[] {
  const out: number[] = []
  for (const block of text.split(/\n+/)) {
    const words = tokenize(block)
    if (words.length >= ANCHOR_MIN_WORDS) out.push((hash64(words.join(' '))[0] & 0x7fffffff) >>> 0)
  }
  return out
}

function sortedDistinct(values: Uint32Array): Uint32Array {
  values.sort()
  let n = 0
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[i - 1]) values[n++] = values[i] as number
  }
  return values.slice(0, n)
}

/**
 * The four 16-bit bands of a 16-hex SimHash. Two hashes at Hamming distance ≤ 3 always share
 * at least one band (pigeonhole), which is what makes the indexed lookup complete.
 * @example simhashBands('0001000200030004') // [1, 2, 3, 4]
 */
export function simhashBands(simhash: string): [number, number, number, number] {
  return [
    Number.parseInt(simhash.slice(0, 4), 16),
    Number.parseInt(simhash.slice(4, 8), 16),
    Number.parseInt(simhash.slice(8, 12), 16),
    Number.parseInt(simhash.slice(12, 16), 16),
  ]
}

function popcount32(v: number): number {
  let x = v >>> 0
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/**
 * Number of differing bits between two 16-hex SimHashes (0 = same, ~32 = unrelated texts).
 * @example hammingDistance('0000000000000000', '0000000000000007') // 3
 */
export function hammingDistance(a: string, b: string): number {
  const hiA = Number.parseInt(a.slice(0, 8), 16)
  const hiB = Number.parseInt(b.slice(0, 8), 16)
  const loA = Number.parseInt(a.slice(8, 16), 16)
  const loB = Number.parseInt(b.slice(8, 16), 16)
  return popcount32(hiA ^ hiB) + popcount32(loA ^ loB)
}

/**
 * Jaccard resemblance of two sorted shingle sets (|A∩B| / |A∪B|): the exact check run on the
 * few SimHash candidates, so a chance bit agreement never merges two stories.
 * @example shingleResemblance(fingerprintText(a).shingles, fingerprintText(b).shingles) // 0.87
 */
export function shingleResemblance(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      common++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return common / (a.length + b.length - common)
}
