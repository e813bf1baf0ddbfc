import { classAndId } from './boilerplate.js'
import {
  articleNodes,
  firstMeta,
  type JsonLdNode,
  type PageSignals,
  typesOf,
} from './page-signals.js'
import { type HtmlElement, squash, textOf } from './parse-html.js'

/** Job titles and labels that bylines carry next to (or instead of) names. */
const ROLE_WORDS =
  /\b(?:senior|staff|contributing|chief|deputy|managing|executive|associate|assistant|special|guest|freelance|political|technology|tech|business|science|news|sports|legal|foreign|national|economics|investigative|editor(?:ial)?s?|writer|reporter|correspondent|columnist|contributor|analyst|producer|photographer|team|desk|staff|redaktion|redakteur(?:in)?|autor(?:in)?|korrespondent(?:in)?|volontär(?:in)?|journalist(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?|agency|agentur|newsroom|wire|services?|press|bureau|online|digital|author|admin|administrator|guest|anonymous|unknown|none)\b/i

const NOT_A_NAME =
  /^(?:by|von|text|written by|posted by|from|and|und|email the author|e-?mail|follow|contact|more by|more from|view all posts|see all|share|updated|published|twitter|facebook|linkedin|instagram)$/i

/** Wire services and desks kept as authors' organisations, not people. */
const ORGANISATION =
  /^(?:ap|afp|dpa|reuters|associated press|bloomberg|the associated press|epd|kna|sid|apa|ots|pa|upi|tass|xinhua|heise online|staff|editorial board|news desk|redaktion)$/i

/**
 * Authors of the article as a list of personal names.
 *
 * Sources, most reliable first: JSON-LD `author` (Person only), `<meta name=author>` and friends,
 * `itemprop=author`, `rel=author` links, then elements whose class says byline/author. Every
 * value is cleaned of "By"/"Von", roles ("Senior Reporter"), e-mail addresses, URLs and handles,
 * then split on "and"/"und"/commas.
 *
 * @example
 * // <meta name="author" content="By Jane Doe and Max Mustermann, Staff Writers">
 * extractAuthors(signals) // ['Jane Doe', 'Max Mustermann']
 */
export function extractAuthors(signals: PageSignals): string[] {
  const groups: string[][] = []
  groups.push(fromJsonLd(articleNodes(signals)))
  const meta = firstMeta(
    signals,
    'author',
    'article:author',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'dc:creator',
    'dcterms.creator',
    'byl',
    'twitter:creator',
  )
  if (meta !== null) groups.push([meta])
  groups.push(fromMarkup(signals.elements))
  for (const group of groups) {
    const names = dedupe(group.flatMap(cleanAuthor))
    if (names.length > 0) return names.slice(0, 8)
  }
  return []
}

function fromJsonLd(nodes: readonly JsonLdNode[]): string[] {
  const out: string[] = []
  for (const node of nodes) {
    const authors = node['author'] ?? node['creator']
    const list = Array.isArray(authors) ? authors : authors === undefined ? [] : [authors]
    for (const a of list) {
      if (typeof a === 'string') out.push(a)
      else if (a !== null && typeof a === 'object') {
        const obj = a as JsonLdNode
        if (typesOf(obj).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/i.test(t)))
          continue
        const name = obj['name']
        if (typeof name === 'string') out.push(name)
        else if (Array.isArray(name))
          out.push(...name.filter((n): n is string => typeof n === 'string'))
      }
    }
    if (out.length > 0) break
  }
  return out
}

function fromMarkup(elements: readonly HtmlElement[]): string[] {
  const out: string[] = []
  for (const el of elements) {
    const itemprop = el.attrs['itemprop'] ?? ''
    if (/\bauthor\b/i.test(itemprop)) {
      const nameEl = findDescendant(el, (e) => (e.attrs['itemprop'] ?? '') === 'name')
      const value =
        nameEl?.attrs['content'] ?? (nameEl ? textOf(nameEl) : (el.attrs['content'] ?? textOf(el)))
      out.push(value)
    }
  }
  if (out.length > 0) return out
  for (const el of elements) {
    if (el.tag === 'a' && /\bauthor\b/i.test(el.attrs['rel'] ?? '')) out.push(textOf(el))
  }
  if (out.length > 0) return out
  for (const el of elements) {
    const ci = classAndId(el)
    if (
      ci === '' ||
      !/byline|author|autor|writer/i.test(ci) ||
      /comment|avatar|image|photo|bio|desc|date|time|social|share|follow|related/i.test(ci)
    )
      continue
    // Prefer the link texts inside a byline ("By <a>Jane</a> and <a>John</a>").
    const text = squash(textOf(el))
    if (text.length === 0 || text.length > 120) continue
    const links = collect(el, (e) => e.tag === 'a')
      .map((a) => squash(textOf(a)))
      .filter((t) => t !== '')
    out.push(...(links.length > 0 ? links : [text]))
    if (out.length > 0) break
  }
  return out
}

function findDescendant(el: HtmlElement, pred: (e: HtmlElement) => boolean): HtmlElement | null {
  for (const child of el.children) {
    if (child.kind !== 'element') continue
    if (pred(child)) return child
    const found = findDescendant(child, pred)
    if (found !== null) return found
  }
  return null
}

function collect(
  el: HtmlElement,
  pred: (e: HtmlElement) => boolean,
  out: HtmlElement[] = [],
): HtmlElement[] {
  for (const child of el.children) {
    if (child.kind !== 'element') continue
    if (pred(child)) out.push(child)
    collect(child, pred, out)
  }
  return out
}

/**
 * One raw byline value → zero or more names. Exported for tests.
 *
 * @example
 * cleanAuthor('Von Max Mustermann und Erika Musterfrau') // ['Max Mustermann', 'Erika Musterfrau']
 */
export function cleanAuthor(raw: string): string[] {
  let s = squash(raw)
  if (s === '' || /^https?:\/\//i.test(s)) return []
  s = s
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/\((?:[^)]*)\)/g, ' ')
    // Date or time glued to the byline ("Jane Doe, 12:30 pm", "Jane Doe | 29.11.2026").
    .replace(/\b\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?\b.*$/, ' ')
  const out: string[] = []
  for (let part of s.split(/\s*(?:,|;|\||&|\/|\band\b|\bund\b|\bwith\b|\bmit\b|·|•)\s*/i)) {
    part = part
      .replace(
        /^(?:(?:written|posted|reported|text|story|words|interview|photos?)\s+)?(?:by|von|from)\b[:\s]*/i,
        '',
      )
      .replace(/^(?:text|autor(?:in)?|author)\s*:\s*/i, '')
      .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')
      .trim()
    if (part === '' || NOT_A_NAME.test(part) || ORGANISATION.test(part)) continue
    const words = part.split(/\s+/)
    // Names are 1-5 words; a role word in them means the part is a title, not a name.
    if (words.length > 5) continue
    if (ROLE_WORDS.test(part)) continue
    if (!/^\p{Lu}/u.test(part)) continue
    if (/\d/.test(part)) continue
    if (words.length === 1 && part.length < 3) continue
    // Initials alone ("J J") are avatar placeholders, not names.
    if (!words.some((w) => w.replace(/\./g, '').length >= 2)) continue
    out.push(part)
  }
  return out
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const n of names) {
    const key = n.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(n)
  }
  return out
}
