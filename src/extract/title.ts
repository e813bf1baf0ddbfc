import { articleNodes, firstMeta, ldFirst, type PageSignals } from './page-signals.js'
import { squash, textOf } from './parse-html.js'

/** Separators CMSs put between headline and site name ("Headline | Site", "Site - Headline"). */
const SEPARATOR = /\s+(?:\||-|–|—|·|•|::|»|\/|\\|>)\s+/

/**
 * The article headline without the site-name suffix or prefix.
 *
 * Prefers the document `<title>` (or og:title / JSON-LD headline) cleaned of segments that name
 * the site; when an `<h1>` repeats one part of the title, that part wins.
 *
 * @example
 * extractTitle(signals, 'heise online', 'www.heise.de') // "Neuer Chef bei SAP" from "Neuer Chef bei SAP | heise online"
 */
export function extractTitle(
  signals: PageSignals,
  siteName: string | null,
  host: string,
): string | null {
  const ld = ldFirst(articleNodes(signals), 'headline')
  const og = firstMeta(signals, 'og:title', 'twitter:title', 'dc.title')
  const raw = signals.titleTag ?? og ?? ld
  const h1s = signals.elements
    .filter((el) => el.tag === 'h1')
    .map((el) => squash(textOf(el)))
    .filter((t) => t.length > 0)
  if (raw === null) return h1s[0] ?? null
  const title = squash(raw)

  const parts = title.split(SEPARATOR)
  // "Headline - Headline": some CMSs repeat the headline as the page name.
  const repeated = /^(.+?)\s+(?:\||-|–|—|·|•)\s+\1$/u.exec(title)
  if (repeated !== null) return repeated[1]!
  // An <h1> that is the title's first segment is the headline without decoration.
  for (const h1 of h1s) {
    if (parts.length > 1 && parts[0] === h1 && wordCount(h1) >= 2) return h1
    if (h1.length >= 10 && h1 !== title && title.includes(h1) && wordCount(h1) >= 3) return h1
  }
  // og:title / JSON-LD headline usually come without the site name.
  for (const alt of [og, ld]) {
    if (alt === null) continue
    const a = squash(alt)
    if (a !== title && a.length >= 10 && title.startsWith(a) && !SEPARATOR.test(a)) return a
  }
  return stripSiteName(title, siteName, host)
}

function stripSiteName(title: string, siteName: string | null, host: string): string {
  const parts = title.split(SEPARATOR)
  if (parts.length < 2) return title
  const hostLabel = host
    .replace(/^www\./, '')
    .split('.')
    .slice(0, -1)
    .join('.')
    .toLowerCase()
  const site = norm(siteName ?? '')
  const isSite = (part: string): boolean => {
    const p = norm(part)
    if (p === '') return true
    if (site !== '' && (p === site || p.includes(site) || site.includes(p))) return true
    const compact = p.replace(/\s+/g, '')
    return (
      hostLabel !== '' &&
      (compact === hostLabel.replace(/[^a-z0-9]/g, '') ||
        compact.includes(hostLabel.replace(/[^a-z0-9]/g, '')))
    )
  }
  let kept = [...parts]
  while (kept.length > 1 && isSite(kept[kept.length - 1]!)) kept.pop()
  while (kept.length > 1 && isSite(kept[0]!)) kept.shift()
  if (kept.length === parts.length && kept.length > 1) {
    // Nothing named the site; Readability's rule: drop the last segment when the rest still
    // reads like a headline (three words or more).
    const head = kept.slice(0, -1)
    if (wordCount(head.join(' ')) >= 3) kept = head
  }
  // Re-join with the separators the title used, by slicing the original string.
  const first = kept[0]!
  const last = kept[kept.length - 1]!
  const start = title.indexOf(first)
  const end = title.lastIndexOf(last) + last.length
  return start >= 0 && end > start ? title.slice(start, end) : kept.join(' - ')
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}
