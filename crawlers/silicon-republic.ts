import { defineSource } from '../src/sources.js'

export const siliconRepublic = defineSource({
  id: 'silicon-republic',
  name: 'Silicon Republic',
  homepage: 'https://www.siliconrepublic.com/',
  language: 'en',
  feeds: ['https://www.siliconrepublic.com/feed'],
  schedule: '23 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['business', 'careers', 'startups'],
})
