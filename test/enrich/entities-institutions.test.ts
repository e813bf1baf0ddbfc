import { describe, expect, it } from 'vitest'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'

const kb = loadKnowledgeBase()

function orgs(text: string, lang: string): [string, string][] {
  return recognizeEntities(text, lang, kb)
    .filter((m) => m.kind === 'org')
    .map((m) => [m.surface, m.canonical])
}

// Sentences written for these tests.
describe('an institution named in full, then by its head noun', () => {
  it('resolves "the Commission" after "the European Commission" (en)', () => {
    const text =
      'The European Commission asked two chipmakers for documents. The Commission said a ruling could follow in spring.'
    expect(orgs(text, 'en')).toEqual([
      ['European Commission', 'European Commission'],
      ['Commission', 'European Commission'],
    ])
  })

  it('resolves "die Kommission" after "die EU-Kommission" and a genitive "des Instituts" (de)', () => {
    expect(
      orgs(
        'Die EU-Kommission prüft die Übernahme. Die Kommission will im Herbst entscheiden.',
        'de',
      ),
    ).toEqual([
      ['EU-Kommission', 'European Commission'],
      ['Kommission', 'European Commission'],
    ])
    const institute = orgs(
      'Das Hasso-Plattner-Institut stellt ein Modell vor. Die Leitung des Instituts schweigt.',
      'de',
    )
    expect(institute.at(-1)).toEqual(['Institut', institute[0]?.[1]])
  })

  it('never resolves the short form alone or before the full name', () => {
    expect(orgs('The Commission said a ruling could follow in spring.', 'en')).toEqual([])
    expect(orgs('Die Kommission will im Herbst entscheiden.', 'de')).toEqual([])
    expect(
      orgs('The Commission met on Monday. Later the European Commission published a note.', 'en'),
    ).toEqual([['European Commission', 'European Commission']])
  })

  it('stays unresolved when two named institutions share the noun, or without an article', () => {
    const text =
      'The European Commission and the Federal Trade Commission both asked questions. The Commission declined to comment.'
    expect(orgs(text, 'en').map(([surface]) => surface)).toEqual([
      'European Commission',
      'Federal Trade Commission',
    ])
    expect(
      orgs('The European Commission asked questions. Commission staff declined to comment.', 'en'),
    ).toEqual([['European Commission', 'European Commission']])
    expect(
      orgs('The European Commission asked questions. A commission of experts agreed.', 'en'),
    ).toEqual([['European Commission', 'European Commission']])
  })
})
