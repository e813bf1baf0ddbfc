import { defineSource } from '../src/sources.js'

export const bbcTechnology = defineSource({
  id: 'bbc-technology',
  name: 'BBC News – Technology',
  homepage: 'https://www.bbc.co.uk/news/technology',
  language: 'en',
  feeds: ['https://feeds.bbci.co.uk/news/technology/rss.xml'],
  schedule: '33 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['business', 'policy'],
})
