import { defineSource } from '../src/sources.js'

// Vox Media also publishes a Google News sitemap (last two days of stories), listed in robots.txt.
export const theVerge = defineSource({
  id: 'the-verge',
  name: 'The Verge',
  homepage: 'https://www.theverge.com/',
  language: 'en',
  feeds: ['https://www.theverge.com/rss/index.xml'],
  sitemaps: ['https://www.theverge.com/sitemaps/google_news'],
  schedule: '3,18,33,48 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['consumer', 'business', 'policy'],
})
