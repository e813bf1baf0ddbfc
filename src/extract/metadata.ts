import {
  articleNodes,
  firstMeta,
  type JsonLdNode,
  ldFirst,
  ldStrings,
  type PageSignals,
} from './page-signals.js'
import { squash } from './parse-html.js'
import { resolveHttpUrl } from './resolve-url.js'

export interface PageMetadata {
  readonly canonicalUrl: string
  readonly siteName: string | null
  readonly description: string | null
  readonly imageUrl: string | null
}

/**
 * Canonical URL, site name, description and lead image from `<link>`, OpenGraph/Twitter meta and
 * JSON-LD. URLs are resolved against `<base href>` or the page URL; the canonical URL falls back to
 * the page URL.
 *
 * @example
 * extractMetadata(signals, 'https://example.com/a?utm_source=x').canonicalUrl // 'https://example.com/a'
 */
export function extractMetadata(signals: PageSignals, url: string): PageMetadata {
  const base = baseUrl(signals, url)
  const nodes = articleNodes(signals)
  const canonical =
    resolveHttpUrl(signals.links.get('canonical')?.[0], base) ??
    resolveHttpUrl(firstMeta(signals, 'og:url'), base) ??
    url

  const publisher = nodes.flatMap((n) => ldStrings(n['publisher']))[0] ?? null
  const siteName =
    firstMeta(
      signals,
      'og:site_name',
      'application-name',
      'al:android:app_name',
      'twitter:app:name:iphone',
    ) ??
    publisher ??
    siteFromWebSiteNode(signals)

  const description =
    firstMeta(
      signals,
      'og:description',
      'description',
      'twitter:description',
      'dc.description',
      'dc:description',
      'dcterms.description',
    ) ?? ldFirst(nodes, 'description')

  const image =
    resolveHttpUrl(
      firstMeta(
        signals,
        'og:image',
        'og:image:url',
        'og:image:secure_url',
        'twitter:image',
        'twitter:image:src',
      ),
      base,
    ) ??
    resolveHttpUrl(
      nodes.map((n) => ldStrings(n['image'])[0]).find((v) => v !== undefined),
      base,
    ) ??
    resolveHttpUrl(signals.links.get('image_src')?.[0], base)

  return {
    canonicalUrl: canonical,
    siteName: clean(siteName),
    description: clean(description),
    imageUrl: image,
  }
}

function baseUrl(signals: PageSignals, url: string): string {
  const base = signals.elements.find((el) => el.tag === 'base')?.attrs['href']
  return resolveHttpUrl(base, url) ?? url
}

/** The site's own WebSite node, else a top-level Organization node (the publisher). */
function siteFromWebSiteNode(signals: PageSignals): string | null {
  for (const type of ['WebSite', 'NewsMediaOrganization', 'Organization']) {
    const node = signals.jsonLd.find((n: JsonLdNode) => n['@type'] === type)
    const name = node === undefined ? undefined : ldStrings(node['name'])[0]
    if (name !== undefined && name.trim() !== '') return name
  }
  return null
}

function clean(value: string | null): string | null {
  if (value === null) return null
  const s = squash(value)
  return s === '' ? null : s
}
