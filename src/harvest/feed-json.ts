import type { ItemDraft } from './feed-item.js'
import { collapse, htmlToText, looksLikeHtml } from './feed-text.js'
import { resolveUrl } from './feed-xml.js'

export interface JsonFeedReader {
  readonly title: string | null
  readonly link: string | null
  readonly entries: readonly unknown[]
  readItem(entry: unknown): ItemDraft
}

/**
 * JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): `author` (1.0) and `authors` (1.1),
 * `content_html` or `content_text`, relative `url`s resolved against the feed URL. Null when the
 * value is JSON but not a JSON Feed.
 */
export function readJsonFeed(value: unknown, feedUrl: string | null): JsonFeedReader | null {
  if (!isRecord(value)) return null
  const version = str(value['version'])
  const items = value['items']
  const declared = version !== null && /jsonfeed\.org\/version\//.test(version)
  // Some generators omit the version or write "1.0": an items array is still recognisable.
  if (!declared && !Array.isArray(items)) return null
  const base = str(value['feed_url']) ?? feedUrl
  const link = str(value['home_page_url'])
  return {
    title: plain(str(value['title'])),
    link: link ? resolveUrl(link, base) : null,
    entries: Array.isArray(items) ? items : [],
    readItem(entry) {
      if (!isRecord(entry)) throw new Error('item is not an object')
      const url = str(entry['url']) ?? str(entry['external_url'])
      const id = entry['id']
      const html = str(entry['content_html'])
      const text = str(entry['content_text'])
      return {
        guid: typeof id === 'number' ? String(id) : str(id),
        link: url ? resolveUrl(url, base) : null,
        title: plain(str(entry['title'])),
        publishedRaw: [str(entry['date_published'])],
        updatedRaw: [str(entry['date_modified'])],
        author:
          authorName(entry['authors']) ??
          authorName(entry['author']) ??
          authorName(value['authors']) ??
          authorName(value['author']),
        summary: str(entry['summary']) ?? html ?? text,
        categories: Array.isArray(entry['tags'])
          ? entry['tags'].filter((t): t is string => typeof t === 'string')
          : [],
      }
    },
  }
}

function authorName(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const entry of value) {
      const name = authorName(entry)
      if (name) return name
    }
    return null
  }
  if (!isRecord(value)) return null
  return str(value['name']) ?? str(value['url'])
}

function plain(value: string | null): string | null {
  if (value === null) return null
  return looksLikeHtml(value) ? htmlToText(value) : collapse(value)
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
