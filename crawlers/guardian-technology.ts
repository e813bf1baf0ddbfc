import { defineSource } from '../src/sources.js'

export const guardianTechnology = defineSource({
  id: 'guardian-technology',
  name: 'The Guardian – Technology',
  homepage: 'https://www.theguardian.com/uk/technology',
  language: 'en',
  feeds: ['https://www.theguardian.com/uk/technology/rss'],
  schedule: '31 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['business', 'policy'],
})
