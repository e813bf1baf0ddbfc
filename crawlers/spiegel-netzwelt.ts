import { defineSource } from '../src/sources.js'

export const spiegelNetzwelt = defineSource({
  id: 'spiegel-netzwelt',
  name: 'DER SPIEGEL – Netzwelt',
  homepage: 'https://www.spiegel.de/netzwelt/',
  language: 'de',
  feeds: ['https://www.spiegel.de/netzwelt/index.rss'],
  schedule: '22 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['policy', 'consumer'],
})
