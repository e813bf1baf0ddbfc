import { defineSource } from '../src/sources.js'

export const derstandardWeb = defineSource({
  id: 'derstandard-web',
  name: 'DER STANDARD – Web',
  homepage: 'https://www.derstandard.at/web',
  language: 'de',
  feeds: ['https://www.derstandard.at/rss/web'],
  schedule: '24 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['policy', 'business'],
})
