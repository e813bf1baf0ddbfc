import { describe, expect, it } from 'vitest'
import { withoutGenitive } from '../../src/enrich/entities/canonical-name.js'
import { isPlace, isPlaceAdjective } from '../../src/enrich/entities/place-names.js'
import { entityNames as names } from '../helpers/entity-names.js'

// Every company and person below is made up for these tests: no list can know them, only the
// slot they fill can.
describe('organisations named by the slot they fill (en)', () => {
  it('a verb only organisations do', () => {
    expect(names('Tallbridge has appointed Mara Quist as chief executive.', 'en', 'org')).toEqual([
      'Tallbridge',
    ])
    expect(names('In the spring, Tallbridge named a new finance chief.', 'en', 'org')).toEqual([
      'Tallbridge',
    ])
  })

  it('a newsroom that reports', () => {
    expect(names('Citing two sources, Quillpost reported the talks.', 'en', 'org')).toEqual([
      'Quillpost',
    ])
  })

  it('a possessive before a role', () => {
    expect(names("Analysts praised Tallbridge's chief executive.", 'en', 'org')).toEqual([
      'Tallbridge',
    ])
  })

  it('an apposition that says what it is', () => {
    expect(
      names('She joined Ferncliff, the online retailer of garden tools, in May.', 'en', 'org'),
    ).toEqual(['Ferncliff'])
  })

  it('a legal form, dropped from the canonical name', () => {
    expect(names('The deal with Orvane Holdings Inc. closed.', 'en', 'org')).toEqual([
      'Orvane Holdings',
    ])
  })
})

describe('organisations named by the slot they fill (de)', () => {
  it('a compound noun for a kind of company before the name', () => {
    expect(names('Jana Bremer wechselt zum Versicherer Halvora.', 'de', 'org')).toEqual(['Halvora'])
    expect(names('Der Vorstand des Pharmakonzerns Velmora tagte.', 'de', 'org')).toEqual([
      'Velmora',
    ])
    // "Schweizer" is where the bank is, "Großbank" what it is: only the name is the organisation
    expect(names('Bei der Schweizer Großbank Ferrum gibt es Streit.', 'de', 'org')).toEqual([
      'Ferrum',
    ])
  })

  it('a name that ends in "-er" after such a noun is still a name', () => {
    expect(names('Er kam vom Verpackungskonzern Brandtmeier.', 'de', 'org')).toEqual([
      'Brandtmeier',
    ])
  })

  it('a statement: "wie X mitteilte"', () => {
    expect(names('Der Chef geht, wie Halvora am Montag mitteilte.', 'de', 'org')).toEqual([
      'Halvora',
    ])
  })

  it('a genitive "-s" is dropped only when the text also names it without one', () => {
    expect(withoutGenitive('Halvoras', 'Halvoras Vorstand tagte. Halvora wächst.')).toBe('Halvora')
    expect(withoutGenitive('Velmoras', 'Velmoras Vorstand tagte.')).toBe('Velmoras')
    expect(withoutGenitive('Lanxess', 'Lanxess und Lanxes')).toBe('Lanxess')
  })
})

describe('near misses: what a slot does not make an organisation', () => {
  it('a product named like a company', () => {
    expect(names('Tallbridge named its new tablet Orbix Pro.', 'en', 'org')).toEqual(['Tallbridge'])
  })

  it('places, also before "-based" and after "bei"', () => {
    expect(names('She joined Copenhagen-based biotech company Nuvoris.', 'en', 'org')).toEqual([
      'Nuvoris',
    ])
    expect(names('Er arbeitet bei Velmora in Erlangen.', 'de', 'org')).toEqual(['Velmora'])
    expect(names('She spoke at Davos about hiring.', 'en', 'org')).toEqual([])
    expect(names('Er wohnt seit Jahren bei Kopenhagen.', 'de', 'org')).toEqual([])
  })

  it('sections, months and German adjectives of place', () => {
    expect(names('Der Aufsichtsrat tagte im März in München.', 'de', 'org')).toEqual([])
    expect(names('Die Münchner Firma Velmora stellt ein.', 'de', 'org')).toEqual(['Velmora'])
    expect(names('In March, the board named two directors.', 'en', 'org')).toEqual([])
  })

  it('the surname of a person in the text is that person, whatever verb follows', () => {
    const text = 'Georg Kellner kommt von außen. Kellner übernimmt den Vorsitz im Juni.'
    expect(names(text, 'de', 'org')).toEqual([])
    expect(names(text, 'de', 'person')).toEqual(['Georg Kellner'])
  })
})

describe('units of known companies', () => {
  it('a listed company starting a longer name with a legal form is part of that name', () => {
    expect(names('Er wechselt zur Siemens Quellwerk AG nach Erlangen.', 'de', 'org')).toEqual([
      'Siemens Quellwerk',
    ])
    // with nothing between them, the company and its product: only the company
    expect(names('Users of Apple Intelligence got an update.', 'en', 'org')).toEqual(['Apple'])
  })

  it('a known company followed by a country is its unit there, not the company', () => {
    expect(names('Microsoft Schweiz sucht einen neuen Finanzchef.', 'de', 'org')).toEqual([
      'Microsoft Schweiz',
    ])
    expect(names('Der Chef von Microsoft in Berlin geht.', 'de', 'org')).toEqual(['Microsoft'])
    expect(names('MTN South Africa named a new chief technology officer.', 'en', 'org')).toEqual([
      'MTN South Africa',
    ])
  })
})

describe('people from first names and context', () => {
  it('an ambiguous first name at a sentence start counts when the surname recurs alone', () => {
    const text = 'Christian Brandhuber, 41, wird Vertriebschef. Brandhuber kommt von außen.'
    expect(names(text, 'de', 'person')).toEqual(['Christian Brandhuber'])
    expect(names('Will Power ist ein Begriff aus der Psychologie.', 'de', 'person')).toEqual([])
  })

  it('a surname ending like an English company noun is still a surname ("-brand")', () => {
    expect(names('Heute kommt Rainer Wolkenbrand.', 'de', 'person')).toEqual(['Rainer Wolkenbrand'])
  })

  it('a hyphen chain ending in a role and a month after an article are no part of a name', () => {
    expect(
      names('Bei Velmora löst Jana Quist E-Commerce-Vorstand Tim Roth ab.', 'de', 'person'),
    ).toEqual(['Jana Quist', 'Tim Roth'])
    expect(names('Er kehrt dem Verlag im August den Rücken.', 'de', 'person')).toEqual([])
  })

  it('a noun for a kind of company ends a name', () => {
    expect(names('Die Aktie des Maschinenbauers Trollberg stieg.', 'de', 'person')).toEqual([])
  })
})

describe('place names', () => {
  it('knows countries and cities in both languages, and German adjectives of place', () => {
    expect(isPlace('Kopenhagen')).toBe(true)
    expect(isPlace('Copenhagen')).toBe(true)
    expect(isPlace('Nordrhein-Westfalen')).toBe(true)
    expect(isPlace('Tallbridge')).toBe(false)
    expect(isPlaceAdjective('munchner')).toBe(true)
    expect(isPlaceAdjective('schweizer')).toBe(true)
    expect(isPlaceAdjective('manager')).toBe(false)
  })
})
