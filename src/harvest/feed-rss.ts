import {
  atomAlternateLink,
  atomPerson,
  type FeedReader,
  readAtomText,
  textOf,
} from './feed-atom.js'
import { collapse, htmlToText, looksLikeHtml } from './feed-text.js'
import {
  childElements,
  findChild,
  findChildren,
  innerXml,
  resolveUrl,
  textContent,
  type XmlElement,
} from './feed-xml.js'

/**
 * Reads RSS 0.9x, 1.0 (RDF) and 2.0 — including `<rss>` without a version, Userland's namespaced
 * RSS, and items that sit beside the channel instead of inside it (RDF does so by design, broken
 * RSS by accident).
 */
export function readRssFeed(root: XmlElement): FeedReader {
  const channel = root.local === 'channel' ? root : (findChild(root, 'channel') ?? root)
  const entries: XmlElement[] = []
  // Document order across root and channel: RDF puts items after the channel, some RSS inside.
  for (const node of childElements(root)) {
    if (node === channel && channel !== root) {
      for (const inner of childElements(channel)) if (isItem(inner)) entries.push(inner)
    } else if (isItem(node)) entries.push(node)
  }
  const ttl = Number.parseInt(textOf(findChild(channel, 'ttl')) ?? '', 10)
  return {
    title: rssTitle(channel),
    link: rssLink(channel),
    ttlMinutes: Number.isFinite(ttl) && ttl >= 0 ? ttl : null,
    entries,
    readItem(item) {
      const guidElement = findChild(item, 'guid')
      // RSS 1.0 names each item by its rdf:about URI; that is its identity when there is no guid.
      const guid = textOf(guidElement) ?? item.attrs['rdf:about']?.trim() ?? null
      const permaLink =
        (guidElement?.attrs['ispermalink'] ?? 'true').trim().toLowerCase() !== 'false'
      let link = rssLink(item)
      // RSS 2.0: a permalink guid is the item's URL when <link> is missing.
      if (!link && guid && permaLink && /^https?:\/\//i.test(guid) && guidElement) {
        link = resolveUrl(guid, guidElement.base)
      }
      const description = findChild(item, 'description')
      const encoded = findChild(item, 'content:encoded')
      const atomSummary = findChild(item, 'atom:summary', 'atom:content')
      return {
        guid,
        link,
        title: rssTitle(item),
        publishedRaw: [
          textOf(findChild(item, 'pubdate')),
          textOf(findChild(item, 'dcterms:issued')),
          textOf(findChild(item, 'dc:date')),
          textOf(findChild(item, 'dcterms:created')),
          textOf(findChild(item, 'atom:published')),
          textOf(findChild(item, 'atom:issued')),
        ],
        updatedRaw: [
          textOf(findChild(item, 'atom:updated')),
          textOf(findChild(item, 'dcterms:modified')),
          textOf(findChild(item, 'atom:modified')),
          // Microsoft CDF (<CHANNEL>/<ITEM LASTMOD=…>), still met in old intranet feeds
          item.attrs['lastmod'],
        ],
        author:
          rssPerson(findChild(item, 'author')) ??
          textOf(findChild(item, 'dc:creator')) ??
          textOf(findChild(item, 'dc:author')) ??
          atomPerson(findChild(item, 'atom:author')) ??
          textOf(findChild(item, 'itunes:author')) ??
          textOf(findChild(item, 'dc:contributor')),
        summary: description
          ? rssHtml(description)
          : encoded
            ? rssHtml(encoded)
            : atomSummary
              ? readAtomText(atomSummary).html
              : (textOf(findChild(item, 'itunes:summary')) ?? textOf(findChild(item, 'abstract'))),
        categories: [...findChildren(item, 'category'), ...findChildren(item, 'dc:subject')].map(
          (c) => textContent(c),
        ),
      }
    },
  }
}

function isItem(element: XmlElement): boolean {
  return element.local === 'item' && element.ns === ''
}

/** Plain-text title: RSS titles are often HTML in disguise (escaped tags, double-escaped entities). */
function rssTitle(element: XmlElement): string | null {
  const title = findChild(element, 'title')
  if (title) {
    if (childElements(title).length > 0) return collapse(textContent(title))
    const text = textContent(title)
    return looksLikeHtml(text) ? htmlToText(text) : collapse(text)
  }
  const other = findChild(element, 'dc:title', 'atom:title', 'media:title')
  if (other) return other.ns === 'atom' ? readAtomText(other).text : collapse(textContent(other))
  return null
}

/**
 * RSS author as one string: "jane@example.org (Jane Doe)" stays; "Jane Doe <jane@example.org>"
 * becomes "Jane Doe (jane@example.org)" (angle brackets read as a tag downstream); a structured
 * author (Google's <author><name>) is read like an Atom person.
 */
function rssPerson(element: XmlElement | undefined): string | null {
  if (!element) return null
  if (childElements(element).length > 0) return atomPerson(element)
  const text = textOf(element)
  if (!text) return null
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text)
  if (angle) return angle[1] ? `${angle[1]} (${angle[2]})` : (angle[2] ?? null)
  return text
}

function rssLink(element: XmlElement): string | null {
  for (const link of findChildren(element, 'link')) {
    const href = textContent(link).trim() || link.attrs['href']?.trim()
    if (href) {
      const resolved = resolveUrl(href, link.base)
      if (resolved) return resolved
    }
  }
  // CDF puts the link in an HREF attribute of <CHANNEL> and <ITEM>.
  const href = element.attrs['href']
  return atomAlternateLink(element) ?? (href ? resolveUrl(href, element.base) : null)
}

/** Description as HTML: escaped HTML decodes to markup; naked markup is written back out. */
function rssHtml(element: XmlElement): string {
  return childElements(element).length > 0 ? innerXml(element).trim() : textContent(element).trim()
}
