import { defineSource } from '../src/sources.js'

export const heise = defineSource({
  id: 'heise',
  name: 'heise online',
  homepage: 'https://www.heise.de/',
  language: 'de',
  feeds: ['https://www.heise.de/rss/heise-atom.xml'],
  schedule: '2,17,32,47 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['enterprise', 'security', 'policy'],
})
