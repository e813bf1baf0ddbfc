import { defineSource } from '../src/sources.js'

export const techrepublic = defineSource({
  id: 'techrepublic',
  name: 'TechRepublic',
  homepage: 'https://www.techrepublic.com/',
  language: 'en',
  feeds: ['https://www.techrepublic.com/rssfeeds/articles/'],
  schedule: '29 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['enterprise', 'careers'],
})
