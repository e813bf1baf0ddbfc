/** Which signal a published time came from (kept so analysts can judge a date). */
export type DateSource =
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'itemprop'
  | 'url'
  | 'text'
  | 'feed'
  | null

export interface ExtractedArticle {
  readonly url: string
  readonly canonicalUrl: string
  readonly title: string | null
  readonly authors: readonly string[]
  readonly publishedAt: string | null
  readonly publishedFrom: DateSource
  readonly modifiedAt: string | null
  /** ISO 639-1, or null when unknown. */
  readonly language: string | null
  readonly siteName: string | null
  /** Meta / OpenGraph / JSON-LD description, else the lead paragraph of `text`. */
  readonly description: string | null
  readonly imageUrl: string | null
  readonly paywalled: boolean
  /** Main text: blocks (paragraphs, headings, list items) separated by newlines. */
  readonly text: string
}

export interface ExtractHints {
  /** Published time from the feed item, used when the page says nothing better. */
  readonly feedPublishedAt?: string | null
  readonly feedTitle?: string | null
  /** Language of the source, used when the page does not say. */
  readonly sourceLanguage?: string | null
  /** Reference "now" for rejecting future dates (defaults to Date.now()). */
  readonly now?: Date
}
