import { describe, expect, it } from 'vitest'
import {
  chooseCanonicalUrl,
  normalizeUrl,
  registrableDomain,
} from '../../src/harvest/canonical-url.js'

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://WWW.Example.COM:443/Path?b=2&a=1#section', 'https://www.example.com/Path?a=1&b=2'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    [
      'https://techcrunch.com/2026/11/29/story/?utm_source=rss&utm_medium=feed',
      'https://techcrunch.com/2026/11/29/story/',
    ],
    [
      'https://www.heise.de/news/x-123.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag',
      'https://www.heise.de/news/x-123.html',
    ],
    ['https://example.com/a?fbclid=abc&id=7&gclid=x', 'https://example.com/a?id=7'],
    ['https://example.com/a?mc_cid=1&mc_eid=2', 'https://example.com/a'],
    ['https://example.com/story.', 'https://example.com/story.'],
    ['https://example.com./story', 'https://example.com/story'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/search?q=a%20b&page=2', 'https://example.com/search?page=2&q=a+b'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected)
  })

  it('resolves relative URLs against a base', () => {
    expect(normalizeUrl('../b.html#x', 'https://example.com/a/c.html')).toBe(
      'https://example.com/b.html',
    )
  })
})

describe('chooseCanonicalUrl', () => {
  it('prefers a same-site canonical link', () => {
    expect(
      chooseCanonicalUrl('https://m.example.com/a?utm_source=x', 'https://www.example.com/a'),
    ).toBe('https://www.example.com/a')
  })
  it('ignores a canonical pointing to another site (syndication)', () => {
    expect(chooseCanonicalUrl('https://copy.net/story', 'https://original.org/story')).toBe(
      'https://copy.net/story',
    )
  })
  it('resolves a relative canonical', () => {
    expect(chooseCanonicalUrl('https://example.com/a/b?x=1', '/a/b')).toBe(
      'https://example.com/a/b',
    )
  })
  it('falls back to the fetched URL', () => {
    expect(chooseCanonicalUrl('https://example.com/a#frag', null)).toBe('https://example.com/a')
  })
})

describe('registrableDomain', () => {
  it.each([
    ['https://www.heise.de/news', 'heise.de'],
    ['https://news.bbc.co.uk/x', 'bbc.co.uk'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
  ])('%s → %s', (url, domain) => {
    expect(registrableDomain(url)).toBe(domain)
  })
})
