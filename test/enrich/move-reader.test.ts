import { describe, expect, it } from 'vitest'
import { recognizeEntities } from '../../src/enrich/entities/recognize.js'
import { detectMoves } from '../../src/enrich/moves/detect-moves.js'
import { moveCandidates } from '../../src/enrich/moves/move-candidates.js'
import { moveExamples, type NameMatcher } from '../../src/enrich/moves/move-examples.js'
import { KIND_CLASSES, patternsFor, SLOT_CLASSES } from '../../src/enrich/moves/read-moves.js'
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'
import { type Example, trainLinearModel } from '../../src/learn/linear-model.js'

const kb = loadKnowledgeBase()
const names: NameMatcher = {
  samePerson: (a, b) => a.toLowerCase() === b.toLowerCase(),
  sameOrg: (a, b) => a.toLowerCase() === b.toLowerCase(),
}

// A tiny corpus in the project's own words: made-up people and companies.
const corpus = [
  {
    lang: 'en',
    text: 'Lena Vogt joins Quantiq GmbH from Nexora Inc. as chief financial officer.',
    move: { person: 'Lena Vogt', kind: 'hire', from: 'Nexora', to: 'Quantiq' },
  },
  {
    lang: 'en',
    text: 'Tom Brandt is leaving Velora Labs Inc. after ten years.',
    move: { person: 'Tom Brandt', kind: 'departure', from: 'Velora Labs', to: null },
  },
  { lang: 'en', text: 'Mia Kern said Corvex Inc. had a strong quarter.', move: null },
  {
    lang: 'de',
    text: 'Jonas Weber wechselt von der Lumora AG zur Brixon GmbH.',
    move: { person: 'Jonas Weber', kind: 'hire', from: 'Lumora', to: 'Brixon' },
  },
  {
    lang: 'de',
    text: 'Anna Roth verlässt die Tessaro GmbH.',
    move: { person: 'Anna Roth', kind: 'departure', from: 'Tessaro', to: null },
  },
  { lang: 'de', text: 'Paul Fink lobte die Zahlen der Orvia AG.', move: null },
] as const

function examples(): { kind: Example[]; slot: Example[] } {
  const kind: Example[] = []
  const slot: Example[] = []
  for (const item of corpus) {
    const candidates = moveCandidates(
      item.text,
      item.lang,
      recognizeEntities(item.text, item.lang, kb),
    )
    const gold = item.move === null ? [] : [{ ...item.move, evidence: null }]
    const ex = moveExamples(candidates, patternsFor(item.lang), gold, [], names)
    kind.push(...ex.kind)
    slot.push(...ex.slot)
  }
  return { kind, slot }
}

describe('move candidates', () => {
  it('lists every person with the sentences that name them, and every organisation', () => {
    const text =
      'Lena Vogt leaves Nexora AG today. She joins Quantiq GmbH in May. Tom Brandt stays.'
    const c = moveCandidates(text, 'en', recognizeEntities(text, 'en', kb))
    expect(c.sentences).toHaveLength(3)
    const lena = c.persons.find((p) => p.canonical === 'Lena Vogt')
    // the second sentence names nobody: "She" is Lena
    expect(lena?.sightings.map((s) => [s.sentence.index, s.viaPronoun])).toEqual([
      [0, false],
      [1, true],
    ])
    expect(c.persons.map((p) => p.canonical)).toContain('Tom Brandt')
    expect(c.orgs.map((o) => o.canonical).sort()).toEqual(['Nexora', 'Quantiq'])
    // names become slot tokens
    expect(c.sentences[0]?.tokens.map((t) => t.text)).toEqual([
      '<person>',
      'leaves',
      '<org>',
      'today',
      '.',
    ])
  })
})

describe('move examples and the trainer', () => {
  it('labels sightings by the gold kind and organisations by their end', () => {
    const { kind, slot } = examples()
    expect(kind.map((e) => e.label)).toEqual([
      'hire',
      'departure',
      'none',
      'hire',
      'departure',
      'none',
    ])
    expect(
      slot
        .filter((e) => e.label !== 'none')
        .map((e) => e.label)
        .sort(),
    ).toEqual(['from', 'from', 'from', 'from', 'to', 'to'])
  })

  it('trains to the same weights every time', () => {
    const { kind } = examples()
    const a = JSON.stringify(trainLinearModel(kind, KIND_CLASSES, { minCount: 1 }).toData())
    const b = JSON.stringify(trainLinearModel(kind, KIND_CLASSES, { minCount: 1 }).toData())
    expect(a).toBe(b)
  })

  it('learns its corpus: the movers from the bystanders, the ends of a move', () => {
    const { kind, slot } = examples()
    const model = trainLinearModel(kind, KIND_CLASSES, { minCount: 1 })
    for (const e of kind)
      expect(model.classes[argmax(model.probabilities(e.features))]).toBe(e.label)
    const slots = trainLinearModel(slot, SLOT_CLASSES, { minCount: 1 })
    for (const e of slot)
      expect(slots.classes[argmax(slots.probabilities(e.features))]).toBe(e.label)
  })
})

describe('the learned reader with the shipped weights', () => {
  const read = (text: string, lang: string) =>
    detectMoves(text, lang, recognizeEntities(text, lang, kb), { kb, reader: 'learned' }).filter(
      (m) => m.status === 'reported',
    )

  it('reads a plain hire and a plain departure, en and de', () => {
    expect(
      read('Quantiq GmbH has hired Lena Vogt from Nexora Inc. as its new chief executive.', 'en'),
    ).toEqual([expect.objectContaining({ person: 'Lena Vogt', kind: 'hire', toOrg: 'Quantiq' })])
    expect(read('Anna Roth verlässt die Tessaro GmbH nach zwölf Jahren.', 'de')).toEqual([
      expect.objectContaining({ person: 'Anna Roth', kind: 'departure', fromOrg: 'Tessaro' }),
    ])
  })

  // Not yet: "Anna Roth lobte die Zahlen der Tessaro GmbH" reads as a promotion (p 0.69), one
  // reason the rule reader stays the default (issue #13's closing note).
  it('reports no move for a person who only speaks (near miss)', () => {
    expect(
      read('Lena Vogt, chief executive of Quantiq GmbH, said sales rose in May.', 'en'),
    ).toEqual([])
  })
})

function argmax(xs: readonly number[]): number {
  let best = 0
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) > (xs[best] as number)) best = i
  return best
}
