import { describe, expect, it } from 'vitest'
import { creditNamesSite, findSyndicationCredit } from '../../src/enrich/syndication.js'

const BODY =
  'Meta has lost three senior AI researchers in recent weeks.\nThe departures follow a wider trend.'

describe('findSyndicationCredit', () => {
  it.each([
    ['The source of the article is from the blog exofeed.nl', 'exofeed.nl', 'exofeed.nl'],
    ['This article first appeared on TechWire Daily.', 'TechWire Daily', null],
    ['This article was originally published on The Conversation.', 'The Conversation', null],
    [
      'Originally published at https://medium.com/@jane/why-we-left-123abc.',
      'https://medium.com/@jane/why-we-left-123abc',
      'medium.com',
    ],
    ['The post Meta loses AI staff appeared first on AI Ledger.', 'AI Ledger', null],
    [
      'Republished with permission from www.ailedger.example.',
      'www.ailedger.example',
      'ailedger.example',
    ],
    ['Dieser Artikel erschien zuerst bei KI-Rundschau.', 'KI-Rundschau', null],
    ['Dieser Beitrag ist zuerst auf netzpuls.de erschienen.', 'netzpuls.de', 'netzpuls.de'],
    [
      'Der Artikel erschien ursprünglich bei der Süddeutschen Zeitung.',
      'der Süddeutschen Zeitung',
      null,
    ],
    ['Zuerst erschienen auf golem.de', 'golem.de', 'golem.de'],
    ['Mit freundlicher Genehmigung von heise online.', 'heise online', null],
    ['Quelle: dpa', 'dpa', null],
  ])('%s → %s', (line, origin, host) => {
    const credit = findSyndicationCredit(`${BODY}\n${line}`)
    expect(credit?.origin).toBe(origin)
    expect(credit?.host ?? null).toBe(host)
    expect(credit?.line).toBe(line)
  })

  it('finds a credit above the story', () => {
    expect(findSyndicationCredit(`Originally published on AI Ledger.\n${BODY}`)?.origin).toBe(
      'AI Ledger',
    )
  })

  it('ignores credit-like wording in the middle of a story and a mid-text "Quelle:"', () => {
    const long = [
      'Intro paragraph one.',
      'Intro two.',
      'Intro three.',
      'The report first appeared on Bloomberg, people said.',
      'Quelle: Statista',
      'More text.',
      'Even more.',
      'End.',
    ].join('\n')
    expect(findSyndicationCredit(long)).toBeNull()
    expect(findSyndicationCredit(BODY)).toBeNull()
  })
})

describe('creditNamesSite', () => {
  it.each([
    [
      { origin: 'KI-Rundschau', host: null },
      { names: ['KI-Rundschau'], domain: '127.0.0.1' },
      true,
    ],
    [{ origin: 'ki rundschau', host: null }, { names: [null, 'KI-Rundschau'], domain: null }, true],
    [
      { origin: 'der Süddeutschen Zeitung', host: null },
      { names: ['Süddeutsche Zeitung'], domain: 'sueddeutsche.de' },
      false,
    ],
    [
      { origin: 'exofeed.nl', host: 'exofeed.nl' },
      { names: ['Exofeed'], domain: 'exofeed.nl' },
      true,
    ],
    [
      { origin: 'https://blog.exofeed.nl/a', host: 'blog.exofeed.nl' },
      { names: [], domain: 'exofeed.nl' },
      true,
    ],
    [{ origin: 'TechCrunch', host: null }, { names: ['TC'], domain: 'techcrunch.com' }, true],
    [{ origin: 'Die Zeit', host: null }, { names: ['ZEIT'], domain: 'zeit.de' }, true],
    [
      { origin: 'AI Ledger', host: null },
      { names: ['TechWire Daily'], domain: 'techwire.example' },
      false,
    ],
  ])('%o names %o: %s', (credit, site, expected) => {
    expect(creditNamesSite(credit, site)).toBe(expected)
  })
})
