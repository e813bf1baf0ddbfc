import { defineSource } from '../src/sources.js'

export const arsTechnica = defineSource({
  id: 'ars-technica',
  name: 'Ars Technica',
  homepage: 'https://arstechnica.com/',
  language: 'en',
  feeds: ['https://feeds.arstechnica.com/arstechnica/index'],
  schedule: '5,35 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['science', 'policy', 'security'],
})
