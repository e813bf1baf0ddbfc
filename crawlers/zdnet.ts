import { defineSource } from '../src/sources.js'

export const zdnet = defineSource({
  id: 'zdnet',
  name: 'ZDNET',
  homepage: 'https://www.zdnet.com/',
  language: 'en',
  feeds: ['https://www.zdnet.com/news/rss.xml'],
  schedule: '19,49 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['enterprise', 'business', 'ai'],
})
