import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sources as catalog } from '../../crawlers/index.js'
import { NewshoundError } from '../../src/errors.js'
import {
  DEFAULT_OPML_SCHEDULE,
  OPML_NAMESPACE,
  parseOpml,
  writeOpml,
} from '../../src/harvest/opml.js'
import type { SourceDefinition } from '../../src/sources.js'
import { defineSource } from '../../src/sources.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/opml/${name}`, import.meta.url), 'utf8')

const byId = (result: ReturnType<typeof parseOpml>, id: string) => {
  const source = result.sources.find((s) => s.id === id)
  if (source === undefined) {
    throw new Error(`no source ${id} in ${result.sources.map((s) => s.id).join(', ')}`)
  }
  return source
}

function expectUsageError(run: () => unknown, message: RegExp): void {
  let thrown: unknown
  try {
    run()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(NewshoundError)
  expect((thrown as NewshoundError).code).toBe('E_USAGE')
  expect((thrown as NewshoundError).message).toMatch(message)
}

describe('parseOpml on a feed-reader export', () => {
  const result = parseOpml(fixture('feed-reader-export.opml'))

  it('reads the head title', () => {
    expect(result.title).toBe('Subscriptions of reader@example.org in Feed Reader')
  })

  it('flattens nested folders into tagged sources with derived, unique ids', () => {
    expect(result.sources.map((s) => s.id)).toEqual([
      'techcrunch',
      'ars-technica',
      'the-decoder',
      'the-decoder-ki-news',
      'heise-online-news',
      'golem-de',
      'gruenderszene-startups',
      'only-a-title',
      'techcrunch-2',
    ])
    expect(byId(result, 'techcrunch')).toEqual({
      id: 'techcrunch',
      name: 'TechCrunch',
      homepage: 'https://techcrunch.com/',
      language: 'en',
      feeds: ['https://techcrunch.com/feed/'],
      schedule: DEFAULT_OPML_SCHEDULE,
      tags: ['tech-news'],
    })
    expect(byId(result, 'the-decoder').tags).toEqual(['tech-news', 'ai-ml'])
  })

  it('takes the language attribute (primary subtag) and defaults to en', () => {
    expect(byId(result, 'the-decoder-ki-news').language).toBe('de')
    expect(byId(result, 'golem-de').language).toBe('de')
    expect(byId(result, 'ars-technica').language).toBe('en')
  })

  it('merges outlines that point to the same homepage into one source with several feeds', () => {
    expect(byId(result, 'heise-online-news')).toMatchObject({
      name: 'heise online News',
      homepage: 'https://www.heise.de/',
      feeds: [
        'https://www.heise.de/rss/heise-atom.xml',
        'https://www.heise.de/rss/heise-top-atom.xml',
      ],
      tags: ['deutsch'],
    })
    // Same host, different page: a separate subscription stays a separate source.
    expect(byId(result, 'techcrunch-2')).toMatchObject({
      name: 'TechCrunch',
      homepage: 'https://techcrunch.com/category/startups/',
      feeds: ['https://techcrunch.com/category/startups/feed/'],
    })
  })

  it('decodes predefined entities and reads the category attribute as tags', () => {
    expect(byId(result, 'golem-de')).toMatchObject({
      feeds: ['https://rss.golem.de/rss.php?feed=RSS2.0&x=1'],
      tags: ['deutsch', 'it', 'hardware', 'business'],
    })
    expect(byId(result, 'gruenderszene-startups').name).toBe('Gründerszene & Startups')
  })

  it('falls back to title for the name and to the feed origin for the homepage', () => {
    expect(byId(result, 'only-a-title')).toMatchObject({
      name: 'Only a title',
      homepage: 'https://only-title.example/',
    })
    expect(byId(result, 'gruenderszene-startups').homepage).toBe('https://www.example.de/')
  })

  it('reports bad outlines instead of throwing, and skips empty folders', () => {
    expect(result.errors).toEqual([
      { outline: 'Deutsch / Kaputter Feed', reason: 'xmlUrl is not a URL: not a url' },
      {
        outline: 'Deutsch / FTP Feed',
        reason: 'xmlUrl must be http(s): ftp://files.example/feed.xml',
      },
      { outline: 'Feed without address', reason: 'outline has no xmlUrl and no sitemaps' },
      { outline: 'A bookmark', reason: 'outline has no xmlUrl (not a feed)' },
    ])
  })

  it('returns frozen definitions that defineSource accepts', () => {
    for (const source of result.sources) {
      expect(Object.isFrozen(source)).toBe(true)
      expect(defineSource(source)).toEqual(source)
    }
  })
})

describe('writeOpml', () => {
  it('declares the newshound namespace and writes OPML 2.0', () => {
    const xml = writeOpml(catalog.slice(0, 2), 'My sources')
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0" /)
    expect(xml).toContain(`xmlns:newshound="${OPML_NAMESPACE}"`)
    expect(xml).toContain('<title>My sources</title>')
    expect(xml).toContain('type="rss"')
    expect(xml).toContain('newshound:id="techcrunch"')
  })

  it('round-trips the whole catalog to equal definitions', () => {
    const result = parseOpml(writeOpml(catalog))
    expect(result.errors).toEqual([])
    expect(result.title).toBe('newshound sources')
    // writeOpml groups sources into one folder per first tag, so only the order may change.
    const sorted = (list: readonly SourceDefinition[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id))
    expect(sorted(result.sources)).toEqual(sorted(catalog))
  })

  it('round-trips every newshound attribute, several feeds and sitemap-only sources', () => {
    const sources = [
      defineSource({
        id: 'multi',
        name: 'Multi-feed source',
        homepage: 'https://multi.example/',
        language: 'de',
        feeds: ['https://multi.example/a.xml', 'https://multi.example/b.xml?x=1&y=2'],
        sitemaps: ['https://multi.example/news-sitemap.xml', 'https://multi.example/sitemap.xml'],
        schedule: '*/5 * * * * *',
        politeness: { delayMs: 2500, maxConcurrencyPerHost: 2, respectRobotsTxt: false },
        tags: ['startups', 'ai'],
      }),
      defineSource({
        id: 'sitemap-only',
        name: 'Sitemap only',
        homepage: 'https://sitemap.example/',
        language: 'en',
        feeds: [],
        sitemaps: ['https://sitemap.example/news.xml'],
        schedule: '0 * * * *',
      }),
      defineSource({
        id: 'demo',
        name: 'Demo corpus',
        homepage: 'http://127.0.0.1:8080/',
        language: 'en',
        feeds: ['http://127.0.0.1:8080/feed.xml'],
        schedule: '* * * * *',
        local: true,
        tags: ['demo'],
      }),
    ]
    const xml = writeOpml(sources)
    expect(xml.match(/<outline type="rss"/g)).toHaveLength(3)
    expect(parseOpml(xml, { allowLocal: true }).sources).toEqual(sources)
  })

  it('escapes & < > " and control characters in names, and they come back intact', () => {
    const name = 'Tom & "Jerry" <News> \'quoted\'\tand\nlines'
    const source = defineSource({
      id: 'escaping',
      name,
      homepage: 'https://example.com/?a=1&b=2',
      language: 'en',
      feeds: ['https://example.com/feed?a=1&b="2"'],
      schedule: '*/30 * * * *',
      tags: ['a&b'],
    })
    const xml = writeOpml([source], 'Title with <angle> & "quotes"')
    expect(xml).toContain(
      'text="Tom &amp; &quot;Jerry&quot; &lt;News&gt; \'quoted\'&#9;and&#10;lines"',
    )
    expect(xml).toContain('<title>Title with &lt;angle&gt; &amp; &quot;quotes&quot;</title>')
    expect(xml).not.toMatch(/="[^"]*[<&](?!amp;|lt;|gt;|quot;|#)/)
    const result = parseOpml(xml)
    expect(result.title).toBe('Title with <angle> & "quotes"')
    expect(result.sources[0]).toMatchObject({
      name,
      homepage: 'https://example.com/?a=1&b=2',
      feeds: ['https://example.com/feed?a=1&b="2"'],
    })
  })
})

describe('parseOpml: newshound attributes and refusals', () => {
  it('honours a namespace bound to another prefix', () => {
    const xml = `<?xml version="1.0"?>
<opml version="2.0" xmlns:nh="${OPML_NAMESPACE}"><head/><body>
  <outline type="rss" text="X" xmlUrl="https://x.example/feed" nh:id="x-news" nh:language="de" nh:schedule="5 * * * *" nh:delayMs="4000"/>
</body></opml>`
    expect(parseOpml(xml).sources).toEqual([
      {
        id: 'x-news',
        name: 'X',
        homepage: 'https://x.example/',
        language: 'de',
        feeds: ['https://x.example/feed'],
        schedule: '5 * * * *',
        politeness: { delayMs: 4000 },
      },
    ])
  })

  it('reports invalid newshound attributes per outline', () => {
    const xml = `<opml version="2.0" xmlns:newshound="${OPML_NAMESPACE}"><body>
  <outline type="rss" text="Bad cron" xmlUrl="https://a.example/feed" newshound:schedule="every minute"/>
  <outline type="rss" text="Bad delay" xmlUrl="https://b.example/feed" newshound:delayMs="-5"/>
  <outline type="rss" text="Bad id" xmlUrl="https://c.example/feed" newshound:id="Not An Id"/>
  <outline type="rss" text="Bad language" xmlUrl="https://d.example/feed" language="deutsch"/>
  <outline type="rss" text="Local" xmlUrl="http://127.0.0.1/feed" newshound:local="true"/>
  <outline type="rss" text="Fine" xmlUrl="https://e.example/feed"/>
</body></opml>`
    const result = parseOpml(xml)
    expect(result.sources.map((s) => s.id)).toEqual(['fine'])
    // Document order, whether the outline failed while reading or when validated as a source.
    expect(result.errors.map((e) => e.outline)).toEqual([
      'Bad cron',
      'Bad delay',
      'Bad id',
      'Bad language',
      'Local',
    ])
    expect(result.errors.find((e) => e.outline === 'Bad cron')?.reason).toMatch(/invalid cron/)
    expect(result.errors.find((e) => e.outline === 'Local')?.reason).toMatch(/refused/)
  })

  it('does not expand DTD entities', () => {
    const result = parseOpml(fixture('dtd-entities.opml'))
    expect(result.title).toBe('&title;')
    expect(result.sources).toHaveLength(1)
    expect(result.sources[0]?.name).toBe('Feed &secret;')
    expect(JSON.stringify(result)).not.toContain('EXPANDED')
  })

  it('refuses a document declaring an external entity (XXE) without reading it', () => {
    expectUsageError(
      () => parseOpml(fixture('dtd-external-entity.opml')),
      /^not an OPML file: .*external entit/i,
    )
  })

  it('throws E_USAGE for documents that are not OPML', () => {
    expectUsageError(
      () => parseOpml('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'),
      /^not an OPML file: root element is <rss>/,
    )
    expectUsageError(() => parseOpml('<html><body><p>hi</html>'), /^not an OPML file: invalid XML/)
    expectUsageError(() => parseOpml('{"feeds": []}'), /^not an OPML file/)
    expectUsageError(() => parseOpml(''), /^not an OPML file/)
    expectUsageError(() => parseOpml('<opml version="2.0"><head/></opml>'), /no <body>/)
  })

  it('accepts an empty body', () => {
    expect(parseOpml('<opml version="2.0"><head><title>t</title></head><body/></opml>')).toEqual({
      title: 't',
      sources: [],
      errors: [],
    })
  })
})
