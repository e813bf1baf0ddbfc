import { defineSource } from '../src/sources.js'

export const theRegister = defineSource({
  id: 'the-register',
  name: 'The Register',
  homepage: 'https://www.theregister.com/',
  language: 'en',
  feeds: ['https://www.theregister.com/headlines.atom'],
  schedule: '13,43 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['enterprise', 'security', 'business'],
})
