import { defineSource } from '../src/sources.js'

export const zeitDigital = defineSource({
  id: 'zeit-digital',
  name: 'ZEIT ONLINE – Digital',
  homepage: 'https://www.zeit.de/digital/index',
  language: 'de',
  feeds: ['https://newsfeed.zeit.de/digital/index'],
  schedule: '20 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['policy', 'business'],
})
