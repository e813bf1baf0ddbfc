import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ExtractedArticle } from '../../src/extract/article-types.js'

/** The story the project started from: its English headline and German body. */
const SEED = readFileSync(
  resolve(import.meta.dirname, '../../../shared/fixtures/seed-article-de.txt'),
  'utf8',
)
const [seedTitle, ...seedBody] = SEED.split('\n')
export const SEED_TITLE = seedTitle ?? ''
export const SEED_BODY = seedBody.join('\n').trim()

/** An extracted article as the extractor would hand it to the store, with only these fields set. */
export function extractedArticle(
  url: string,
  title: string,
  text: string,
  publishedAt: string,
  language = 'en',
): ExtractedArticle {
  return {
    url,
    canonicalUrl: url,
    title,
    authors: [],
    publishedAt,
    publishedFrom: 'meta',
    modifiedAt: null,
    language,
    siteName: null,
    description: null,
    imageUrl: null,
    paywalled: false,
    text,
  }
}
