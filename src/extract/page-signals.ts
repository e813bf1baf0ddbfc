import { allElements, type HtmlElement, squash, textOf } from './parse-html.js'

/** A JSON-LD node, flattened out of `@graph` arrays and nested lists. */
export type JsonLdNode = Readonly<Record<string, unknown>>

/**
 * Everything the page says about itself in machine-readable form, collected in one pass so the
 * metadata modules (title, authors, dates, language, paywall) do not each walk the tree again.
 */
export interface PageSignals {
  readonly root: HtmlElement
  readonly elements: readonly HtmlElement[]
  /** `<meta>` content by lower-cased `name`, `property`, `itemprop` or `http-equiv`; first value first. */
  readonly meta: ReadonlyMap<string, readonly string[]>
  /** `<link rel=...>` hrefs by lower-cased rel token. */
  readonly links: ReadonlyMap<string, readonly string[]>
  readonly jsonLd: readonly JsonLdNode[]
  readonly htmlLang: string | null
  readonly titleTag: string | null
}

/** Collects meta tags, link rels, JSON-LD and the `<title>` of a parsed page. */
export function collectPageSignals(root: HtmlElement): PageSignals {
  const elements = allElements(root)
  const meta = new Map<string, string[]>()
  const links = new Map<string, string[]>()
  const jsonLd: JsonLdNode[] = []
  let htmlLang: string | null = null
  let titleTag: string | null = null

  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [value])
    else list.push(value)
  }

  for (const el of elements) {
    switch (el.tag) {
      case 'html':
        htmlLang ??= el.attrs['lang'] ?? el.attrs['xml:lang'] ?? null
        break
      case 'title':
        // An inline <svg><title> is dropped by the parser; the first <title> is the document's.
        titleTag ??= squash(textOf(el)) || null
        break
      case 'meta': {
        const content = el.attrs['content']
        if (content === undefined) break
        const value = content.trim()
        if (value === '') break
        for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
          const key = el.attrs[attr]
          // RDFa pages put several names in one property attribute ("og:title twitter:title").
          if (key !== undefined)
            for (const k of key.toLowerCase().split(/\s+/)) if (k) push(meta, k, value)
        }
        break
      }
      case 'link': {
        const rel = el.attrs['rel']
        const href = el.attrs['href']
        if (rel === undefined || href === undefined) break
        for (const r of rel.toLowerCase().split(/\s+/)) if (r) push(links, r, href.trim())
        break
      }
      case 'script':
        if (/ld\+json/i.test(el.attrs['type'] ?? '')) jsonLd.push(...parseJsonLd(textOf(el)))
        break
    }
  }
  return { root, elements, meta, links, jsonLd, htmlLang, titleTag }
}

/** First non-empty meta value among `keys`, in the order given. */
export function firstMeta(signals: PageSignals, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = signals.meta.get(key)?.[0]
    if (value !== undefined && value !== '') return value
  }
  return null
}

const ARTICLE_TYPES =
  /^(?:(?:News|Tech|Scholarly|Opinion|Analysis|Report|Review|Satirical|Background|BackgroundNews)?Article|BlogPosting|LiveBlogPosting|Posting|SocialMediaPosting|Report|Review|CreativeWork|WebPage|ItemPage|VideoObject|MediaObject)$/i

/** JSON-LD nodes describing the article itself, most specific types first (Article before WebPage). */
export function articleNodes(signals: PageSignals): JsonLdNode[] {
  const scored: Array<[number, JsonLdNode]> = []
  for (const node of signals.jsonLd) {
    const types = typesOf(node)
    let best = -1
    for (const t of types) {
      if (!ARTICLE_TYPES.test(t)) continue
      const rank = /Article|Posting|Report|Review/i.test(t) ? 2 : /Page/i.test(t) ? 0 : 1
      best = Math.max(best, rank)
    }
    if (best >= 0) scored.push([best, node])
  }
  return scored.sort((a, b) => b[0] - a[0]).map(([, n]) => n)
}

export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type']
  if (typeof t === 'string') return [t]
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string')
  return []
}

/**
 * Parses one JSON-LD script body into flat nodes. Real pages ship trailing commas, HTML comments
 * around the JSON, raw newlines inside strings and several concatenated objects; we repair what is
 * cheap to repair and otherwise give up on that script only.
 */
export function parseJsonLd(raw: string): JsonLdNode[] {
  // Wrappers left over from XHTML-era templates: <!-- ... -->, <![CDATA[ ... ]]>, //<![CDATA[.
  const text = raw
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)\s*/, '')
    .replace(/\s*(?:\/\/\s*)?(?:-->|\]\]>)$/, '')
    .trim()
  if (text === '') return []
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    try {
      // Raw control characters inside strings are the most common breakage (CMS-pasted bodies).
      data = JSON.parse(stripControlCharacters(text).replace(/,\s*([}\]])/g, '$1'))
    } catch {
      return []
    }
  }
  const out: JsonLdNode[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1)
      return
    }
    const node = value as JsonLdNode
    if ('@type' in node) out.push(node)
    const graph = node['@graph']
    if (graph !== undefined) visit(graph, depth + 1)
    // Some publishers nest the article in mainEntity / mainEntityOfPage of a WebPage node.
    for (const key of ['mainEntity', 'mainEntityOfPage']) {
      const inner = node[key]
      if (inner !== null && typeof inner === 'object' && '@type' in (inner as object))
        visit(inner, depth + 1)
    }
  }
  visit(data, 0)
  return out
}

/** A JSON-LD value as plain strings (handles strings, arrays, `{name}` / `{@value}` objects). */
export function ldStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'number') return [String(value)]
  if (Array.isArray(value)) return value.flatMap(ldStrings)
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    for (const key of ['name', '@value', 'url', '@id']) {
      const inner = obj[key]
      if (typeof inner === 'string') return [inner]
    }
  }
  return []
}

/** First string value of `key` across the article nodes. */
export function ldFirst(nodes: readonly JsonLdNode[], key: string): string | null {
  for (const node of nodes) {
    const value = ldStrings(node[key])[0]
    if (value !== undefined && value.trim() !== '') return value.trim()
  }
  return null
}

/** Replaces C0 control characters (raw newlines and tabs inside JSON strings) with spaces. */
function stripControlCharacters(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i) < 32 ? ' ' : text[i]
  return out
}
