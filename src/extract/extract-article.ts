import { ExtractError } from '../errors.js'
import type { ExtractedArticle, ExtractHints } from './article-types.js'
import { extractAuthors } from './authors.js'
import { extractLanguage } from './language.js'
import { extractMainText } from './main-text.js'
import { extractMetadata } from './metadata.js'
import { articleNodes, collectPageSignals, ldFirst, type PageSignals } from './page-signals.js'
import { parseHtml } from './parse-html.js'
import { detectPaywall } from './paywall.js'
import { extractDates } from './published-at.js'
import { extractTitle } from './title.js'

/**
 * Extracts the article of one decoded HTML page: main text and metadata. Pure and synchronous.
 *
 * Failure contract: throws `ExtractError` only for input that holds no document at all (an empty
 * or whitespace-only string, or no element). Any other page yields an article; a part that fails
 * internally degrades to its empty value (`text: ''`, `title: null`, ...) instead of losing the
 * rest, so callers treat `text === ''` as "no article body found" and record it.
 *
 * @example
 * const article = extractArticle(html, 'https://www.heise.de/news/acme-2026.html', { sourceLanguage: 'de' })
 * article.title       // 'Acme holt neue Finanzchefin'
 * article.publishedAt // '2026-11-29T08:30:00.000Z', article.publishedFrom === 'json-ld'
 */
export function extractArticle(
  html: string,
  url: string,
  hints: ExtractHints = {},
): ExtractedArticle {
  if (html.trim() === '') throw new ExtractError(url, 'empty document')
  let signals: PageSignals
  try {
    signals = collectPageSignals(parseHtml(html))
  } catch (cause) {
    throw new ExtractError(url, 'unparseable document', { cause })
  }
  if (signals.elements.length === 0) throw new ExtractError(url, 'no HTML elements in document')

  const host = safeHost(url)
  const meta = attempt(() => extractMetadata(signals, url), {
    canonicalUrl: url,
    siteName: null,
    description: null,
    imageUrl: null,
  })
  const title =
    attempt(() => extractTitle(signals, meta.siteName, host), null) ?? hints.feedTitle ?? null
  const articleBody = attempt(() => ldFirst(articleNodes(signals), 'articleBody'), null)
  const text = attempt(() => extractMainText(signals.root, { articleBody, title }), '')
  const dates = attempt(() => extractDates(signals, url, hints), {
    publishedAt: null,
    publishedFrom: null,
    modifiedAt: null,
  })
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title,
    authors: attempt(() => extractAuthors(signals), []),
    publishedAt: dates.publishedAt,
    publishedFrom: dates.publishedFrom,
    modifiedAt: dates.modifiedAt,
    language: attempt(() => extractLanguage(signals, text, hints.sourceLanguage ?? null), null),
    siteName: meta.siteName,
    description: meta.description ?? leadParagraph(text),
    imageUrl: meta.imageUrl,
    paywalled: attempt(() => detectPaywall(signals), false),
    text,
  }
}

/** Runs one extraction step; a bug or a pathological page costs that field, not the article. */
function attempt<T>(step: () => T, fallback: T): T {
  try {
    return step()
  } catch {
    return fallback
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

/** Readability's excerpt rule: without a meta description, the article's first paragraph. */
function leadParagraph(text: string): string | null {
  for (const line of text.split('\n')) if (line.length >= 25) return line
  return null
}
