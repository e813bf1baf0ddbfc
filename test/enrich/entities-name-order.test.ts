import { describe, expect, it } from 'vitest'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { loadKnowledgeBase, withBothOrders } from '../../src/knowledge/load-knowledge.js'

const kb = loadKnowledgeBase()

function people(text: string, lang: string, base = kb): string[] {
  const found = recognizeEntities(text, lang, base)
    .filter((m) => m.kind === 'person')
    .map((m) => m.canonical)
  return [...new Set(found)].sort()
}

// Sentences written for these tests.
describe('names that outlets write family name first or last', () => {
  it('adds the other order of two-word names that hold the family name', () => {
    expect(withBothOrders(['Masayoshi Son'], 'Son')).toEqual(['Masayoshi Son', 'Son Masayoshi'])
    expect(withBothOrders(['Liang Wenfeng', 'Liang W. F.'], 'Liang')).toEqual([
      'Liang Wenfeng',
      'Liang W. F.',
      'Wenfeng Liang',
    ])
    expect(withBothOrders(['Masayoshi Son'], undefined)).toEqual(['Masayoshi Son'])
  })

  it('finds a known person in either order (en and de)', () => {
    expect(people('Wenfeng Liang, who started the lab, rarely gives interviews.', 'en')).toEqual([
      'Liang Wenfeng',
    ])
    expect(people('At the meeting, Son Masayoshi asked for patience.', 'en')).toEqual([
      'Masayoshi Son',
    ])
    expect(people('SoftBank-Gründer Son Masayoshi setzt auf Rechenzentren.', 'de')).toEqual([
      'Masayoshi Son',
    ])
  })

  it('resolves the family name, not the given name, as the short form', () => {
    const text = 'Liang Wenfeng rarely speaks. Later, Liang said the cost was low. Wenfeng nodded.'
    const found = recognizeEntities(text, 'en', kb).filter((m) => m.kind === 'person')
    expect(found.map((m) => [m.surface, m.canonical])).toEqual([
      ['Liang Wenfeng', 'Liang Wenfeng'],
      ['Liang', 'Liang Wenfeng'],
    ])
  })

  it('does not swap names without a family name in the knowledge base', () => {
    const mine = loadKnowledgeBase({
      extraEntities: [
        { id: 'person:ada-quill', name: 'Ada Quill', kind: 'person', aliases: ['Ada Quill'] },
      ],
    })
    expect(people('Quill Ada opened the meeting in Leeds.', 'en', mine)).toEqual([])
    expect(people('Ada Quill opened the meeting in Leeds.', 'en', mine)).toEqual(['Ada Quill'])
  })
})

describe('unknown names written family name first', () => {
  it('takes them with a role word or a speech verb next to them', () => {
    expect(people('Chief executive Tanaka Hiroshi will expand the firm.', 'en')).toEqual([
      'Tanaka Hiroshi',
    ])
    expect(people('Der Gründer Chen Haoran sagte, das Modell sei fertig.', 'de')).toEqual([
      'Chen Haoran',
    ])
  })

  it('leaves them out without such evidence, and never takes two common words', () => {
    expect(people('In Tokyo, Tanaka Hiroshi opened a shop.', 'en')).toEqual([])
    expect(people('In Peking eröffnete Chen Haoran ein Büro.', 'de')).toEqual([])
    expect(people('A report on Cloud Storage said costs fell.', 'en')).toEqual([])
    expect(people('Die Firma Neue Energie sagte ab.', 'de')).toEqual([])
  })
})

describe('a two-syllable given name with a lowercase second syllable', () => {
  it('keeps "Jae-yong" and "Dong-hyun" whole (en and de)', () => {
    expect(people('The chairman Lee Jae-yong met investors in Seoul.', 'en')).toEqual([
      'Lee Jae-yong',
    ])
    expect(people('Chief executive Kim Dong-hyun said the plan works.', 'en')).toEqual([
      'Kim Dong-hyun',
    ])
    expect(people('Konzernchef Lee Jae-yong traf Investoren.', 'de')).toEqual(['Lee Jae-yong'])
  })

  it('leaves German words after a hyphen outside the name', () => {
    expect(people('Peter Maier-nahe Kreise bestätigten das.', 'de')).toEqual(['Peter Maier'])
    expect(people('Die Anna Berg-freundliche Fraktion stimmte zu.', 'de')).toEqual(['Anna Berg'])
  })
})
