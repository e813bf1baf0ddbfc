import { defineSource } from '../src/sources.js'

export const caschysBlog = defineSource({
  id: 'caschys-blog',
  name: 'Caschys Blog',
  homepage: 'https://stadt-bremerhaven.de/',
  language: 'de',
  feeds: ['https://stadt-bremerhaven.de/feed/'],
  schedule: '26 * * * *',
  politeness: { delayMs: 5000 },
  tags: ['consumer', 'hardware'],
})
