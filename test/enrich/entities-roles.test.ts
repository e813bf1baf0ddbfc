import { describe, expect, it } from 'vitest'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'

const kb = loadKnowledgeBase()

function people(text: string, lang: string): string[] {
  const found = recognizeEntities(text, lang, kb)
    .filter((m) => m.kind === 'person')
    .map((m) => m.canonical)
  return [...new Set(found)].sort()
}

// Sentences and names written for these tests.
describe('a role word inside a hyphenated descriptor', () => {
  it('finds the name after "Produkt-Miterfinder" and after "co-creator"', () => {
    expect(people('Der TensorKit-Miterfinder Tavita Lemalu verlässt den Konzern.', 'de')).toEqual([
      'Tavita Lemalu',
    ])
    expect(people('TensorKit co-creator Tavita Lemalu left the lab.', 'en')).toEqual([
      'Tavita Lemalu',
    ])
  })

  it('does not take two capitalised words after a descriptor without a role', () => {
    expect(people('Die TensorKit-Version Neue Wege erscheint im Mai.', 'de')).toEqual([])
    expect(people('The TensorKit release Studio Pro ships in May.', 'en')).toEqual([])
  })
})

describe('German compounds ending in a role word', () => {
  it('reads "Sicherheitschef" and "Konzernvorstand" as roles before a name', () => {
    expect(people('Der Sicherheitschef Tavita Lemalu verlässt die Firma.', 'de')).toEqual([
      'Tavita Lemalu',
    ])
    expect(people('Konzernvorständin Oyelaran Fashola verlässt das Haus.', 'de')).toEqual([
      'Oyelaran Fashola',
    ])
  })

  it('leaves out ladders, semiconductors and loudspeakers', () => {
    expect(people('Die Halbleiter Taiwan Semiconductor bleiben knapp.', 'de')).toEqual([])
    expect(people('Der Lautsprecher Bose Soundlink klingt gut.', 'de')).toEqual([])
    expect(people('Die Feuerleiter Nord Ost wurde erneuert.', 'de')).toEqual([])
  })

  it('does not read compounds in English text', () => {
    expect(people('The Sicherheitschef Tavita Lemalu exhibit opened.', 'en')).toEqual([])
  })
})

describe('a role of several words right before a name', () => {
  it('counts "chief executive" and "Vice President" as the role of the name after them', () => {
    expect(people('Chief executive Tavita Lemalu will expand the firm.', 'en')).toEqual([
      'Tavita Lemalu',
    ])
    expect(people('Der Senior Vice President Tavita Lemalu geht.', 'de')).toEqual(['Tavita Lemalu'])
  })

  it('does not take a lowercase phrase that only ends like a role', () => {
    expect(people('The team hired an executive Tavita Lemalu liked.', 'en')).toEqual([])
  })
})

describe('descriptors that name a field before a person', () => {
  it('finds the name after "KI-Pionier", "Chip-Veteran" and "AI pioneer"', () => {
    expect(people('Der KI-Pionier Tavita Lemalu wechselt nach Zürich.', 'de')).toEqual([
      'Tavita Lemalu',
    ])
    expect(people('Die Sprachmodell-Expertin Tavita Lemalu wechselt.', 'de')).toEqual([
      'Tavita Lemalu',
    ])
    expect(people('AI pioneer Tavita Lemalu joined the board.', 'en')).toEqual(['Tavita Lemalu'])
  })

  it('does not make the field before the hyphen a company', () => {
    const orgs = recognizeEntities('Der Chip-Veteran Tavita Lemalu wechselt.', 'de', kb).filter(
      (m) => m.kind === 'org',
    )
    expect(orgs).toEqual([])
    expect(people('Die Experten Neue Wege sagten ab.', 'de')).toEqual([])
  })
})
