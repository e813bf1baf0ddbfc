import { defineSource } from '../src/sources.js'

export const t3n = defineSource({
  id: 't3n',
  name: 't3n',
  homepage: 'https://t3n.de/',
  language: 'de',
  feeds: ['https://t3n.de/rss.xml'],
  schedule: '6,36 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['startups', 'business', 'ai'],
})
