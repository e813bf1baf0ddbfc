import type { ItemDraft } from './feed-item.js'
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

/** An Atom text construct read both ways: as plain text (titles) and as HTML (summaries). */
export interface AtomText {
  readonly text: string
  readonly html: string
}

/**
 * Reads an Atom 0.3/1.0 text construct. type="xhtml" holds markup as child elements (we drop the
 * wrapping div), type="html" and Atom 0.3's mode="escaped" hold escaped HTML, mode="base64" holds
 * base64, and type="text" is literal — though feeds put naked markup in it too.
 */
export function readAtomText(element: XmlElement): AtomText {
  const type = (element.attrs['type'] ?? 'text').trim().toLowerCase()
  const mode = (element.attrs['mode'] ?? '').trim().toLowerCase()
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml'
  const isHtml = type === 'html' || type === 'text/html' || mode === 'escaped'
  // RFC 4287 4.1.3.3: other non-text, non-XML media types are base64. Producers also label plain
  // text with made-up types, so base64 is taken only when it decodes to UTF-8 text.
  const isBinaryType = type.includes('/') && !type.startsWith('text/') && !/[+/]xml$/.test(type)
  const decoded = mode === 'base64' || isBinaryType ? decodeBase64Text(textContent(element)) : null
  if (decoded !== null) {
    return isHtml || isXhtml || looksLikeHtml(decoded)
      ? { text: htmlToText(decoded), html: decoded }
      : { text: collapse(decoded), html: decoded }
  }
  const elements = childElements(element)
  if (isXhtml || elements.length > 0) {
    const only = elements.length === 1 ? elements[0] : undefined
    const hasLooseText = element.children.some((n) => n.kind === 'text' && n.text.trim() !== '')
    const inner = only && only.local === 'div' && !hasLooseText ? only : element
    return { text: collapse(textContent(inner)), html: innerXml(inner).trim() }
  }
  const raw = textContent(element)
  if (isHtml) return { text: htmlToText(raw), html: raw.trim() }
  return { text: collapse(raw), html: raw.trim() }
}

/** The alternate link of an Atom element (feed or entry), resolved against its xml:base. */
function decodeBase64Text(text: string): string | null {
  const compact = text.replace(/\s+/g, '')
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'))
  } catch {
    return null
  }
}

/** The alternate link of an Atom element (feed or entry), resolved against its xml:base. */
export function atomAlternateLink(element: XmlElement): string | null {
  const links = findChildren(element, 'atom:link').concat(findChildren(element, 'link'))
  const alternates = links.filter((link) => {
    const rel = (link.attrs['rel'] ?? 'alternate').trim().toLowerCase()
    return rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate'
  })
  for (const link of alternates) {
    const href = link.attrs['href'] ?? (textContent(link).trim() || undefined)
    if (href !== undefined) {
      const resolved = resolveUrl(href, link.base)
      if (resolved) return resolved
    }
  }
  return null
}

/** "Name (email)", name alone, email alone, or the element's text for a loosely written author. */
export function atomPerson(element: XmlElement | undefined): string | null {
  if (!element) return null
  const name = collapse(textContent(findChild(element, 'atom:name', 'name') ?? emptyElement()))
  const email = collapse(textContent(findChild(element, 'atom:email', 'email') ?? emptyElement()))
  if (name && email) return `${name} (${email})`
  if (name || email) return name || email
  return collapse(textContent(element)) || null
}

function emptyElement(): XmlElement {
  return { kind: 'element', ns: '', local: '', qname: '', attrs: {}, base: null, children: [] }
}

function atomChild(element: XmlElement, local: string): XmlElement | undefined {
  return findChild(element, `atom:${local}`, local)
}

export interface FeedReader {
  readonly title: string | null
  readonly link: string | null
  readonly ttlMinutes: number | null
  readonly entries: readonly XmlElement[]
  readItem(entry: XmlElement): ItemDraft
}

export function readAtomFeed(feed: XmlElement): FeedReader {
  const titleElement = atomChild(feed, 'title')
  const feedAuthor = atomPerson(atomChild(feed, 'author'))
  const entries = findChildren(feed, 'atom:entry').concat(findChildren(feed, 'entry'))
  return {
    title: titleElement ? readAtomText(titleElement).text : null,
    link: atomAlternateLink(feed),
    ttlMinutes: null,
    entries: sortByDocumentOrder(feed, entries),
    readItem(entry) {
      const title = atomChild(entry, 'title')
      const summary = atomChild(entry, 'summary') ?? atomChild(entry, 'content')
      const source = atomChild(entry, 'source')
      const author =
        atomPerson(atomChild(entry, 'author')) ??
        atomPerson(source && atomChild(source, 'author')) ??
        textOf(findChild(entry, 'dc:creator')) ??
        feedAuthor
      return {
        guid: textOf(atomChild(entry, 'id')),
        link: atomAlternateLink(entry),
        title: title ? readAtomText(title).text : null,
        publishedRaw: [
          textOf(atomChild(entry, 'published')),
          textOf(atomChild(entry, 'issued')),
          textOf(atomChild(entry, 'created')),
          textOf(findChild(entry, 'dc:date')),
        ],
        updatedRaw: [textOf(atomChild(entry, 'updated')), textOf(atomChild(entry, 'modified'))],
        author,
        summary: summary ? readAtomText(summary).html : null,
        categories: [
          ...findChildren(entry, 'atom:category'),
          ...findChildren(entry, 'category'),
        ].map((c) => c.attrs['label'] ?? c.attrs['term'] ?? textContent(c)),
      }
    },
  }
}

function sortByDocumentOrder(parent: XmlElement, subset: XmlElement[]): XmlElement[] {
  const wanted = new Set(subset)
  return parent.children.filter(
    (node): node is XmlElement => node.kind === 'element' && wanted.has(node),
  )
}

export function textOf(element: XmlElement | undefined): string | null {
  if (!element) return null
  const text = collapse(textContent(element))
  return text === '' ? null : text
}
