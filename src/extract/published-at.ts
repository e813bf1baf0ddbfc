import type { DateSource, ExtractHints } from './article-types.js'
import { classAndId } from './boilerplate.js'
import { articleNodes, ldStrings, type PageSignals } from './page-signals.js'
import { findTextDates, parseMachineDate } from './parse-date.js'
import type { HtmlElement } from './parse-html.js'

export interface ArticleDates {
  readonly publishedAt: string | null
  readonly publishedFrom: DateSource
  readonly modifiedAt: string | null
}

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published-date',
  'date.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'cxenseparse:recs:publishtime',
  'citation_publication_date',
  'originalpublicationdate',
  'displaydate',
  'content_publication_date',
]
const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'modified_time',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'lastmod',
  'date.updated',
  'cxenseparse:recs:articlemodified',
]

/** Places whose dates belong to something else: comments, related stories, sidebars, footers. */
const FOREIGN_CONTEXT =
  /comment|kommentar|related|verwandt|sidebar|recommend|empfehl|more-?(?:stories|news|articles)|weitere|teaser-?list|trending|popular|meistgelesen|footer|widget|newsletter|promo|outbrain|taboola|repl(?:y|ies)|discussion|forum|rail|playlist|carousel|breaking|ticker|weather|wetter|copyright|event/i

/** Words that mark a date as an update, not the first publication. */
const UPDATED_WORDS =
  /updated|update:|aktualisiert|geändert|modified|last edited|zuletzt|überarbeitet|revised|stand:/i
const PUBLISHED_WORDS =
  /published|posted|veröffentlicht|erschienen|publiziert|erstellt|first published|date:|datum:/i

/**
 * Published and modified time of the article, with the signal the published time came from.
 *
 * Order: JSON-LD `datePublished` > `<meta>` (article:published_time, DC, Parsely, ...) >
 * `itemprop=datePublished` > `<time datetime>` in the article > a date in the URL path > visible
 * date text (English and German) near the headline > the feed's date (hint). Dates in comments,
 * related-story boxes, footers and copyright lines are ignored, as are "updated" dates; dates
 * after `hints.now` and values equal to the crawl instant are rejected.
 *
 * @example
 * extractDates(signals, 'https://example.com/2026/11/29/acme-cfo', { now: new Date('2026-12-01') })
 * // { publishedAt: '2026-11-29T00:00:00.000Z', publishedFrom: 'url', modifiedAt: null }
 */
export function extractDates(
  signals: PageSignals,
  url: string,
  hints: ExtractHints = {},
): ArticleDates {
  const now = hints.now?.getTime() ?? Date.now()
  const valid = (iso: string | null): iso is string => {
    if (iso === null) return false
    const t = Date.parse(iso)
    // Sixty minutes of slack for zone-less wall-clock times read as UTC.
    if (t > now + 60 * 60 * 1000) return false
    // A server-rendered "now" (clock widgets, cache stamps) is not a publish time.
    if (hints.now !== undefined && Math.abs(t - now) < 60 * 1000) return false
    return true
  }
  const modifiedAt = firstValid(modifiedCandidates(signals), valid)

  const tries: Array<[DateSource, () => Array<string | null>]> = [
    ['json-ld', () => jsonLdDates(signals, 'datePublished', 'dateCreated')],
    ['meta', () => PUBLISHED_META.map((k) => signals.meta.get(k)?.[0] ?? null).map(machine)],
    ['itemprop', () => itempropDates(signals, /^(?:datePublished|dateCreated)$/)],
    ['time-element', () => timeElementDates(signals)],
    ['url', () => [urlDate(url)]],
    ['text', () => textDates(signals)],
  ]
  for (const [source, get] of tries) {
    const found = firstValid(get(), valid)
    if (found !== null) return { publishedAt: found, publishedFrom: source, modifiedAt }
  }
  const feed = machine(hints.feedPublishedAt ?? null)
  if (valid(feed)) return { publishedAt: feed, publishedFrom: 'feed', modifiedAt }
  return { publishedAt: null, publishedFrom: null, modifiedAt }
}

function machine(value: string | null): string | null {
  return value === null ? null : parseMachineDate(value)
}

function firstValid(
  values: Array<string | null>,
  valid: (iso: string | null) => iso is string,
): string | null {
  for (const v of values) if (valid(v)) return v
  return null
}

function jsonLdDates(signals: PageSignals, ...keys: string[]): Array<string | null> {
  const out: Array<string | null> = []
  for (const node of articleNodes(signals)) {
    for (const key of keys) for (const v of ldStrings(node[key])) out.push(parseMachineDate(v))
  }
  return out
}

function modifiedCandidates(signals: PageSignals): Array<string | null> {
  return [
    ...jsonLdDates(signals, 'dateModified'),
    ...MODIFIED_META.map((k) => machine(signals.meta.get(k)?.[0] ?? null)),
    ...itempropDates(signals, /^dateModified$/),
  ]
}

function itempropDates(signals: PageSignals, prop: RegExp): Array<string | null> {
  const out: Array<string | null> = []
  for (const el of signals.elements) {
    const ip = el.attrs['itemprop']
    if (ip === undefined || !prop.test(ip)) continue
    if (inForeignContext(el)) continue
    const value = el.attrs['content'] ?? el.attrs['datetime'] ?? el.attrs['value'] ?? flatText(el)
    out.push(parseMachineDate(value))
  }
  return out
}

function timeElementDates(signals: PageSignals): Array<string | null> {
  const preferred: Array<string | null> = []
  const rest: Array<string | null> = []
  for (const el of signals.elements) {
    if (el.tag !== 'time') continue
    if (inForeignContext(el)) continue
    const before = labelBefore(el)
    const label = `${classAndId(el)} ${classAndId(el.parent ?? el)} ${before}`
    const updated =
      /updat|modif/i.test(classAndId(el)) ||
      (UPDATED_WORDS.test(before) && !PUBLISHED_WORDS.test(before))
    if (updated) continue
    const value = el.attrs['datetime'] ?? flatText(el)
    const iso = parseMachineDate(value)
    if (el.attrs['pubdate'] !== undefined || /publish|posted|pubdate|veroeffentlicht/i.test(label))
      preferred.push(iso)
    else rest.push(iso)
  }
  return [...preferred, ...rest]
}

/** `/2026/11/29/`, `/2026-11-29/`, `/20261129/` in the path. Month-only paths give no day. */
export function urlDate(url: string): string | null {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return null
  }
  const m =
    /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=\/|[-_.]|$)/.exec(
      path,
    ) ??
    /(?:^|\/|[-_])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|[-_.]|$)/.exec(path)
  if (m === null) return null
  return parseMachineDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`)
}

/**
 * Visible date text: the first date written near the headline (after the `<h1>` first, then
 * before it), on short lines only (a date inside a paragraph is usually about an event).
 */
function textDates(signals: PageSignals): Array<string | null> {
  interface Line {
    readonly text: string
    readonly el: HtmlElement
    readonly order: number
  }
  const lines: Line[] = []
  let h1Order = -1
  let order = 0
  const walk = (el: HtmlElement, foreign: boolean): void => {
    for (const child of el.children) {
      if (child.kind === 'text') {
        const t = child.text.trim()
        // Long text is prose; only its start can hold a dateline ("HAMBURG, 14. Oktober 2026 –").
        if (!foreign && t.length >= 6)
          lines.push({ text: t.length < 200 ? t : t.slice(0, 80), el, order: order++ })
        continue
      }
      if (child.tag === 'script' || child.tag === 'head' || child.tag === 'nav') continue
      if (child.tag === 'h1' && h1Order < 0) h1Order = order
      walk(child, foreign || isForeign(child))
    }
  }
  walk(signals.root, false)
  const pick = (line: Line): string | null => {
    if (/©|\(c\)|copyright/i.test(line.text)) return null
    for (const found of findTextDates(line.text)) {
      // "Updated: 9 May 2026 | Published: 6 May 2026": the label nearest before each date decides.
      const before =
        found.index === 0
          ? precedingText(line.el)
          : line.text.slice(Math.max(0, found.index - 40), found.index)
      if (UPDATED_WORDS.test(before) && !PUBLISHED_WORDS.test(before)) continue
      return found.iso
    }
    return null
  }
  const after = h1Order < 0 ? lines : lines.filter((l) => l.order >= h1Order)
  const before = h1Order < 0 ? [] : lines.filter((l) => l.order < h1Order).reverse()
  const out: Array<string | null> = []
  for (const l of after.slice(0, 400)) out.push(pick(l))
  for (const l of before.slice(0, 100)) out.push(pick(l))
  return out
}

function isForeign(el: HtmlElement): boolean {
  if (el.tag === 'aside' || el.tag === 'footer' || el.tag === 'nav') return true
  const ci = classAndId(el)
  return ci !== '' && FOREIGN_CONTEXT.test(ci)
}

function inForeignContext(el: HtmlElement): boolean {
  for (let p: HtmlElement | null = el; p !== null; p = p.parent) if (isForeign(p)) return true
  return false
}

/** The label right before an element: text since the previous element sibling ("Updated: <time>"). */
function labelBefore(el: HtmlElement): string {
  const parent = el.parent
  if (parent === null) return ''
  let out = ''
  for (const child of parent.children) {
    if (child === el) break
    out = child.kind === 'text' ? out + child.text : ''
  }
  return out.trim() === '' ? precedingText(el) : out.slice(-40)
}

/** Text just before an element inside its parent ("Updated: <time>", "Veröffentlicht am <time>"). */
function precedingText(el: HtmlElement): string {
  const parent = el.parent
  if (parent === null) return ''
  let out = ''
  for (const child of parent.children) {
    if (child === el) break
    out += child.kind === 'text' ? child.text : flatText(child)
  }
  return out.slice(-60)
}

function flatText(el: HtmlElement): string {
  let out = ''
  for (const c of el.children) out += c.kind === 'text' ? c.text : flatText(c)
  return out
}
