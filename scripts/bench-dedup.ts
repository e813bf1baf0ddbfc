/**
 * bench:dedup — duplicate detection on a generated corpus, through the real store.
 *
 *   npm run bench:dedup                    # 20,000 articles, lookup cost at 20k and 200k stored
 *   npm run bench:dedup -- --total 5000 --big 50000 --seed 3
 *
 * The corpus: `total` articles in one week, 20 % exact copies (same text, another site and URL),
 * 20 % near copies (1–3 of: boilerplate of another site, a paragraph added, a paragraph cut, a
 * different headline, a credit line) and the rest distinct stories written from shared sentence
 * templates about the same twenty companies (so distinct stories share much of their wording).
 * Every article goes through `upsertArticle` into a temporary SQLite file.
 *
 * Scores: pairwise precision and recall over the pairs that involve a near copy (a pair is
 * predicted when both articles get one cluster_id, true when both come from one story), exact-copy
 * recall, and merged_distinct = distinct stories that ended up in another story's cluster. Cost:
 * mean time per `upsertArticle` for 1,000 new articles (same mix) into the 20k store, and again
 * after bulk-inserting fingerprinted filler stories up to `big` rows.
 * The last line reads `precision P recall R merged_distinct N`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { fingerprintText } from '../src/enrich/fingerprint.js'
import type { ExtractedArticle } from '../src/extract/article-types.js'
import { urlIdentity } from '../src/harvest/canonical-url.js'
import { defineSource } from '../src/sources.js'
import { contentHash, upsertArticle } from '../src/store/articles.js'
import { openDatabase } from '../src/store/database.js'
import { syncSources } from '../src/store/sources.js'

interface GeneratedArticle {
  readonly index: number
  readonly site: string
  readonly url: string
  readonly title: string
  readonly text: string
  readonly publishedAt: string
  /** Index of the story this is a copy of (exact or near), or null for an original. */
  readonly copyOf: number | null
  readonly kind: 'original' | 'exact' | 'near'
  /** Edits that made a near copy (for the report). */
  readonly edits: readonly string[]
}

/** Small fast deterministic PRNG (mulberry32). */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  return { next, int, pick }
}

type Random = ReturnType<typeof createRandom>

const COMPANIES = [
  'Meta',
  'OpenAI',
  'Google DeepMind',
  'Anthropic',
  'Mistral AI',
  'Microsoft',
  'Apple',
  'Amazon',
  'Nvidia',
  'xAI',
  'Cohere',
  'Aleph Alpha',
  'DeepL',
  'SAP',
  'Inflection AI',
  'Hugging Face',
  'Stability AI',
  'Thinking Machines Lab',
  'Safe Superintelligence',
  'Scale AI',
]
const FIRST = [
  'Anna',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Felix',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Paul',
  'Rosa',
  'Sami',
  'Tara',
  'Yusuf',
]
const LAST = [
  'Becker',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hoffmann',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Meyer',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Weber',
]
const ROLES = [
  'chief scientist',
  'head of research',
  'vice president of engineering',
  'chief technology officer',
  'director of applied AI',
  'head of product',
  'principal researcher',
  'chief operating officer',
]
const PRODUCTS = [
  'assistant',
  'coding model',
  'reasoning model',
  'image model',
  'speech model',
  'agent platform',
  'chip',
  'open-weight model',
]
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const TOPICS = [
  'compute',
  'talent',
  'safety research',
  'open models',
  'enterprise customers',
  'regulation in Europe',
  'data centres',
  'pricing',
]

interface Slots {
  company: string
  rival: string
  person: string
  role: string
  product: string
  day: string
  amount: number
  topic: string
}

/** Sentence templates shared by all stories: distinct stories reuse their wording with other fills. */
const LEADS: readonly ((s: Slots) => string)[] = [
  (s) =>
    `${s.person} has left ${s.rival} to join ${s.company} as ${s.role}, the company confirmed on ${s.day}.`,
  (s) => `${s.company} has hired ${s.person}, who until recently was ${s.role} at ${s.rival}.`,
  (s) =>
    `${s.company} said on ${s.day} it had raised ${s.amount} million dollars in a round that values the company at several billion dollars.`,
  (s) =>
    `${s.company} on ${s.day} launched a new ${s.product}, stepping up its competition with ${s.rival}.`,
  (s) =>
    `${s.company} agreed on ${s.day} to buy a startup working on ${s.topic}, in a deal people familiar put at ${s.amount} million dollars.`,
  (s) =>
    `${s.person}, the ${s.role} of ${s.rival}, is leaving the company after several years, people familiar with the matter said on ${s.day}.`,
]
const BODY: readonly ((s: Slots) => string)[] = [
  (s) =>
    `The move comes as ${s.company} and ${s.rival} compete for a small pool of researchers who can train the largest models.`,
  (s) => `${s.person} will report to the chief executive and lead a team focused on ${s.topic}.`,
  (s) => `A spokesperson for ${s.company} declined to comment on the terms.`,
  (s) => `${s.rival} did not respond to a request for comment on ${s.day}.`,
  () => `People familiar with the matter said the package included a large grant of shares.`,
  (s) => `The company has spent heavily on ${s.topic} over the past year.`,
  (s) =>
    `Investors have poured money into AI startups this year, and ${s.company} is among the most valuable of them.`,
  (s) =>
    `The new ${s.product} is available to paying customers first, with a wider release planned for later this year.`,
  (s) => `Analysts said the deal shows how far large companies will go to secure ${s.topic}.`,
  (s) =>
    `${s.company} has hired more than ${Math.round(s.amount / 10)} researchers from ${s.rival} since the start of the year.`,
  (s) =>
    `Before joining ${s.rival}, ${s.person} worked on ${s.topic} at a university lab in Europe.`,
  () =>
    `The round was led by existing investors, with several new funds joining, the company said.`,
  (s) =>
    `${s.company} said it would use the money to pay for ${s.topic} and to hire more engineers.`,
  (s) => `In a post on social media, ${s.person} said the decision had not been easy.`,
  (s) => `The departure is the latest in a series of senior exits from ${s.rival} this year.`,
  (s) => `${s.company} has been trying to close the gap with ${s.rival} on ${s.topic}.`,
  (s) => `Shares of ${s.company} rose slightly in early trading on ${s.day}.`,
  (s) =>
    `The company said the ${s.product} was tested with a group of enterprise customers for several months.`,
  () => `Regulators in Europe and the United States are watching deals in the sector closely.`,
  (s) => `${s.person} is expected to start in the new role next month.`,
  () => `The hiring spree has pushed up pay for experienced researchers across the industry.`,
  (s) => `${s.rival} said it remained committed to its work on ${s.topic}.`,
  (s) =>
    `The terms of the agreement were not disclosed, but ${s.amount} million dollars was mentioned by two people briefed on it.`,
  (s) => `Earlier this week ${s.company} also announced a partnership focused on ${s.topic}.`,
]
const BOILERPLATE: Readonly<Record<string, readonly string[]>> = {
  techwire: [
    'Sign up for the TechWire Daily newsletter to get the biggest stories in your inbox every morning.',
    'Got a tip? Contact our reporters securely.',
  ],
  ailedger: [
    'AI Ledger is reader-supported. Subscribe to support independent reporting on artificial intelligence.',
  ],
  kirundschau: [
    'Abonnieren Sie den Newsletter der KI-Rundschau für alle wichtigen Meldungen.',
    'Folgen Sie uns auf LinkedIn und Mastodon.',
  ],
  netzpuls: [
    'Netzpuls ist unabhängig und werbefinanziert. Mehr Meldungen aus der Branche finden Sie in unserem Archiv.',
  ],
  bytebrief: ['This story is part of ByteBrief Weekly. Share it with a colleague who follows AI.'],
}
const SITES = Object.keys(BOILERPLATE)
const SITE_NAMES: Readonly<Record<string, string>> = {
  techwire: 'TechWire Daily',
  ailedger: 'AI Ledger',
  kirundschau: 'KI-Rundschau',
  netzpuls: 'Netzpuls',
  bytebrief: 'ByteBrief',
}

function person(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`
}

function slots(r: Random): Slots {
  const company = r.pick(COMPANIES)
  let rival = r.pick(COMPANIES)
  while (rival === company) rival = r.pick(COMPANIES)
  return {
    company,
    rival,
    person: person(r),
    role: r.pick(ROLES),
    product: r.pick(PRODUCTS),
    day: r.pick(DAYS),
    amount: 50 + r.int(40) * 25,
    topic: r.pick(TOPICS),
  }
}

/** A body paragraph of 2–4 template sentences with this story's slots (sometimes a second person). */
function paragraph(r: Random, s: Slots): string {
  const n = 2 + r.int(3)
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const fill = r.next() < 0.25 ? { ...s, person: person(r), topic: r.pick(TOPICS) } : s
    out.push(r.pick(BODY)(fill))
  }
  return out.join(' ')
}

interface Story {
  site: string
  title: string
  lead: string
  body: string[]
  slots: Slots
}

function story(r: Random): Story {
  const s = slots(r)
  const lead = r.pick(LEADS)(s)
  const body = Array.from({ length: 4 + r.int(5) }, () => paragraph(r, s))
  return { site: r.pick(SITES), title: `${s.company}: ${lead.split(',')[0]}`, lead, body, slots: s }
}

function render(parts: {
  lead: string
  body: readonly string[]
  boilerplate: readonly string[]
}): string {
  return [parts.lead, ...parts.body, ...parts.boilerplate].join('\n')
}

/** A copy with 1–3 edits of the kinds syndication and updates make. */
function nearCopy(
  r: Random,
  st: Story,
): { site: string; title: string; text: string; edits: string[] } {
  let site = st.site
  const body = [...st.body]
  let boilerplate = [...(BOILERPLATE[st.site] ?? [])]
  let title = st.title
  const edits: string[] = []
  const kinds = ['boilerplate', 'add-paragraph', 'cut-paragraph', 'headline', 'credit'] as const
  const count = 1 + r.int(3)
  const chosen = new Set<(typeof kinds)[number]>()
  while (chosen.size < count) chosen.add(r.pick(kinds))
  for (const kind of chosen) {
    if (kind === 'boilerplate') {
      const other = SITES.filter((x) => x !== st.site)
      site = r.pick(other)
      boilerplate = [...(BOILERPLATE[site] ?? [])]
    } else if (kind === 'add-paragraph') {
      body.splice(1 + r.int(body.length), 0, paragraph(r, st.slots))
    } else if (kind === 'cut-paragraph' && body.length > 3) {
      body.splice(r.int(body.length), 1)
    } else if (kind === 'headline') {
      title = `${st.slots.person}: ${st.slots.company} ${r.pick(['makes its move', 'in the spotlight', 'reshuffles', 'bets big'])}`
    } else if (kind === 'credit') {
      // Syndication partners credit the publication the story came from.
      boilerplate = [
        ...boilerplate,
        `This article first appeared on ${SITE_NAMES[st.site] ?? st.site}.`,
      ]
    }
    edits.push(kind)
  }
  return { site, title, text: render({ lead: st.lead, body, boilerplate }), edits }
}

/**
 * `total` articles: `exactShare` exact copies, `nearShare` near copies, the rest distinct stories,
 * all in one week. Copies follow their original in insertion order (as a crawl sees them).
 * @example const corpus = generateCorpus({ total: 20_000, exactShare: 0.2, nearShare: 0.2, seed: 7 })
 */
function generateCorpus(options: {
  total: number
  exactShare: number
  nearShare: number
  seed: number
}): GeneratedArticle[] {
  const r = createRandom(options.seed)
  const exact = Math.round(options.total * options.exactShare)
  const near = Math.round(options.total * options.nearShare)
  const originals = options.total - exact - near
  const stories: Story[] = []
  const storyArticle: number[] = []
  const out: GeneratedArticle[] = []
  const weekStart = Date.parse('2025-06-09T06:00:00Z')
  const time = (i: number) =>
    new Date(weekStart + Math.floor((i / options.total) * 5 * 86_400_000)).toISOString()
  let pendingExact = exact
  let pendingNear = near
  while (out.length < options.total) {
    const remainingOriginals = originals - stories.length
    const copyRoom = pendingExact + pendingNear
    const makeOriginal =
      stories.length === 0 ||
      (remainingOriginals > 0 && r.next() < remainingOriginals / (remainingOriginals + copyRoom))
    const index = out.length
    if (makeOriginal) {
      const st = story(r)
      stories.push(st)
      storyArticle.push(index)
      out.push({
        index,
        site: st.site,
        url: `https://${st.site}.example/${index}/${st.slots.company.toLowerCase().replace(/\W+/g, '-')}`,
        title: st.title,
        text: render({ lead: st.lead, body: st.body, boilerplate: BOILERPLATE[st.site] ?? [] }),
        publishedAt: time(index),
        copyOf: null,
        kind: 'original',
        edits: [],
      })
      continue
    }
    // Copies pick a recent original (syndication happens within days).
    const sourceStory = Math.max(0, stories.length - 1 - r.int(Math.min(stories.length, 400)))
    const st = stories[sourceStory] as Story
    const original = out[storyArticle[sourceStory] as number] as GeneratedArticle
    const useExact = pendingNear === 0 || (pendingExact > 0 && r.next() < pendingExact / copyRoom)
    if (useExact) {
      pendingExact--
      const site = r.pick(SITES.filter((x) => x !== original.site))
      out.push({
        ...original,
        index,
        site,
        url: `https://${site}.example/copy/${index}`,
        publishedAt: time(index),
        copyOf: original.index,
        kind: 'exact',
      })
    } else {
      pendingNear--
      let copy = nearCopy(r, st)
      // Edits that left the text as it was (a headline-only change) would make an exact copy.
      while (copy.text === original.text) copy = nearCopy(r, st)
      out.push({
        index,
        site: copy.site,
        url: `https://${copy.site}.example/syndicated/${index}`,
        title: copy.title,
        text: copy.text,
        publishedAt: time(index),
        copyOf: original.index,
        kind: 'near',
        edits: copy.edits,
      })
    }
  }
  return out
}

const { values: args } = parseArgs({
  options: {
    total: { type: 'string', default: '20000' },
    big: { type: 'string', default: '200000' },
    probe: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
  },
})
const TOTAL = Number(args.total)
const BIG = Number(args.big)
const PROBE = Number(args.probe)
const SEED = Number(args.seed)

function toExtracted(a: GeneratedArticle): ExtractedArticle {
  return {
    url: a.url,
    canonicalUrl: a.url,
    title: a.title,
    authors: [],
    publishedAt: a.publishedAt,
    publishedFrom: 'meta',
    modifiedAt: null,
    language: 'en',
    siteName: null,
    description: null,
    imageUrl: null,
    paywalled: false,
    text: a.text,
  }
}

const dir = await mkdtemp(join(tmpdir(), 'newshound-bench-dedup-'))
const opened = await openDatabase(join(dir, 'bench.db'))
const { db, sqlite } = opened
await syncSources(
  db,
  SITES.map((id) =>
    defineSource({
      id,
      name: SITE_NAMES[id] ?? id,
      homepage: `https://${id}.example/`,
      language: 'en',
      feeds: [`https://${id}.example/feed`],
      schedule: '0 * * * *',
    }),
  ),
)

async function insertAll(
  articles: readonly GeneratedArticle[],
  urlPrefix = '',
): Promise<{ ids: number[]; ms: number }> {
  const ids: number[] = []
  const started = performance.now()
  for (const a of articles) {
    const url = a.url.replace('.example/', `.example/${urlPrefix}`)
    const r = await upsertArticle(db, {
      sourceId: a.site,
      url,
      article: { ...toExtracted(a), url, canonicalUrl: url },
      htmlBytes: a.text.length,
    })
    ids.push(r.id)
  }
  return { ids, ms: performance.now() - started }
}

try {
  // 1. Quality on the main corpus.
  const corpus = generateCorpus({ total: TOTAL, exactShare: 0.2, nearShare: 0.2, seed: SEED })
  const main = await insertAll(corpus)
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'cluster_id', 'duplicate_of'])
    .execute()
  const clusterOf = new Map(rows.map((r) => [r.id, r.cluster_id ?? r.id]))
  const storyOf = (a: GeneratedArticle) => a.copyOf ?? a.index
  const predicted = corpus.map((a) => clusterOf.get(main.ids[a.index] as number) as number)

  // Pairs involving a near copy: true pairs = near copy with every other member of its story;
  // predicted pairs = near copy with every other member of its predicted cluster.
  const byStory = new Map<number, number[]>()
  const byCluster = new Map<number, number[]>()
  for (const a of corpus) {
    byStory.set(storyOf(a), [...(byStory.get(storyOf(a)) ?? []), a.index])
    byCluster.set(predicted[a.index] as number, [
      ...(byCluster.get(predicted[a.index] as number) ?? []),
      a.index,
    ])
  }
  const isNear = (i: number) => corpus[i]?.kind === 'near'
  const pairsWithNear = (members: readonly number[], same: (i: number, j: number) => boolean) => {
    let n = 0
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number
        const j = members[y] as number
        if ((isNear(i) || isNear(j)) && same(i, j)) n++
      }
    }
    return n
  }
  let truePairs = 0
  let predictedPairs = 0
  let correctPairs = 0
  for (const members of byStory.values()) {
    truePairs += pairsWithNear(members, () => true)
    correctPairs += pairsWithNear(members, (i, j) => predicted[i] === predicted[j])
  }
  for (const members of byCluster.values()) predictedPairs += pairsWithNear(members, () => true)
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs
  const exact = corpus.filter((a) => a.kind === 'exact')
  const exactFound = exact.filter(
    (a) => predicted[a.index] === predicted[a.copyOf as number],
  ).length
  let mergedDistinct = 0
  for (const members of byCluster.values())
    mergedDistinct += new Set(members.map((i) => storyOf(corpus[i] as GeneratedArticle))).size - 1
  const nearMissed = corpus.filter(
    (a) => a.kind === 'near' && predicted[a.index] !== predicted[a.copyOf as number],
  )
  const missedEdits = new Map<string, number>()
  for (const a of nearMissed)
    missedEdits.set(a.edits.join('+'), (missedEdits.get(a.edits.join('+')) ?? 0) + 1)
  const stories = new Set(predicted).size
  console.log(
    `corpus: ${TOTAL} articles (${corpus.filter((a) => a.kind === 'original').length} stories, ${exact.length} exact copies, ${corpus.filter((a) => a.kind === 'near').length} near copies), seed ${SEED}`,
  )
  console.log(
    `stored: ${main.ids.length} rows in ${(main.ms / 1000).toFixed(1)} s (${(main.ms / TOTAL).toFixed(2)} ms/article), ${stories} clusters`,
  )
  console.log(
    `near copies: pairwise precision ${precision.toFixed(4)} (${correctPairs}/${predictedPairs}), recall ${recall.toFixed(4)} (${correctPairs}/${truePairs})`,
  )
  if (nearMissed.length > 0)
    console.log(
      `near copies missed by edit: ${[...missedEdits].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    )
  console.log(
    `exact copies: recall ${(exactFound / exact.length).toFixed(4)} (${exactFound}/${exact.length})`,
  )
  console.log(`merged_distinct: ${mergedDistinct}`)

  // 2. Lookup cost per new article at TOTAL and at BIG stored articles.
  const probeAt = async (label: string, seed: number) => {
    const probe = generateCorpus({ total: PROBE, exactShare: 0.2, nearShare: 0.2, seed })
    const stored = Number(
      (
        await db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const { ms } = await insertAll(probe, `probe-${seed}/`)
    const perArticle = ms / PROBE
    console.log(
      `lookup+insert at ${label} (${stored} stored): ${perArticle.toFixed(3)} ms per new article (${PROBE} articles)`,
    )
    return perArticle
  }
  const small = await probeAt(`${TOTAL / 1000}k`, SEED + 1)
  // Bulk filler stories: fingerprinted like upsertArticle does, inserted in one transaction each
  // batch (the crawl path is measured above and below, the filler only has to be realistic).
  const insert =
    sqlite.prepare(`insert into articles (canonical_url, url, url_key, source_id, title, published_at, fetched_at, text, content_hash,
      simhash, sh_band0, sh_band1, sh_band2, sh_band3, para_anchor0, para_anchor1, para_anchor2, para_anchor3, created_at, updated_at)
    values (@url, @url, @key, @site, @title, @at, @at, @text, @hash, @simhash, @b0, @b1, @b2, @b3, @a0, @a1, @a2, @a3, @at, @at)`)
  const setCluster = sqlite.prepare('update articles set cluster_id = id where cluster_id is null')
  const fillStarted = performance.now()
  let filled = Number(
    (
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  for (let batch = 0; filled < BIG - PROBE; batch++) {
    const n = Math.min(20_000, BIG - PROBE - filled)
    const filler = generateCorpus({ total: n, exactShare: 0, nearShare: 0, seed: 1000 + batch })
    sqlite.transaction(() => {
      for (const a of filler) {
        const fp = fingerprintText(a.text)
        const url = a.url.replace('.example/', `.example/fill-${batch}/`)
        insert.run({
          url,
          key: urlIdentity(url),
          site: a.site,
          title: a.title,
          at: a.publishedAt,
          text: a.text,
          hash: contentHash(a.text),
          simhash: fp.simhash,
          b0: fp.bands[0],
          b1: fp.bands[1],
          b2: fp.bands[2],
          b3: fp.bands[3],
          a0: fp.anchors[0] ?? null,
          a1: fp.anchors[1] ?? null,
          a2: fp.anchors[2] ?? null,
          a3: fp.anchors[3] ?? null,
        })
      }
      setCluster.run()
    })()
    filled += n
  }
  console.log(
    `filler: ${filled} rows in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
  )
  const large = await probeAt(`${BIG / 1000}k`, SEED + 2)
  console.log(
    `lookup cost ratio ${BIG / 1000}k / ${TOTAL / 1000}k: ${(large / small).toFixed(2)}x (target <= 1.5x)`,
  )
  console.log(
    `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} merged_distinct ${mergedDistinct}`,
  )
} finally {
  await opened.close()
  await rm(dir, { recursive: true, force: true })
}
