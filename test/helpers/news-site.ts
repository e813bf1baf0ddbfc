/**
 * Generated news for fault, crash and soak runs: RSS feeds and article pages whose text is
 * different enough per article that near-duplicate detection (SimHash over word shingles) keeps
 * them apart, as real stories are. Deterministic per seed, so a test can say what it expects.
 */

const WORDS = (
  'acquisition analyst antitrust applied architecture audit benchmark billion board budget cache ' +
  'capital chief chip cloud cluster compiler compliance contract customer datacenter deadline ' +
  'debt deployment design developer device director division earnings editor encryption engineer ' +
  'enterprise exchange executive expansion factory feature filing firmware founder framework ' +
  'funding governance graphics hardware hiring infrastructure investor kernel laboratory latency ' +
  'launch lawsuit layoff license market memory merger migration mobile model network office ' +
  'operator outage partner patent payment platform policy pricing privacy processor product ' +
  'protocol quarter regulator release research revenue robotics roadmap router runtime satellite ' +
  'scheduler security semiconductor sensor server shareholder software spending standard startup ' +
  'storage strategy subscription supplier supply telecom terminal testing tooling training ' +
  'transistor upgrade valuation vendor venture version vulnerability wafer warehouse wireless ' +
  'workload yield Berlin Munich Hamburg Austin Seattle Dublin Paris London Toronto Singapore ' +
  'announced confirmed declined expected reported planned delayed doubled halved signed shipped ' +
  'opened closed raised cut moved built tested approved rejected reviewed measured published'
).split(/\s+/)

/** mulberry32: a tiny seeded PRNG, so the same seed always writes the same story. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(random: () => number): string {
  const length = 12 + Math.floor(random() * 14)
  const words: string[] = []
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] as string)
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** Paragraphs of generated prose (about 60 to 120 words each). */
export function articleParagraphs(seed: number, count = 4): string[] {
  const random = seededRandom(seed)
  const paragraphs: string[] = []
  for (let p = 0; p < count; p++) {
    const sentences: string[] = []
    const n = 4 + Math.floor(random() * 3)
    for (let s = 0; s < n; s++) sentences.push(sentence(random))
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

export interface ArticlePageOptions {
  /** Absolute URL of the page, used as its canonical link. */
  readonly url: string
  readonly title: string
  readonly seed: number
  readonly publishedAt: string
}

/** An article page the extractor reads like a real one: canonical link, date, byline, <article>. */
export function articleHtml(options: ArticlePageOptions): string {
  const paragraphs = articleParagraphs(options.seed)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeXml(options.title)} | Generated News</title>
<link rel="canonical" href="${escapeXml(options.url)}">
<meta property="article:published_time" content="${options.publishedAt}">
<meta name="author" content="Sam Writer">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<main>
<article>
<h1>${escapeXml(options.title)}</h1>
<p class="byline">By Sam Writer</p>
${paragraphs}
</article>
</main>
<footer><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
`
}

export interface RssItem {
  readonly title: string
  readonly link: string
  readonly guid: string
  readonly publishedAt?: string
}

/** An RSS 2.0 document. */
export function rssFeed(title: string, items: readonly RssItem[]): string {
  const body = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><guid isPermaLink="false">${escapeXml(item.guid)}</guid>${
          item.publishedAt ? `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>` : ''
        }</item>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>http://example.invalid/</link><description>generated</description>
${body}
</channel></rss>
`
}
