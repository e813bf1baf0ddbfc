import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseSitemap } from '../../src/harvest/parse-sitemap.js'

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/feeds/sitemaps/${name}`, import.meta.url))

const news = {
  kind: 'urlset',
  entries: [
    {
      loc: 'https://www.example.de/wirtschaft/neue-chefin-bei-beispiel-ag',
      lastmod: null,
      newsTitle: 'Neue Chefin bei der Beispiel AG: Müller übernimmt',
      newsPublishedAt: '2026-11-28T06:15:00Z',
      newsLanguage: 'de',
    },
    {
      loc: 'https://www.example.de/tech/kurz-notiert',
      lastmod: null,
      newsTitle: 'Kurz notiert & kommentiert',
      newsPublishedAt: '2026-11-28T00:00:00Z',
      newsLanguage: 'de',
    },
  ],
}

describe('parseSitemap', () => {
  it.each([
    [
      'sitemap.xml',
      {
        kind: 'urlset',
        entries: [
          {
            loc: 'https://www.example.com/',
            lastmod: '2026-11-20T00:00:00Z',
            newsTitle: null,
            newsPublishedAt: null,
            newsLanguage: null,
          },
          {
            loc: 'https://www.example.com/news/acme-hires-cto?ref=a&b=c',
            lastmod: '2026-11-23T08:30:00Z',
            newsTitle: null,
            newsPublishedAt: null,
            newsLanguage: null,
          },
          // an untrustworthy lastmod becomes null; the entry without <loc> is dropped
          {
            loc: 'https://www.example.com/about',
            lastmod: null,
            newsTitle: null,
            newsPublishedAt: null,
            newsLanguage: null,
          },
        ],
      },
    ],
    [
      'sitemap-index.xml',
      {
        kind: 'index',
        entries: [
          {
            loc: 'https://www.example.com/sitemap-news.xml',
            lastmod: '2026-11-27T06:00:00Z',
            newsTitle: null,
            newsPublishedAt: null,
            newsLanguage: null,
          },
          {
            loc: 'https://www.example.com/sitemap-2026-11.xml.gz',
            lastmod: null,
            newsTitle: null,
            newsPublishedAt: null,
            newsLanguage: null,
          },
        ],
      },
    ],
    ['news-sitemap.xml', news],
    // gzip bytes without Content-Encoding
    ['news-sitemap.xml.gz', news],
  ])('%s', (file, expected) => {
    expect(parseSitemap(fixture(file), { url: `https://www.example.com/${file}` })).toEqual(
      expected,
    )
  })

  it('reads the plain-text form (one URL per line)', () => {
    const body = Buffer.from('https://www.example.com/a\nhttps://www.example.com/b\n')
    expect(
      parseSitemap(body, { url: 'https://www.example.com/sitemap.txt' }).entries.map((e) => e.loc),
    ).toEqual(['https://www.example.com/a', 'https://www.example.com/b'])
  })

  it('caps the number of entries', () => {
    const urls = Array.from(
      { length: 10 },
      (_, i) => `<url><loc>https://x.example/${i}</loc></url>`,
    ).join('')
    const body = Buffer.from(
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    )
    expect(
      parseSitemap(body, { url: 'https://x.example/s.xml', maxEntries: 3 }).entries,
    ).toHaveLength(3)
  })

  it('refuses a gzip body that expands beyond the limit', () => {
    const bomb = gzipSync(Buffer.alloc(2 << 20, 0x20))
    expect(() =>
      parseSitemap(bomb, { url: 'https://x.example/s.xml.gz', maxDecompressedBytes: 1 << 20 }),
    ).toThrowError(expect.objectContaining({ code: 'E_TOO_LARGE' }) as unknown as Error)
  })

  it.each([
    ['an HTML page', '<!doctype html><html><body>hi</body></html>', /root element <html>/],
    ['prose', 'nothing to see here', /no XML and no URL list/],
  ])('throws for %s', (_name, body, message) => {
    expect(() => parseSitemap(Buffer.from(body), { url: 'https://x.example/s.xml' })).toThrowError(
      message,
    )
  })
})
