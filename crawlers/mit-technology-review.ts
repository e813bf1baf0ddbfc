import { defineSource } from '../src/sources.js'

export const mitTechnologyReview = defineSource({
  id: 'mit-technology-review',
  name: 'MIT Technology Review',
  homepage: 'https://www.technologyreview.com/',
  language: 'en',
  feeds: ['https://www.technologyreview.com/feed/'],
  schedule: '11 * * * *',
  politeness: { delayMs: 4000 },
  tags: ['ai', 'science', 'policy'],
})
