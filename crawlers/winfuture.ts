import { defineSource } from '../src/sources.js'

export const winfuture = defineSource({
  id: 'winfuture',
  name: 'WinFuture',
  homepage: 'https://winfuture.de/',
  language: 'de',
  feeds: ['https://static.winfuture.de/feeds/WinFuture-News-rss2.0.xml'],
  schedule: '14,44 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['consumer', 'hardware'],
})
