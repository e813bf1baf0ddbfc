import { describe, expect, it } from 'vitest'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'
import { entityNames as names } from '../helpers/entity-names.js'

const kb = loadKnowledgeBase()

// Sentences written for these tests.
describe('German hyphen chains: the last part heads the compound', () => {
  it('finds an ambiguous company name at the start of a three-part role compound', () => {
    expect(names('Der Tesla-KI-Chef stellte den neuen Fahrassistenten vor.', 'de', 'org')).toEqual([
      'Tesla',
    ])
    expect(names('Die Meta-KI-Chefin lud zur Pressekonferenz.', 'de', 'org')).toEqual(['Meta'])
  })

  it('does not take the word when the chain ends in an ordinary noun', () => {
    expect(names('Auf der Meta-Daten-Ebene fehlt jede Ordnung.', 'de', 'org')).toEqual([])
    expect(names('Die Tesla-Spulen-Theorie gilt als überholt.', 'de', 'org')).toEqual([])
  })
})

describe('German declined adjectives at the start of a name', () => {
  it('matches "der Deutschen Bahn" and "der Europäischen Kommission" to the known entities', () => {
    const text =
      'Sie kam von der Deutschen Bahn und berät nun Juristen der Europäischen Kommission.'
    const found = recognizeEntities(text, 'de', kb).filter((m) => m.kind === 'org')
    expect(found.map((m) => [m.surface, m.canonical])).toEqual([
      ['Deutschen Bahn', 'Deutsche Bahn'],
      ['Europäischen Kommission', 'European Commission'],
    ])
  })

  it('leaves lowercase adjectives and unrelated nouns alone', () => {
    expect(names('Die deutschen Bahnhöfe werden saniert.', 'de', 'org')).toEqual([])
    expect(names('Sie sprach mit deutschen Bahn-Fans.', 'de', 'org')).toEqual([])
  })

  it('does not decline in English text', () => {
    expect(names('Tourists praised the Deutschen Bahn posters.', 'en', 'org')).toEqual([])
  })
})

describe('media groups added to the knowledge base', () => {
  it('finds NBCUniversal and its parent Comcast', () => {
    expect(names('NBCUniversal named a new head of its streaming unit.', 'en', 'org')).toEqual([
      'NBCUniversal',
    ])
    expect(names('Die NBCUniversal-Chefin berichtet an Comcast.', 'de', 'org')).toEqual([
      'Comcast',
      'NBCUniversal',
    ])
    expect(kb.entities.get('org:nbcuniversal')?.parent).toBe('org:comcast')
  })

  it('does not read the broadcaster into unrelated words', () => {
    expect(names('The universal remote works with every show.', 'en', 'org')).toEqual([])
    // NBC itself is a listed broadcaster (NBC News), never NBCUniversal
    expect(names('The universal remote works with every NBC show.', 'en', 'org')).not.toContain(
      'NBCUniversal',
    )
  })
})

describe('an unknown company heading a longer role compound', () => {
  it('finds "Quorra" in "Quorra-KI-Chef" and "QRX" in "QRX-KI-Chef"', () => {
    expect(names('Der Quorra-KI-Chef Tavita Lemalu geht nach Berlin.', 'de', 'org')).toEqual([
      'Quorra',
    ])
    expect(names('Der QRX-KI-Chef Tavita Lemalu geht nach Berlin.', 'de', 'org')).toEqual(['QRX'])
  })

  it('takes nothing when the chain ends in an ordinary noun or a field', () => {
    expect(names('Die Quorra-Daten-Ebene fehlt noch.', 'de', 'org')).toEqual([])
    expect(names('Die Roboter-KI-Expertin Tavita Lemalu geht.', 'de', 'org')).toEqual([])
  })
})
