/** What any feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) becomes after parsing. */
export interface FeedItem {
  /** Stable identity within the feed: guid, else link, else a hash of title+summary. */
  readonly itemKey: string
  readonly guid: string | null
  /** Absolute URL, resolved against xml:base / the feed URL; null when the item has none. */
  readonly link: string | null
  readonly title: string | null
  /** ISO-8601 UTC instant, or null (never invented). */
  readonly publishedAt: string | null
  /** The date text as the feed wrote it, kept when it could not be parsed. */
  readonly publishedRaw: string | null
  readonly updatedAt: string | null
  readonly author: string | null
  readonly summary: string | null
  readonly categories: readonly string[]
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json'

export interface ParsedFeed {
  readonly format: FeedFormat
  readonly title: string | null
  /** The site link (alternate), absolute. */
  readonly link: string | null
  /** RSS <ttl> in minutes, when given. */
  readonly ttlMinutes: number | null
  readonly items: readonly FeedItem[]
  /** Items dropped because they were unusable (per-item isolation), with why. */
  readonly skipped: readonly { readonly index: number; readonly reason: string }[]
  /** Charset the bytes were decoded with. */
  readonly encoding: string
}

export interface ParseFeedOptions {
  /** The feed's URL (final URL after redirects): base for relative links. */
  readonly url: string
  /** HTTP Content-Type header, if any (may carry a charset). */
  readonly contentType?: string | null
  /** Items kept per feed; the rest are reported in `skipped` (default 1000). */
  readonly maxItems?: number
  /** Largest body accepted after gunzipping a gzip body sent without Content-Encoding (default 32 MiB). */
  readonly maxDecompressedBytes?: number
}
