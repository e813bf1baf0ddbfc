import { defineSource } from '../src/sources.js'

export const theNextWeb = defineSource({
  id: 'the-next-web',
  name: 'The Next Web',
  homepage: 'https://thenextweb.com/',
  language: 'en',
  feeds: ['https://thenextweb.com/feed'],
  schedule: '21 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['startups', 'business'],
})
