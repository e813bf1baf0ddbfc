import { defineSource } from '../src/sources.js'

export const computerbase = defineSource({
  id: 'computerbase',
  name: 'ComputerBase',
  homepage: 'https://www.computerbase.de/',
  language: 'de',
  feeds: ['https://www.computerbase.de/rss/news.xml'],
  schedule: '12,42 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['hardware', 'consumer'],
})
