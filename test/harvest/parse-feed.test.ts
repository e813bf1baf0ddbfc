import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FeedParseError } from '../../src/errors.js'
import type { FeedItem } from '../../src/harvest/feed-types.js'
import { parseFeed } from '../../src/harvest/parse-feed.js'

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url))
const parse = (name: string, extra: { contentType?: string; maxItems?: number } = {}) =>
  parseFeed(fixture(name), { url: `https://fixtures.example/feeds/${name}`, ...extra })

type Expected = {
  format: string
  title: string
  link: string | null
  count: number
  encoding?: string
  ttl?: number | null
  first: Partial<FeedItem>
}

describe('parseFeed over fixture feeds', () => {
  const cases: [string, Expected][] = [
    [
      'rss2.xml',
      {
        format: 'rss',
        title: 'Newshound Test Wire',
        link: 'https://wire.example.org/',
        count: 3,
        ttl: 30,
        first: {
          itemKey: 'wire-1001',
          guid: 'wire-1001',
          link: 'https://wire.example.org/2026/acme-cto',
          // "&amp;amp;" is an escaped entity in an RSS title: decoded to plain text
          title: 'Acme hires a new CTO & opens a lab',
          publishedAt: '2026-11-23T08:30:00Z',
          author: 'Jana Beispiel',
          summary: '<p>Acme named <b>Ada Muster</b> as CTO.</p>',
          categories: ['People'],
        },
      },
    ],
    [
      'rss2.xml.gz',
      {
        format: 'rss',
        title: 'Newshound Test Wire',
        link: 'https://wire.example.org/',
        count: 3,
        first: { guid: 'wire-1001' },
      },
    ],
    [
      'rss-no-version.xml',
      {
        format: 'rss',
        title: 'Versionless',
        link: 'http://old.example.net/',
        count: 1,
        ttl: null,
        first: {
          title: 'Still a feed',
          link: 'http://old.example.net/still-a-feed',
          publishedAt: null,
        },
      },
    ],
    [
      'rdf.xml',
      {
        format: 'rdf',
        title: 'RDF Ticker',
        link: 'https://rdf.example.com/',
        count: 2,
        first: {
          guid: 'https://rdf.example.com/a',
          link: 'https://rdf.example.com/a',
          publishedAt: '2026-11-20T07:00:00Z',
          author: 'Max Mustermann',
        },
      },
    ],
    [
      'atom.xml',
      {
        format: 'atom',
        title: 'Moves & Shakers',
        link: 'https://blog.example.com/news/',
        count: 2,
        first: {
          // xhtml title → plain text; entry xml:base "/2026/11/" over the feed's xml:base
          title: 'Hooli names Gavin chief executive',
          link: 'https://blog.example.com/2026/11/hooli-ceo',
          guid: 'tag:blog.example.com,2026:1',
          publishedAt: '2026-11-26T08:00:00Z',
          updatedAt: '2026-11-26T09:00:00Z',
          author: 'Erika Probe (erika@example.com)',
          summary: '<p>Big <i>news</i>.</p>',
        },
      },
    ],
    [
      'jsonfeed.json',
      {
        format: 'json',
        title: 'JSON Wire',
        link: 'https://json.example.org/',
        count: 2,
        first: {
          guid: 'json-1',
          link: 'https://json.example.org/posts/1',
          title: 'Vandelay Industries hires a chief importer',
          publishedAt: '2026-11-27T12:45:00Z',
          author: 'Kim Beispiel',
        },
      },
    ],
    [
      'windows-1252-de.xml',
      {
        format: 'rss',
        title: 'Technik-Nachrichten für Köln',
        link: 'https://nachrichten.example.de/',
        count: 1,
        encoding: 'windows-1252',
        first: {
          title: 'Müller wechselt zu „Beispiel AG“ – Gehalt 500.000 €',
          publishedAt: '2026-11-23T09:15:00Z',
          summary: 'Größere Veränderungen in der Führungsetage.',
        },
      },
    ],
    [
      'malformed.xml',
      {
        format: 'rss',
        title: 'Broken but readable feed',
        link: 'https://broken.example.org/',
        count: 2,
        first: { title: 'Tom & Jerry join Acme', link: 'https://broken.example.org/tom-jerry' },
      },
    ],
  ]

  it.each(cases)('%s', (file, expected) => {
    const feed = parse(file)
    expect(feed.format).toBe(expected.format)
    expect(feed.title).toBe(expected.title)
    expect(feed.link).toBe(expected.link)
    expect(feed.items).toHaveLength(expected.count)
    if (expected.encoding) expect(feed.encoding).toBe(expected.encoding)
    if (expected.ttl !== undefined) expect(feed.ttlMinutes).toBe(expected.ttl)
    expect(feed.items[0]).toMatchObject(expected.first)
    for (const item of feed.items) {
      expect(typeof item.title === 'string' || item.title === null).toBe(true)
      if (item.link !== null) expect(item.link).toMatch(/^https?:\/\//)
      if (item.publishedAt !== null)
        expect(item.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    }
  })

  it('resolves a relative RSS link against the feed URL', () => {
    expect(parse('rss2.xml').items[1]?.link).toBe('https://fixtures.example/2026/globex-ai')
  })

  it('reads escaped markup in an RSS title as plain text', () => {
    expect(parse('rss2.xml').items[1]?.title).toBe('Globex moves its head of AI')
  })

  it('falls back to <updated> for the published time of an Atom entry', () => {
    const entry = parse('atom.xml').items[1]
    expect(entry).toMatchObject({
      publishedAt: '2026-11-25T09:00:00Z',
      link: 'https://blog.example.com/news/only-updated',
    })
  })

  it('keeps an item with a bad date: published null, raw text kept', () => {
    const feed = parse('bad-date.xml')
    expect(feed.items).toHaveLength(3)
    expect(feed.items[1]).toMatchObject({
      title: 'Bad date',
      publishedAt: null,
      publishedRaw: 'Sun, 99 Nov 2026 25:61:00 GMT',
    })
    expect(feed.items[2]?.publishedAt).toBe('2026-11-29T07:00:00Z')
  })

  it('isolates an unusable item in skipped instead of losing the feed', () => {
    const feed = parse('jsonfeed.json')
    expect(feed.skipped).toEqual([{ index: 2, reason: 'item is not an object' }])
    expect(feed.items[1]).toMatchObject({
      title: null,
      publishedAt: null,
      publishedRaw: 'not a date',
    })
  })

  it('never expands DTD entities (billion laughs, external entities)', () => {
    const started = Date.now()
    const feed = parse('billion-laughs.xml')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(feed.title).toBe('Laughs &lol9;')
    expect(feed.items[0]?.title).toBe('&xxe;')
    expect(JSON.stringify(feed)).not.toContain('root:')
  })

  it('limits the number of items (maxItems) and says so in skipped', () => {
    const items = Array.from(
      { length: 5 },
      (_, i) => `<item><title>n${i}</title><guid>g${i}</guid></item>`,
    ).join('')
    const feed = parseFeed(
      Buffer.from(`<rss version="2.0"><channel><title>many</title>${items}</channel></rss>`),
      {
        url: 'https://many.example/',
        maxItems: 2,
      },
    )
    expect(feed.items.map((item) => item.guid)).toEqual(['g0', 'g1'])
    expect(feed.skipped).toEqual([
      { index: 2, reason: 'item limit 2 reached: 3 more items dropped' },
    ])
  })

  it.each([
    [
      'type="html" escaped markup',
      '<title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>',
      'A bold move',
    ],
    [
      'base64 with a binary type',
      `<title type="application/octet-stream">${Buffer.from('Base <b>64</b>').toString('base64')}</title>`,
      'Base 64',
    ],
    [
      'an unknown type that is not base64',
      '<title type="application/x-custom">test</title>',
      'test',
    ],
    [
      'xhtml with an inline script',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">safe<script>alert(1)</script></div></title>',
      'safe',
    ],
  ])('reads an Atom title given as %s as plain text', (_name, title, expected) => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>${title}<id>x</id></entry></feed>`
    expect(parseFeed(Buffer.from(xml), { url: 'https://x.example/' }).items[0]?.title).toBe(
      expected,
    )
  })

  it('uses the HTTP charset when the feed declares none', () => {
    const bytes = Buffer.from('<rss><channel><title>Caf\xe9</title></channel></rss>', 'latin1')
    expect(
      parseFeed(bytes, { url: 'https://x.example/', contentType: 'text/xml; charset=iso-8859-1' })
        .title,
    ).toBe('Café')
  })

  it.each([
    ['html-page.html', /not a feed: looks like an HTML page/],
    ['empty.xml', /not a feed: empty body/],
  ])('throws FeedParseError for %s', (file, message) => {
    expect(() => parse(file)).toThrowError(FeedParseError)
    expect(() => parse(file)).toThrowError(message)
  })

  it.each([
    ['garbage bytes', Buffer.from([0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x42]), /not a feed/],
    ['plain text', Buffer.from('Service temporarily unavailable'), /not a feed: no XML elements/],
    [
      'JSON that is no feed',
      Buffer.from('{"error":"rate limited"}'),
      /not a feed: JSON without a JSON Feed version/,
    ],
    [
      'broken JSON',
      Buffer.from('{"version": "https://jsonfeed.org/version/1.1",'),
      /not a feed: invalid JSON/,
    ],
    [
      'a corrupt gzip body',
      Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(20, 0xff)]),
      /not a feed: corrupt gzip body/,
    ],
    [
      'an XML document that is no feed',
      Buffer.from('<?xml version="1.0"?><svg><g/></svg>'),
      /root element <svg>/,
    ],
  ])('throws FeedParseError for %s', (_name, bytes, message) => {
    expect(() => parseFeed(bytes, { url: 'https://x.example/feed' })).toThrowError(message)
    try {
      parseFeed(bytes, { url: 'https://x.example/feed' })
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError)
      expect((error as FeedParseError).url).toBe('https://x.example/feed')
    }
  })
})
