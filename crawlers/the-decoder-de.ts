import { defineSource } from '../src/sources.js'

export const theDecoderDe = defineSource({
  id: 'the-decoder-de',
  name: 'The Decoder (Deutsch)',
  homepage: 'https://the-decoder.de/',
  language: 'de',
  feeds: ['https://the-decoder.de/feed/'],
  schedule: '8,38 * * * *',
  politeness: { delayMs: 3000 },
  tags: ['ai'],
})
