import { defineSource } from '../src/sources.js'

// Condé Nast sites publish a Google News sitemap under /feed/google-latest-news/.
export const wired = defineSource({
  id: 'wired',
  name: 'WIRED',
  homepage: 'https://www.wired.com/',
  language: 'en',
  feeds: ['https://www.wired.com/feed/rss'],
  sitemaps: ['https://www.wired.com/feed/google-latest-news/sitemap-google-news'],
  schedule: '7,37 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['business', 'culture', 'ai'],
})
