import { defineSource } from '../src/sources.js'

export const techcrunch = defineSource({
  id: 'techcrunch',
  name: 'TechCrunch',
  homepage: 'https://techcrunch.com/',
  language: 'en',
  feeds: ['https://techcrunch.com/feed/'],
  schedule: '1,16,31,46 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['startups', 'business', 'ai'],
})
