import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExtractedArticle } from '../../src/extract/article-types.js'
import { defineSource } from '../../src/sources.js'
import { findArticleIdByUrl, upsertArticle } from '../../src/store/articles.js'
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js'
import { syncSources } from '../../src/store/sources.js'
import { makeTempDir } from '../helpers/env.js'

const P = [
  'Meta has lost at least three senior AI researchers in recent weeks, as specialists leave large companies for startups that let them work on experimental projects.',
  'The director of generative AI, the research scientist and the technical director have all left, and one of them is founding his own startup despite offers from other leading companies.',
  'Meta has tried to keep its AI team with attractive packages, and its chief executive personally contacted several of the researchers with high salaries and perks.',
  'Analysts say the departures have helped companies such as Anthropic, Cohere and OpenAI, which offer researchers more freedom and faster development than large groups.',
  'Meta itself has seen more than thirty percent of the staff on its AI projects leave since the start of the year, according to people familiar with the numbers.',
]
const OTHER = [
  'Meta said on Tuesday it had hired a senior researcher from Google DeepMind to lead a new team working on reasoning models, in a move that surprised rivals.',
  'The researcher will report to the chief executive and start next month; a spokesperson declined to comment on the pay package or on further hires.',
  'Analysts say the hire shows how far Meta will go to close the gap with OpenAI and Anthropic, which have hired heavily from large companies this year.',
  'Google DeepMind did not respond to a request for comment, and people familiar with the matter said more departures from its London office were likely.',
]

function article(
  url: string,
  text: string,
  extra: Partial<ExtractedArticle> = {},
): ExtractedArticle {
  return {
    url,
    canonicalUrl: url,
    title: 'Meta loses AI researchers',
    authors: [],
    publishedAt: '2026-11-02T10:00:00Z',
    publishedFrom: 'meta',
    modifiedAt: null,
    language: 'en',
    siteName: null,
    description: null,
    imageUrl: null,
    paywalled: false,
    text,
    ...extra,
  }
}

describe('exact, near and syndicated copies through the real store', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> }
  let opened: OpenedDatabase
  const store = (sourceId: string, a: ExtractedArticle) =>
    upsertArticle(opened.db, { sourceId, url: a.url, article: a, htmlBytes: 1000 })
  const row = (id: number) =>
    opened.db
      .selectFrom('articles')
      .select([
        'id',
        'duplicate_of',
        'cluster_id',
        'simhash',
        'sh_band0',
        'url_key',
        'syndicated_from',
        'text',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  beforeEach(async () => {
    tmp = await makeTempDir()
    opened = await openDatabase(`${tmp.dir}/d.db`)
    const source = (id: string, name: string, homepage: string) =>
      defineSource({
        id,
        name,
        homepage,
        language: 'en',
        feeds: [`${homepage}feed`],
        schedule: '0 * * * *',
      })
    await syncSources(opened.db, [
      source('wire', 'TechWire Daily', 'https://techwire.example/'),
      source('ledger', 'AI Ledger', 'https://ailedger.example/'),
      source('brief', 'ByteBrief', 'https://bytebrief.example/'),
    ])
  })
  afterEach(async () => {
    await opened.close()
    await tmp.cleanup()
  })

  it('stores an original as its own story with fingerprint columns', async () => {
    const r = await store('wire', article('https://techwire.example/a', P.join('\n')))
    expect(r).toEqual({ id: r.id, outcome: 'new', duplicateOf: null })
    const stored = await row(r.id)
    expect(stored.cluster_id).toBe(r.id)
    expect(stored.duplicate_of).toBeNull()
    expect(stored.simhash).toMatch(/^[0-9a-f]{16}$/)
    expect(stored.sh_band0).toBe(Number.parseInt(stored.simhash?.slice(0, 4) ?? '', 16))
    expect(stored.url_key).toBe('techwire.example/a')
  })

  it('stores an exact copy under another URL as a pointer to the first', async () => {
    const first = await store('wire', article('https://techwire.example/a', P.join('\n')))
    const copy = await store(
      'ledger',
      article('https://ailedger.example/copy', P.join('\n'), {
        title: 'Another headline',
        publishedAt: '2026-11-03T10:00:00Z',
      }),
    )
    expect(copy).toMatchObject({ outcome: 'new', duplicateOf: first.id })
    expect(await row(copy.id)).toMatchObject({ duplicate_of: first.id, cluster_id: first.id })
    expect(await row(first.id)).toMatchObject({ duplicate_of: null, cluster_id: first.id })
  })

  it.each([
    ['a paragraph added', [...P.slice(0, 2), OTHER[3] as string, ...P.slice(2)]],
    ['a paragraph cut', [P[0], P[1], P[3], P[4]]],
    [
      'boilerplate changed',
      [
        ...P,
        'Sign up for the ByteBrief newsletter to get the biggest stories in your inbox every morning.',
      ],
    ],
    [
      'words edited in every paragraph',
      P.map((p) => p.replace(' the ', ' a ').replace('Meta', 'Meta Platforms')),
    ],
  ])('links a near copy with %s', async (_case, paragraphs) => {
    const first = await store('wire', article('https://techwire.example/a', P.join('\n')))
    const copy = await store(
      'brief',
      article('https://bytebrief.example/x', paragraphs.join('\n'), {
        title: 'A different headline',
        publishedAt: '2026-11-03T08:00:00Z',
      }),
    )
    expect(copy.duplicateOf).toBe(first.id)
    expect(await row(copy.id)).toMatchObject({ cluster_id: first.id, duplicate_of: first.id })
  })

  it('keeps a distinct story on the same company and week apart', async () => {
    const first = await store('wire', article('https://techwire.example/a', P.join('\n')))
    const other = await store('ledger', article('https://ailedger.example/b', OTHER.join('\n')))
    expect(other.duplicateOf).toBeNull()
    expect((await row(other.id)).cluster_id).toBe(other.id)
    expect((await row(first.id)).cluster_id).toBe(first.id)
  })

  it('makes the earliest published version the representative whatever the crawl order', async () => {
    const later = await store(
      'brief',
      article('https://bytebrief.example/x', [...P, OTHER[0]].join('\n'), {
        publishedAt: '2026-11-05T10:00:00Z',
      }),
    )
    const earlier = await store(
      'wire',
      article('https://techwire.example/a', P.join('\n'), { publishedAt: '2026-11-02T10:00:00Z' }),
    )
    expect(earlier.duplicateOf).toBeNull()
    expect(await row(earlier.id)).toMatchObject({ cluster_id: earlier.id, duplicate_of: null })
    expect(await row(later.id)).toMatchObject({ cluster_id: earlier.id, duplicate_of: earlier.id })
  })

  it('makes a credited origin the representative even when the copy was stored first and published earlier', async () => {
    const copy = await store(
      'brief',
      article(
        'https://bytebrief.example/x',
        [...P.slice(0, 4), 'This article first appeared on TechWire Daily.'].join('\n'),
        { publishedAt: '2026-11-01T10:00:00Z' },
      ),
    )
    expect((await row(copy.id)).syndicated_from).toBe('TechWire Daily')
    const origin = await store(
      'wire',
      article('https://techwire.example/a', P.join('\n'), { publishedAt: '2026-11-02T10:00:00Z' }),
    )
    expect(origin.duplicateOf).toBeNull()
    expect(await row(copy.id)).toMatchObject({ cluster_id: origin.id, duplicate_of: origin.id })
    expect(await row(origin.id)).toMatchObject({ cluster_id: origin.id, duplicate_of: null })
  })

  it('links a credited copy to its origin even when the copy was heavily cut', async () => {
    const origin = await store('ledger', article('https://ailedger.example/a', P.join('\n')))
    const copy = await store(
      'brief',
      article(
        'https://bytebrief.example/x',
        [P[2], OTHER[0], 'Originally published at AI Ledger.'].join('\n'),
      ),
    )
    expect(copy.duplicateOf).toBe(origin.id)
    // Without the credit the same text is not close enough to count as a copy.
    const uncredited = await store(
      'brief',
      article(
        'https://bytebrief.example/y',
        [P[2], OTHER[1], 'Sign up for our newsletter.'].join('\n'),
      ),
    )
    expect(uncredited.duplicateOf).toBeNull()
  })

  it('links a copy crediting a URL to the article at that URL', async () => {
    const origin = await store(
      'ledger',
      article('https://www.ailedger.example/news/a/', P.join('\n')),
    )
    const copy = await store(
      'brief',
      article(
        'https://bytebrief.example/x',
        [P[0], 'Originally published at https://ailedger.example/news/a?utm_source=x'].join('\n'),
      ),
    )
    expect(copy.duplicateOf).toBe(origin.id)
  })

  it('treats the AMP and mobile editions of a stored URL as the same article', async () => {
    const first = await store(
      'wire',
      article('https://www.techwire.example/2026/11/story/', P.join('\n')),
    )
    expect(
      await findArticleIdByUrl(
        opened.db,
        'https://m.techwire.example/2026/11/story/amp/?utm_source=x',
      ),
    ).toBe(first.id)
    const amp = await store(
      'wire',
      article('https://amp.techwire.example/2026/11/story', `${P.join('\n')}\nUpdated.`),
    )
    expect(amp).toMatchObject({ id: first.id, outcome: 'updated', duplicateOf: null })
    const count = await opened.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('updates text and fingerprint on a revision of the same URL, and a title-only change makes no new story', async () => {
    const first = await store('wire', article('https://techwire.example/a', P.join('\n')))
    const before = await row(first.id)
    const retitled = await store(
      'wire',
      article('https://techwire.example/a', P.join('\n'), { title: 'New headline' }),
    )
    expect(retitled).toEqual({ id: first.id, outcome: 'updated', duplicateOf: null })
    const revised = await store(
      'wire',
      article('https://techwire.example/a', [...P, OTHER[0]].join('\n'), { title: 'New headline' }),
    )
    expect(revised).toEqual({ id: first.id, outcome: 'updated', duplicateOf: null })
    const after = await row(first.id)
    expect(after.text).toContain(OTHER[0])
    expect(after.simhash).not.toBe(before.simhash)
    expect(after.cluster_id).toBe(first.id)
  })

  it('returns unchanged with the stored duplicate_of when a copy is stored again', async () => {
    const first = await store('wire', article('https://techwire.example/a', P.join('\n')))
    await store('ledger', article('https://ailedger.example/copy', P.join('\n')))
    expect(
      await store('ledger', article('https://ailedger.example/copy', P.join('\n'))),
    ).toMatchObject({ outcome: 'unchanged', duplicateOf: first.id })
  })
})
