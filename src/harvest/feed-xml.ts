import { Parser } from 'htmlparser2'
import { decodeEntities, demoronize, escapeAttribute, escapeXml } from './feed-text.js'

/** One element of the tolerant feed tree. */
export interface XmlElement {
  readonly kind: 'element'
  /** Canonical namespace key: '' (none, RSS 0.9x/1.0/2.0), 'atom', 'dc', 'content', … */
  readonly ns: string
  /** Lower-cased local name (feeds write pubDate, pubdate and PUBDATE). */
  readonly local: string
  /** The name as written, for re-serializing markup. */
  readonly qname: string
  /** Attribute values entity-decoded; keys lower-cased as written ("xml:base", "rdf:about"). */
  readonly attrs: Readonly<Record<string, string>>
  /** Effective base URL (xml:base chain over the document URL), or null when none is known. */
  readonly base: string | null
  readonly children: XmlNode[]
}

export interface XmlText {
  readonly kind: 'text'
  /** Entity-decoded text (CDATA is taken as is). */
  readonly text: string
}

export type XmlNode = XmlElement | XmlText

/** Namespace URIs we understand, mapped to one key each (the prefix a document uses is its own). */
const NAMESPACES = new Map<string, string>([
  ['http://www.w3.org/2005/atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/atom/ns#draft-ietf-atompub-format-08', 'atom'],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://backend.userland.com/rss', ''],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/elements/1.0/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.w3.org/xml/1998/namespace', 'xml'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://purl.org/rss/1.0/modules/slash/', 'slash'],
  ['http://wellformedweb.org/commentapi/', 'wfw'],
  ['http://www.sitemaps.org/schemas/sitemap/0.9', ''],
  ['http://www.google.com/schemas/sitemap-0.84', ''],
  ['http://www.google.com/schemas/sitemap-news/0.9', 'news'],
])

/** Prefixes used without a declaration (a common slip): read them as their usual namespace. */
const CONVENTIONAL_PREFIXES = new Map<string, string>([
  ['atom', 'atom'],
  ['atom10', 'atom'],
  ['dc', 'dc'],
  ['dcterms', 'dcterms'],
  ['content', 'content'],
  ['itunes', 'itunes'],
  ['media', 'media'],
  ['rdf', 'rdf'],
  ['xhtml', 'xhtml'],
  ['xml', 'xml'],
  ['feedburner', 'feedburner'],
])

export interface ParseXmlOptions {
  /** Document URL: the base for relative links before any xml:base. */
  readonly url: string | null
  /** Stop building the tree after this many elements (bounds memory on hostile input). */
  readonly maxElements?: number
}

/**
 * Builds a small element tree from XML text with htmlparser2's forgiving tokenizer: unclosed and
 * mismatched tags, stray `&`, junk before the root and undeclared prefixes all survive. Entities
 * are decoded by us (see decodeEntities); the DOCTYPE and its internal subset are dropped unread.
 * Returns the top-level nodes.
 */
export function parseXmlTree(text: string, options: ParseXmlOptions): XmlNode[] {
  const maxElements = options.maxElements ?? 500_000
  const top: XmlNode[] = []
  const stack: { element: XmlElement; prefixes: Map<string, string> }[] = []
  let elements = 0
  let inCdata = false
  let stopped = false
  const rootPrefixes = new Map<string, string>([['xml', 'xml']])

  const parser = new Parser(
    {
      onopentag(qname, rawAttrs) {
        if (stopped) return
        if (++elements > maxElements) {
          stopped = true
          return
        }
        const parent = stack.at(-1)
        const prefixes = new Map(parent?.prefixes ?? rootPrefixes)
        const attrs: Record<string, string> = {}
        for (const [name, value] of Object.entries(rawAttrs)) {
          const key = name.toLowerCase()
          const decoded = decodeEntities(value)
          attrs[key] = decoded
          if (key === 'xmlns') prefixes.set('', namespaceKey(decoded, ''))
          else if (key.startsWith('xmlns:'))
            prefixes.set(key.slice(6), namespaceKey(decoded, key.slice(6)))
        }
        const colon = qname.indexOf(':')
        const prefix = colon >= 0 ? qname.slice(0, colon).toLowerCase() : ''
        const local = (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase()
        const ns = prefixes.get(prefix) ?? CONVENTIONAL_PREFIXES.get(prefix) ?? prefix
        const parentBase = parent ? parent.element.base : options.url
        const xmlBase = attrs['xml:base']
        const base =
          xmlBase === undefined ? parentBase : (resolveUrl(xmlBase, parentBase) ?? parentBase)
        const element: XmlElement = { kind: 'element', ns, local, qname, attrs, base, children: [] }
        ;(parent ? parent.element.children : top).push(element)
        stack.push({ element, prefixes })
      },
      onclosetag() {
        if (stopped) return
        stack.pop()
      },
      ontext(data) {
        if (stopped) return
        const parent = stack.at(-1)
        const siblings = parent ? parent.element.children : top
        const text = demoronize(inCdata ? data : decodeEntities(data))
        const last = siblings.at(-1)
        // Merge adjacent runs (text + CDATA + text) so callers see one string.
        if (last?.kind === 'text')
          siblings[siblings.length - 1] = { kind: 'text', text: last.text + text }
        else siblings.push({ kind: 'text', text })
      },
      oncdatastart() {
        inCdata = true
      },
      oncdataend() {
        inCdata = false
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  )
  parser.write(stripDoctype(text))
  parser.end()
  return top
}

/**
 * Removes `<!DOCTYPE …>` including an internal subset: entity declarations are never read, so a
 * billion-laughs document costs what its bytes cost, and external entities are never fetched.
 */
function stripDoctype(text: string): string {
  const start = text.search(/<!DOCTYPE/i)
  if (start < 0 || start > 4096) return text
  let i = start + 9
  let depth = 0
  let quote: string | null = null
  for (; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === '>' && depth === 0) break
  }
  return text.slice(0, start) + text.slice(i + 1)
}

function namespaceKey(uri: string, prefix: string): string {
  const normalized = uri.trim().toLowerCase()
  const known = NAMESPACES.get(normalized) ?? NAMESPACES.get(normalized.replace(/\/$/, ''))
  if (known !== undefined) return known
  if (normalized.startsWith('http://purl.org/atom/ns#')) return 'atom'
  // An unknown prefixed namespace keeps its prefix so `foo:title` never passes for `title`. An
  // unknown default namespace (xmlns="", Atom drafts under other URIs) is read as no namespace:
  // the root element already told us the format.
  return prefix
}

/** Resolves `href` against `base`; null when the result is not an absolute URL. */
export function resolveUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim()
  if (!trimmed) return null
  try {
    return new URL(trimmed, base ?? undefined).href
  } catch {
    return null
  }
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((node): node is XmlElement => node.kind === 'element')
}

/** First child matching one of the names, given as "ns:local" or "local" (no namespace). */
export function findChild(element: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const [ns, local] = splitName(name)
    for (const node of element.children) {
      if (node.kind === 'element' && node.local === local && node.ns === ns) return node
    }
  }
  return undefined
}

export function findChildren(element: XmlElement, name: string): XmlElement[] {
  const [ns, local] = splitName(name)
  return element.children.filter(
    (node): node is XmlElement => node.kind === 'element' && node.local === local && node.ns === ns,
  )
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':')
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)]
}

/** Concatenated text of the element and its descendants. */
export function textContent(node: XmlNode): string {
  if (node.kind === 'text') return node.text
  // Inline xhtml may carry <script>/<style>: never part of a title or a text field.
  if (node.local === 'script' || node.local === 'style') return ''
  let out = ''
  for (const child of node.children) out += textContent(child)
  return out
}

/** Children written back as markup (for content that arrives as inline XHTML or naked HTML). */
export function innerXml(element: XmlElement): string {
  return element.children.map(serialize).join('')
}

function serialize(node: XmlNode): string {
  if (node.kind === 'text') return escapeXml(node.text)
  const name = node.qname.includes(':') && node.ns === 'xhtml' ? node.local : node.qname
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('')
  if (node.children.length === 0) return `<${name}${attrs}/>`
  return `<${name}${attrs}>${innerXml(node)}</${name}>`
}
