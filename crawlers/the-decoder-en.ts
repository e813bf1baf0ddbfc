import { defineSource } from '../src/sources.js'

export const theDecoderEn = defineSource({
  id: 'the-decoder-en',
  name: 'The Decoder',
  homepage: 'https://the-decoder.com/',
  language: 'en',
  feeds: ['https://the-decoder.com/feed/'],
  schedule: '15,45 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['ai'],
})
