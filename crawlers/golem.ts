import { defineSource } from '../src/sources.js'

export const golem = defineSource({
  id: 'golem',
  name: 'Golem.de',
  homepage: 'https://www.golem.de/',
  language: 'de',
  feeds: ['https://rss.golem.de/rss.php?feed=RSS2.0'],
  schedule: '4,34 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['enterprise', 'consumer', 'careers'],
})
