import { describe, expect, it } from 'vitest'
import { urlIdentity } from '../../src/harvest/canonical-url.js'

describe('urlIdentity: every address of one story gives one key', () => {
  // [case, address, key] — shapes seen in real feeds and share links.
  it.each([
    ['plain', 'https://techcrunch.com/2024/05/15/story/', 'techcrunch.com/2024/05/15/story'],
    [
      'scheme and trailing slash',
      'http://techcrunch.com/2024/05/15/story',
      'techcrunch.com/2024/05/15/story',
    ],
    [
      'www',
      'https://www.theverge.com/2024/5/15/123/openai-leaves',
      'theverge.com/2024/5/15/123/openai-leaves',
    ],
    ['www2', 'https://www2.example.com/a.html', 'example.com/a.html'],
    [
      'tracking params',
      'https://www.heise.de/news/x-123.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag',
      'heise.de/news/x-123.html',
    ],
    [
      'utm and fragment',
      'https://example.com/a?utm_source=rss&utm_medium=feed#comments',
      'example.com/a',
    ],
    ['default port', 'https://example.com:443/a', 'example.com/a'],
    ['other port kept', 'http://127.0.0.1:8080/techwire/a.html', '127.0.0.1:8080/techwire/a.html'],
    ['mobile host m.', 'https://m.heise.de/news/x-123.html', 'heise.de/news/x-123.html'],
    [
      'mobile host mobile.',
      'https://mobile.twitter.com/user/status/1',
      'twitter.com/user/status/1',
    ],
    [
      'amp host',
      'https://amp.theguardian.com/technology/2024/may/15/story',
      'theguardian.com/technology/2024/may/15/story',
    ],
    [
      'WordPress /amp/ suffix',
      'https://techcrunch.com/2024/05/15/story/amp/',
      'techcrunch.com/2024/05/15/story',
    ],
    ['/amp prefix', 'https://www.example.com/amp/news/story-1', 'example.com/news/story-1'],
    [
      '.amp.html',
      'https://www.spiegel.de/netzwelt/story-a-123.amp.html',
      'spiegel.de/netzwelt/story-a-123.html',
    ],
    ['?amp=1', 'https://www.golem.de/news/x-2405-1.html?amp=1', 'golem.de/news/x-2405-1.html'],
    ['?amp', 'https://example.com/a?amp', 'example.com/a'],
    ['?outputType=amp', 'https://example.com/a?outputType=amp&id=3', 'example.com/a?id=3'],
    [
      'blogger ?m=1',
      'https://foo.blogspot.com/2024/05/post.html?m=1',
      'foo.blogspot.com/2024/05/post.html',
    ],
    ['index.html', 'https://example.com/news/index.html', 'example.com/news'],
    [
      'sorted query',
      'https://example.com/article.php?page=2&id=7',
      'example.com/article.php?id=7&page=2',
    ],
    [
      'meaningful query kept',
      'https://news.ycombinator.com/item?id=40000000',
      'news.ycombinator.com/item?id=40000000',
    ],
    ['root', 'https://www.example.com/', 'example.com'],
    ['upper-case host', 'HTTPS://WWW.Example.COM/Path', 'example.com/Path'],
    ['not a url', 'urn:uuid:1234', 'urn:uuid:1234'],
  ])('%s: %s → %s', (_case, address, key) => {
    expect(urlIdentity(address)).toBe(key)
  })

  it('keeps path case and a page named amp-… apart', () => {
    expect(urlIdentity('https://example.com/News/A')).not.toBe(
      urlIdentity('https://example.com/news/a'),
    )
    expect(urlIdentity('https://example.com/amp-pages-explained')).toBe(
      'example.com/amp-pages-explained',
    )
  })

  it('gives the same key for the AMP, mobile and desktop editions of one story', () => {
    const editions = [
      'https://www.example.com/2024/05/15/story/',
      'https://example.com/2024/05/15/story?utm_campaign=x',
      'https://m.example.com/2024/05/15/story',
      'https://amp.example.com/2024/05/15/story',
      'https://www.example.com/2024/05/15/story/amp/',
      'http://example.com/2024/05/15/story/?amp=1#top',
    ]
    expect(new Set(editions.map(urlIdentity)).size).toBe(1)
  })
})
