import { describe, expect, it } from 'vitest'
import {
  fingerprintText,
  hammingDistance,
  paragraphHashes,
  shingleResemblance,
  simhashBands,
  tokenize,
} from '../../src/enrich/fingerprint.js'

const STORY = [
  'Meta has lost at least three senior AI researchers in recent weeks, as specialists leave large companies for startups that let them work on experimental projects.',
  'The director of generative AI, the research scientist and the technical director have all left, and one of them is founding his own startup despite offers from other leading companies.',
  'Meta has tried to keep its AI team with attractive packages, and its chief executive personally contacted several of the researchers with high salaries and perks.',
  'Analysts say the departures have helped companies such as Anthropic, Cohere and OpenAI, which offer researchers more freedom and faster development than large groups.',
].join('\n')

describe('fingerprintText', () => {
  it('is 16 hex digits whose bands are its four 16-bit quarters', () => {
    const fp = fingerprintText(STORY)
    expect(fp.simhash).toMatch(/^[0-9a-f]{16}$/)
    expect(fp.bands).toEqual(simhashBands(fp.simhash))
    expect(fp.bands.map((b) => b.toString(16).padStart(4, '0')).join('')).toBe(fp.simhash)
  })

  it('is deterministic and ignores case, punctuation, quotes and layout', () => {
    const variant = STORY.replace(/Meta/g, '„META“').replace(/,/g, ' ;').replace(/\n/g, '\n\n  ')
    expect(fingerprintText(STORY).simhash).toBe(fingerprintText(STORY).simhash)
    expect(fingerprintText(variant).simhash).toBe(fingerprintText(STORY).simhash)
  })

  it('puts a lightly edited copy a few bits away and an unrelated story about half the bits away', () => {
    const edited = STORY.replace('at least three', 'three').replace('perks', 'benefits')
    const other =
      'Nvidia agreed to buy the Israeli startup Run:ai, which makes software to schedule GPU workloads, for a price reported at 700 million dollars. The deal needs regulatory approval in several countries and is expected to close later this year, the companies said in a joint statement.'
    const d = hammingDistance(fingerprintText(STORY).simhash, fingerprintText(edited).simhash)
    const far = hammingDistance(fingerprintText(STORY).simhash, fingerprintText(other).simhash)
    expect(d).toBeLessThanOrEqual(8)
    expect(far).toBeGreaterThan(16)
  })

  it('keeps the paragraphs of a copy with one paragraph cut and a credit line added', () => {
    const copy = `${STORY.split('\n').slice(0, 3).join('\n')}\nThis article first appeared on KI-Rundschau.`
    const a = fingerprintText(STORY)
    const b = fingerprintText(copy)
    expect(b.paragraphs.filter((p) => a.paragraphs.includes(p))).toHaveLength(3)
    expect(shingleResemblance(a.shingles, b.shingles)).toBeGreaterThan(0.6)
    expect(a.anchors.length).toBe(4)
    expect([...a.anchors]).toEqual([...new Set(a.paragraphs)].sort((x, y) => x - y).slice(0, 4))
  })

  it('skips short blocks (boilerplate, credits) as paragraphs', () => {
    expect(paragraphHashes('Subscribe to our newsletter.\nGot a tip? Contact us.')).toEqual([])
  })

  it('handles texts shorter than a shingle and empty texts', () => {
    expect(fingerprintText('Hello').simhash).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprintText('').simhash).toBe('0000000000000000')
  })
})

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', '0000000000000007', 3],
    ['8000000000000000', '0000000000000000', 1],
    ['ffffffffffffffff', '0000000000000000', 64],
    ['00000000ffffffff', 'ffffffff00000000', 64],
  ])('%s vs %s = %i', (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d)
    expect(hammingDistance(b, a)).toBe(d)
  })

  it('two hashes within 3 bits always share a band (what makes banded lookup complete)', () => {
    const base = fingerprintText(STORY).simhash
    for (let trial = 0; trial < 200; trial++) {
      let flipped = BigInt(`0x${base}`)
      for (let k = 0; k < 3; k++) flipped ^= 1n << BigInt(Math.floor(Math.random() * 64))
      const other = flipped.toString(16).padStart(16, '0')
      expect(hammingDistance(base, other)).toBeLessThanOrEqual(3)
      const a = simhashBands(base)
      const b = simhashBands(other)
      expect(a.some((v, i) => v === b[i])).toBe(true)
    }
  })
})

describe('tokenize and shingleResemblance', () => {
  it('folds Unicode compatibility forms and keeps umlauts', () => {
    expect(tokenize('Größte ＫＩ-Firma, 2023!')).toEqual(['größte', 'ki', 'firma', '2023'])
  })
  it('is 1 for equal sets and 0 for disjoint ones', () => {
    const a = fingerprintText(STORY).shingles
    expect(shingleResemblance(a, a)).toBe(1)
    expect(
      shingleResemblance(
        a,
        fingerprintText('completely different words about weather in spring time').shingles,
      ),
    ).toBe(0)
  })
})
