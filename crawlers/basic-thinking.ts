import { defineSource } from '../src/sources.js'

export const basicThinking = defineSource({
  id: 'basic-thinking',
  name: 'BASIC thinking',
  homepage: 'https://www.basicthinking.de/',
  language: 'de',
  feeds: ['https://www.basicthinking.de/blog/feed/'],
  schedule: '18 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['business', 'consumer'],
})
