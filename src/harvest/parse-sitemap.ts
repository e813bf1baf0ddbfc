import { decodeBytes } from '../encoding/decode.js'
import { maybeGunzip } from '../encoding/gunzip.js'
import { NewshoundError } from '../errors.js'
import { textOf } from './feed-atom.js'
import { childElements, findChild, parseXmlTree, resolveUrl, type XmlElement } from './feed-xml.js'
import { parseFeedDate } from './parse-date.js'

export interface SitemapEntry {
  /** Absolute URL of the page (urlset) or of the child sitemap (index). */
  readonly loc: string
  /** ISO-8601 UTC, or null when absent or not a trustworthy date. */
  readonly lastmod: string | null
  /** Google News sitemap <news:title>. */
  readonly newsTitle: string | null
  /** Google News sitemap <news:publication_date>, ISO-8601 UTC. */
  readonly newsPublishedAt: string | null
  /** Google News sitemap <news:language> (ISO 639, e.g. "de"). */
  readonly newsLanguage: string | null
}

export interface ParsedSitemap {
  readonly kind: 'urlset' | 'index'
  readonly entries: readonly SitemapEntry[]
}

export interface ParseSitemapOptions {
  /** The sitemap's URL: base for relative <loc> values. */
  readonly url: string
  readonly contentType?: string | null
  /** Entries kept (the protocol caps a sitemap at 50,000). */
  readonly maxEntries?: number
  /** Largest body accepted after gunzipping `sitemap.xml.gz` (the protocol caps it at 50 MiB). */
  readonly maxDecompressedBytes?: number
}

const DEFAULT_MAX_ENTRIES = 50_000
const DEFAULT_MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024

/**
 * Parses an XML sitemap, a sitemap index or a Google News sitemap (gzip or not, as servers often
 * send `.xml.gz` without Content-Encoding). Also accepts the protocol's plain-text form (one URL per
 * line). Entries without a usable <loc> are dropped; bad dates become null.
 *
 * @example parseSitemap(body, { url: 'https://www.example.com/sitemap-news.xml' }).entries
 */
export function parseSitemap(bytes: Uint8Array, options: ParseSitemapOptions): ParsedSitemap {
  const body = maybeGunzip(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES)
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  const { text } = decodeBytes(body, { contentType: options.contentType ?? null, kind: 'xml' })
  const top = parseXmlTree(text, { url: options.url })
  const root = top.find((node): node is XmlElement => node.kind === 'element')
  if (!root) return parsePlainText(text, options.url, maxEntries)
  if (root.local !== 'urlset' && root.local !== 'sitemapindex') {
    throw new NewshoundError(
      'E_FEED_PARSE',
      `sitemap: not a sitemap: root element <${root.qname}> (${options.url})`,
    )
  }
  const kind = root.local === 'urlset' ? 'urlset' : 'index'
  const childName = kind === 'urlset' ? 'url' : 'sitemap'
  const entries: SitemapEntry[] = []
  for (const element of childElements(root)) {
    if (entries.length >= maxEntries) break
    if (element.local !== childName || element.ns !== '') continue
    const entry = readEntry(element)
    if (entry) entries.push(entry)
  }
  return { kind, entries }
}

function readEntry(element: XmlElement): SitemapEntry | null {
  const locElement = findChild(element, 'loc')
  const raw = textOf(locElement)
  const loc = raw && locElement ? resolveUrl(raw, locElement.base) : null
  if (!loc || !/^https?:/i.test(loc)) return null
  const news = findChild(element, 'news:news')
  const publication = news && findChild(news, 'news:publication')
  return {
    loc,
    lastmod: parseFeedDate(textOf(findChild(element, 'lastmod'))),
    newsTitle: news ? textOf(findChild(news, 'news:title')) : null,
    newsPublishedAt: news ? parseFeedDate(textOf(findChild(news, 'news:publication_date'))) : null,
    newsLanguage: publication ? textOf(findChild(publication, 'news:language')) : null,
  }
}

/** sitemaps.org "Text file": UTF-8, one absolute URL per line, nothing else. */
function parsePlainText(text: string, url: string, maxEntries: number): ParsedSitemap {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  if (lines.length === 0 || !lines.every((line) => /^https?:\/\/\S+$/i.test(line))) {
    throw new NewshoundError(
      'E_FEED_PARSE',
      `sitemap: not a sitemap: no XML and no URL list (${url})`,
    )
  }
  return {
    kind: 'urlset',
    entries: lines.slice(0, maxEntries).map((loc) => ({
      loc: new URL(loc).href,
      lastmod: null,
      newsTitle: null,
      newsPublishedAt: null,
      newsLanguage: null,
    })),
  }
}
