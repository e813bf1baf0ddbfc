import { defineSource } from '../src/sources.js'

export const venturebeat = defineSource({
  id: 'venturebeat',
  name: 'VentureBeat',
  homepage: 'https://venturebeat.com/',
  language: 'en',
  feeds: ['https://venturebeat.com/feed/'],
  schedule: '9,39 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['ai', 'enterprise', 'business'],
})
