import { defineSource } from '../src/sources.js'

export const deutscheStartups = defineSource({
  id: 'deutsche-startups',
  name: 'deutsche-startups.de',
  homepage: 'https://www.deutsche-startups.de/',
  language: 'de',
  feeds: ['https://www.deutsche-startups.de/feed/'],
  schedule: '16 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['startups', 'business', 'careers'],
})
