import { defineSource } from '../src/sources.js'

export const geekwire = defineSource({
  id: 'geekwire',
  name: 'GeekWire',
  homepage: 'https://www.geekwire.com/',
  language: 'en',
  feeds: ['https://www.geekwire.com/feed/'],
  schedule: '25,55 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['startups', 'business', 'careers'],
})
