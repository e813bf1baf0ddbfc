import { describe, expect, it } from 'vitest'
import { summarizeEntities } from '../../src/enrich/entities/analyze.js'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'
import { SEED_TEXT } from '../helpers/articles.js'
import { entityNames as names } from '../helpers/entity-names.js'

interface Case {
  readonly why: string
  readonly lang: 'en' | 'de'
  readonly text: string
  readonly people: readonly string[]
  readonly orgs: readonly string[]
}

// Written for these tests (not copied from the dev set); each names the rule it exercises.
const CASES: readonly Case[] = [
  {
    why: 'English possessive before a role and a known person',
    lang: 'en',
    text: "OpenAI's chief scientist Ilya Sutskever left in 2024.",
    people: ['Ilya Sutskever'],
    orgs: ['OpenAI'],
  },
  {
    why: 'German genitive of a company and of a surname',
    lang: 'de',
    text: 'OpenAIs Vorstand stellte sich hinter Altmans Pläne.',
    people: ['Sam Altman'],
    orgs: ['OpenAI'],
  },
  {
    why: 'German role compound with an ambiguous company name',
    lang: 'de',
    text: 'Die Meta-Chefin der Sparte sprach mit Analysten.',
    people: [],
    orgs: ['Meta'],
  },
  {
    why: '"Meta-Ebene" is the word, not the company',
    lang: 'de',
    text: 'Auf der Meta-Ebene blieb die Diskussion ohne Ergebnis.',
    people: [],
    orgs: [],
  },
  {
    why: 'former name inside a genitive compound resolves to the current name',
    lang: 'de',
    text: 'Anleger des Facebook-Konzerns wurden nervös.',
    people: [],
    orgs: ['Meta'],
  },
  {
    why: 'Amazon the river after an article',
    lang: 'en',
    text: 'Drones now map the Amazon every week.',
    people: [],
    orgs: [],
  },
  {
    why: 'Amazon the company as subject',
    lang: 'en',
    text: 'Amazon said it would hire fewer managers.',
    people: [],
    orgs: ['Amazon'],
  },
  {
    why: 'the letter X is not the company; the platform after "on" is',
    lang: 'en',
    text: 'Plot the X axis first. She then posted the chart on X.',
    people: [],
    orgs: ['X'],
  },
  {
    why: 'lowercase apples and the company in one text',
    lang: 'en',
    text: 'Apple handed out apples at the launch.',
    people: [],
    orgs: ['Apple'],
  },
  {
    why: 'German article "Das" at a sentence start versus the surname "Das"',
    lang: 'de',
    text: 'Das bestätigte Abhishek Das am Montag. Später äußerte sich auch Das selbst dazu.',
    people: ['Abhishek Das'],
    orgs: [],
  },
  {
    why: 'unknown person confirmed by a first name, unknown company by a legal form',
    lang: 'de',
    text: 'Die Ingenieurin Katrin Vollmer wechselt zur Nordlicht Robotik GmbH nach Kiel.',
    people: ['Katrin Vollmer'],
    orgs: ['Nordlicht Robotik'],
  },
  {
    why: 'unknown person without a listed first name, confirmed by a role word',
    lang: 'de',
    text: 'Der Forschungswissenschaftler Okonkwo Adebayo-Smith verlässt das Labor.',
    people: ['Okonkwo Adebayo-Smith'],
    orgs: [],
  },
  {
    why: 'unknown person confirmed by a speech verb, surname later resolves to the full name',
    lang: 'en',
    text: '"We ship weekly," said Thandiwe Okafor. Okafor joined in May.',
    people: ['Thandiwe Okafor'],
    orgs: [],
  },
  {
    why: 'startup cue and brand suffix kept in the canonical name',
    lang: 'en',
    text: 'The startup Vantablue Labs raised a seed round led by Sequoia Capital.',
    people: [],
    orgs: ['Sequoia Capital', 'Vantablue Labs'],
  },
  {
    why: 'German startup cue; legal form dropped from the canonical name',
    lang: 'de',
    text: 'Das Berliner Startup Quorra GmbH entwickelt Sensoren.',
    people: [],
    orgs: ['Quorra'],
  },
  {
    why: 'Title Case headline: only the real names',
    lang: 'en',
    text: 'Why Nvidia Keeps Beating Intel At Its Own Game',
    people: [],
    orgs: ['Intel', 'Nvidia'],
  },
  {
    why: 'generic capitalised terms are not entities',
    lang: 'en',
    text: 'Language Learning Models and LLMs: read the FAQ and the Privacy Policy.',
    people: [],
    orgs: [],
  },
  {
    why: 'a surname-only mention of a well-known person with no full name in the text',
    lang: 'en',
    text: 'Zuckerberg told staff the plan would take years.',
    people: ['Mark Zuckerberg'],
    orgs: [],
  },
  {
    why: 'a known company name as the surname of an unknown person',
    lang: 'de',
    text: 'Konzernchef Peter Bosch hat mit dem Zulieferer Bosch nichts zu tun.',
    people: ['Peter Bosch'],
    orgs: ['Bosch'],
  },
  {
    why: 'the article-led outlet name needs a reporting verb',
    lang: 'de',
    text: 'Die Zeit drängt. Die Zeit berichtete zuerst über den Wechsel.',
    people: [],
    orgs: ['Die Zeit'],
  },
]

describe('recognizeEntities', () => {
  it.each(CASES)('$why', ({ text, lang, people, orgs }) => {
    expect(names(text, lang, 'person')).toEqual([...people].sort())
    expect(names(text, lang, 'org')).toEqual([...orgs].sort())
  })

  it('reports offsets, surface forms and how each mention was found', () => {
    const text = 'Meta-CEO Mark Zuckerberg sprach. Zuckerbergs Team schwieg.'
    const mentions = recognizeEntities(text, 'de')
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface)
    expect(mentions.map((m) => [m.surface, m.kind, m.via])).toEqual([
      ['Meta', 'org', 'kb'],
      ['Mark Zuckerberg', 'person', 'kb'],
      ['Zuckerberg', 'person', 'coreference'],
    ])
    expect(mentions[1]?.entityId).toBe('person:mark-zuckerberg')
    for (const m of mentions) expect(m.confidence).toBeGreaterThan(0.5)
  })

  it('reads the seed story: exactly the four people and four companies', () => {
    const text = SEED_TEXT
    const mentions = recognizeEntities(text, 'de')
    expect(names(text, 'de', 'person')).toEqual([
      'Abhishek Das',
      'Devi Parikh',
      'Erik Meijer',
      'Mark Zuckerberg',
    ])
    const orgs = names(text, 'de', 'org').filter((o) => !/exofeed/i.test(o))
    expect(orgs).toEqual(['Anthropic', 'Cohere', 'Meta', 'OpenAI'])
    const surfaces = mentions.map((m) => m.surface)
    for (const noise of ['KI', 'LLMs', 'Language Learning Models', 'FAQ', 'Privacy policy']) {
      expect(surfaces).not.toContain(noise)
    }
    expect(surfaces.filter((s) => s === 'Parikh' || s === 'Meijer' || s === 'Das')).toHaveLength(3)
  })

  it('recognises an entity the user added', () => {
    const text = 'Die Hafenmeisterei Quappendorf meldet Rekordumsätze; Quappi sagte nichts.'
    expect(names(text, 'de', 'org')).not.toContain('Hafenmeisterei Quappendorf')
    const mine = loadKnowledgeBase({
      extraEntities: [
        {
          id: 'org:quappendorf',
          name: 'Hafenmeisterei Quappendorf',
          kind: 'org',
          aliases: ['Quappi'],
        },
      ],
    })
    const found = recognizeEntities(text, 'de', mine).filter((m) => m.kind === 'org')
    expect(found.map((m) => [m.surface, m.entityId])).toEqual([
      ['Hafenmeisterei Quappendorf', 'org:quappendorf'],
      ['Quappi', 'org:quappendorf'],
    ])
  })
})

describe('summarizeEntities', () => {
  it('folds mentions into one row per entity, in order of first mention', () => {
    const text = 'Satya Nadella said Microsoft would grow. Nadella added that Microsoft hires.'
    expect(summarizeEntities(recognizeEntities(text, 'en'))).toEqual([
      {
        name: 'Satya Nadella',
        kind: 'person',
        canonical: 'Satya Nadella',
        entityId: 'person:satya-nadella',
        count: 2,
        firstOffset: 0,
      },
      {
        name: 'Microsoft',
        kind: 'org',
        canonical: 'Microsoft',
        entityId: 'org:microsoft',
        count: 2,
        firstOffset: 19,
      },
    ])
  })
})
