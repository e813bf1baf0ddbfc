import { defineSource } from '../src/sources.js'

export const netzpolitik = defineSource({
  id: 'netzpolitik',
  name: 'netzpolitik.org',
  homepage: 'https://netzpolitik.org/',
  language: 'de',
  feeds: ['https://netzpolitik.org/feed/'],
  schedule: '10 * * * *',
  politeness: { delayMs: 5000 },
  tags: ['policy', 'security'],
})
