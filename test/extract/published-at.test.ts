import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { extractArticle } from '../../src/extract/extract-article.js'

/** The dates dev set: hand-written pages with their true publication day (see expected.json). */
const DATES = join(import.meta.dirname, '../fixtures/dates')
/** Same reference "now" as scripts/bench-extract.ts, so future-date traps stay traps. */
const DATES_NOW = '2027-01-15T12:00:00Z'

interface Expectation {
  readonly publishedAt: string
  readonly lang: string
  readonly url?: string
  readonly now?: string
}

const expected = JSON.parse(readFileSync(join(DATES, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>
const cases = Object.entries(expected).sort(([a], [b]) => a.localeCompare(b))

function extract(name: string, e: Expectation) {
  const html = readFileSync(join(DATES, name), 'utf8')
  const url = e.url ?? `https://news.example.com/articles/${name.replace(/\.html$/, '')}`
  return extractArticle(html, url, { now: new Date(e.now ?? DATES_NOW) })
}

describe('published date on the dates dev set', () => {
  test('the set covers at least 60 pages in English and German', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
    expect(cases.some(([, e]) => e.lang === 'de')).toBe(true)
    expect(cases.some(([, e]) => e.lang === 'en')).toBe(true)
  })

  test.each(cases)('%s', (name, e) => {
    const a = extract(name, e)
    expect(a.publishedAt?.slice(0, 10)).toBe(e.publishedAt)
    expect(a.language).toBe(e.lang)
  })

  test('the signal recorded matches the kind of page (file name prefix)', () => {
    const kinds: Record<string, string> = {
      jsonld: 'json-ld',
      meta: 'meta',
      time: 'time-element',
      itemprop: 'itemprop',
      url: 'url',
      text: 'text',
    }
    for (const [name, e] of cases) {
      const kind = kinds[name.split('-')[0]!]
      if (kind === undefined) continue
      // Pages whose structured date is a trap (in the future) fall through to another signal.
      if (name === 'jsonld-en-08.html' || name === 'meta-en-17.html') continue
      expect([name, extract(name, e).publishedFrom]).toEqual([name, kind])
    }
  })

  test('accuracy (exact day) is at least 0.95', () => {
    const right = cases.filter(
      ([name, e]) => extract(name, e).publishedAt?.slice(0, 10) === e.publishedAt,
    ).length
    expect(right / cases.length).toBeGreaterThanOrEqual(0.95)
  })
})
