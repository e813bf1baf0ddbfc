import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ExtractedArticle } from '../../src/extract/article-types.js'

/** The demo corpus's page of the seed story, the story the project started from. */
export const SEED_PAGE = resolve(
  import.meta.dirname,
  '../../demo/corpus/kirundschau/artikel/seed-meta-exodus-de.html',
)

/**
 * Its English headline and German body, read from the page's `<h1>` and the paragraphs of its
 * article body (tags dropped; the page has no entities there). Read with a regex, not the
 * extractor, so the enrichment and store tests that use it do not change with extraction.
 */
function readSeedStory(): { title: string; body: string } {
  const html = readFileSync(SEED_PAGE, 'utf8')
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? ''
  const article = /<div class="artikel-text">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? ''
  const paragraphs = [...article.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  )
  if (title === '' || paragraphs.length === 0) throw new Error(`no seed story in ${SEED_PAGE}`)
  return { title, body: paragraphs.join('\n\n') }
}

const SEED = readSeedStory()
export const SEED_TITLE = SEED.title
export const SEED_BODY = SEED.body
/** Headline and body as one text, the way a person would paste the story into `analyze`. */
export const SEED_TEXT = `${SEED_TITLE}\n\n${SEED_BODY}`

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
