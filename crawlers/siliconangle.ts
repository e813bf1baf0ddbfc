import { defineSource } from '../src/sources.js'

export const siliconangle = defineSource({
  id: 'siliconangle',
  name: 'SiliconANGLE',
  homepage: 'https://siliconangle.com/',
  language: 'en',
  feeds: ['https://siliconangle.com/feed/'],
  schedule: '27,57 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['enterprise', 'ai', 'business'],
})
