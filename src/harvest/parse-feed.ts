import { decodeBytes } from '../encoding/decode.js'
import { maybeGunzip } from '../encoding/gunzip.js'
import { describeError, FeedParseError, NewshoundError } from '../errors.js'
import { type FeedReader, readAtomFeed } from './feed-atom.js'
import { finishItem, type ItemDraft } from './feed-item.js'
import { readJsonFeed } from './feed-json.js'
import { readRssFeed } from './feed-rss.js'
import type { FeedFormat, FeedItem, ParsedFeed, ParseFeedOptions } from './feed-types.js'
import { childElements, parseXmlTree, type XmlElement, type XmlNode } from './feed-xml.js'

export const DEFAULT_MAX_ITEMS = 1000
const DEFAULT_MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024

/**
 * Parses feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) into items with absolute
 * links, plain-text titles and UTC dates. Our own tolerant reader over htmlparser2's XML tokenizer,
 * not rss-parser: rss-parser rejects `<rss>` without a version, loses a feed to one bad date and
 * returns Atom xhtml titles as objects (see BENCHMARKS.md for the measured difference).
 *
 * One unusable item is reported in `skipped`, never fatal. Throws FeedParseError only when the
 * bytes are not a feed at all (empty body, an HTML page, JSON that is not a JSON Feed, garbage).
 *
 * @example const feed = parseFeed(body, { url: finalUrl, contentType: headers['content-type'] })
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions): ParsedFeed {
  const body = gunzipBody(bytes, options)
  const first = firstSignificantByte(body)
  if (first === null) throw new FeedParseError(options.url, 'not a feed: empty body')
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return parseJsonFeed(body, options)

  const decoded = decodeBytes(body, { contentType: options.contentType ?? null, kind: 'xml' })
  const top = parseXmlTree(decoded.text, { url: options.url })
  const root = findFeedRoot(top)
  if (!root)
    throw new FeedParseError(options.url, `not a feed: ${describeNonFeed(top, decoded.text)}`)
  const format: FeedFormat = root.local === 'feed' ? 'atom' : root.local === 'rdf' ? 'rdf' : 'rss'
  const reader = format === 'atom' ? readAtomFeed(root) : readRssFeed(root)
  return collect(format, reader, decoded.encoding, options)
}

/** Gunzips a gzip body; a corrupt one is "not a feed", a too-large one stays E_TOO_LARGE. */
function gunzipBody(bytes: Uint8Array, options: ParseFeedOptions): Uint8Array {
  try {
    return maybeGunzip(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES)
  } catch (error) {
    if (error instanceof NewshoundError && error.code === 'E_DECODE') {
      throw new FeedParseError(options.url, 'not a feed: corrupt gzip body', { cause: error })
    }
    throw error
  }
}

function parseJsonFeed(body: Uint8Array, options: ParseFeedOptions): ParsedFeed {
  // JSON Feed is UTF-8 by definition; decodeBytes still honours a BOM.
  const { text } = decodeBytes(body, {
    contentType: 'application/json; charset=utf-8',
    kind: 'xml',
  })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new FeedParseError(options.url, 'not a feed: invalid JSON', { cause: error })
  }
  const reader = readJsonFeed(value, options.url)
  if (!reader) throw new FeedParseError(options.url, 'not a feed: JSON without a JSON Feed version')
  return collect('json', { ...reader, ttlMinutes: null }, 'utf-8', options)
}

function collect<T>(
  format: FeedFormat,
  reader: Omit<FeedReader, 'entries' | 'readItem'> & {
    readonly entries: readonly T[]
    readItem(entry: T): ItemDraft
  },
  encoding: string,
  options: ParseFeedOptions,
): ParsedFeed {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS
  const items: FeedItem[] = []
  const skipped: { index: number; reason: string }[] = []
  reader.entries.forEach((entry, index) => {
    if (index >= maxItems) return
    try {
      items.push(finishItem(reader.readItem(entry)))
    } catch (error) {
      skipped.push({ index, reason: describeError(error) })
    }
  })
  if (reader.entries.length > maxItems) {
    skipped.push({
      index: maxItems,
      reason: `item limit ${maxItems} reached: ${reader.entries.length - maxItems} more items dropped`,
    })
  }
  return {
    format,
    title: reader.title,
    link: reader.link,
    ttlMinutes: reader.ttlMinutes,
    items,
    skipped,
    encoding,
  }
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel'])

function isFeedRoot(element: XmlElement): boolean {
  if (!FEED_ROOTS.has(element.local)) return false
  if (element.local === 'rdf') return element.ns === 'rdf'
  if (element.local === 'feed') return element.ns === 'atom' || element.ns === ''
  return element.ns === ''
}

/** The feed element: normally the root, sometimes wrapped (servers that embed a feed in a page). */
function findFeedRoot(top: readonly XmlNode[]): XmlElement | null {
  let level = top.filter((node): node is XmlElement => node.kind === 'element')
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const found = level.find(isFeedRoot)
    if (found) return found
    level = level.flatMap(childElements)
  }
  return null
}

function describeNonFeed(top: readonly XmlNode[], text: string): string {
  const root = top.find((node): node is XmlElement => node.kind === 'element')
  if ((root && root.local === 'html') || /^\s*(<!doctype html|<html\b)/i.test(text)) {
    return 'looks like an HTML page'
  }
  if (!root) return 'no XML elements in the body'
  return `root element <${root.qname}> is not rss, rdf:RDF or feed`
}

function firstSignificantByte(bytes: Uint8Array): number | null {
  let i = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3
  for (; i < bytes.length; i++) {
    const byte = bytes[i] as number
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x00)
      return byte
  }
  return null
}
