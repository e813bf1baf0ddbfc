import { defineSource } from '../src/sources.js'

export const engadget = defineSource({
  id: 'engadget',
  name: 'Engadget',
  homepage: 'https://www.engadget.com/',
  language: 'en',
  feeds: ['https://www.engadget.com/rss.xml'],
  schedule: '17,47 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['consumer', 'hardware'],
})
