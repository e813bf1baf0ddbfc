import { describe, expect, it } from 'vitest'
import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'
import { pastClauses } from '../../src/enrich/moves/past-clauses.js'
import { PATTERNS_DE } from '../../src/enrich/moves/patterns-de.js'
import { PATTERNS_EN } from '../../src/enrich/moves/patterns-en.js'
import { splitSentences } from '../../src/enrich/moves/split-sentences.js'

// Rules that read more than one sentence of a story, each with a case it catches and a near miss
// it must leave alone. Names are made up.

interface RuleCase {
  readonly name: string
  readonly lang: 'en' | 'de'
  readonly text: string
  /** Reported moves as `Person kind From>To`, `-` for none. */
  readonly moves: readonly string[]
}

const PUBLISHED = '2025-06-20T08:00:00Z'

const CASES: readonly RuleCase[] = [
  {
    name: 'founding the company the person now leaves is history',
    lang: 'en',
    text: [
      'Nadia Okafor leaves Brightline Labs for Quellstone Inc',
      'Okafor started Brightline Labs as a student and ran it for a decade.',
    ].join('\n\n'),
    moves: ['Nadia Okafor hire Brightline Labs>Quellstone'],
  },
  {
    name: 'a departure and the founding of the company left are not one move',
    lang: 'en',
    text: [
      'Nadia Okafor leaves Brightline Labs',
      'Okafor started Brightline Labs as a student and ran it for a decade.',
    ].join('\n\n'),
    moves: ['Nadia Okafor departure Brightline Labs>-'],
  },
  {
    name: 'near miss: founding a new company after leaving another one is news',
    lang: 'en',
    text: [
      'Nadia Okafor leaves Brightline Labs',
      'Okafor has co-founded Quellstone, a robotics startup.',
    ].join('\n\n'),
    moves: ['Nadia Okafor founding Brightline Labs>Quellstone'],
  },
  {
    name: 'the object of "joined" is not the subject of the founding after it',
    lang: 'en',
    text: 'Tom Berg leaves Quellstone Inc for Brightline Labs. He joined Nadia Okafor in founding Quellstone Inc.',
    moves: ['Tom Berg hire Quellstone>Brightline Labs'],
  },
  {
    name: 'near miss: a subject named before the founding is its founder',
    lang: 'en',
    text: 'Nadia Okafor co-founded Quellstone, a robotics startup, with Tom Berg.',
    moves: ['Nadia Okafor founding ->Quellstone', 'Tom Berg founding ->Quellstone'],
  },
  {
    name: 'being ousted and joining another company later are two changes',
    lang: 'en',
    text: [
      'Quellstone Inc ousted its chief executive Nadia Okafor on Friday.',
      'On Monday, Brightline Labs said that Okafor would join the company.',
    ].join('\n\n'),
    moves: ['Nadia Okafor departure Quellstone>-', 'Nadia Okafor hire Quellstone>Brightline Labs'],
  },
  {
    name: 'near miss: leaving and joining later is one move',
    lang: 'en',
    text: [
      'Nadia Okafor left Quellstone Inc on Friday.',
      'On Monday, Brightline Labs said that Okafor would join the company.',
    ].join('\n\n'),
    moves: ['Nadia Okafor hire Quellstone>Brightline Labs'],
  },
  {
    name: 'named people who join together come from where an unnamed group came from',
    lang: 'de',
    text: [
      'Brightline Labs hat drei KI-Forscher von Quellstone Inc abgeworben.',
      'Nadia Okafor, Tom Berg und Lena Vogt wechseln zu Brightline Labs.',
    ].join('\n\n'),
    moves: [
      'Lena Vogt hire Quellstone>Brightline Labs',
      'Nadia Okafor hire Quellstone>Brightline Labs',
      'Tom Berg hire Quellstone>Brightline Labs',
    ],
  },
  {
    name: 'the group origin reads "<Org> researchers" too',
    lang: 'en',
    text: [
      'Quellstone Inc researchers head to Brightline Labs',
      'Nadia Okafor and Tom Berg are joining Brightline Labs.',
    ].join('\n\n'),
    moves: [
      'Nadia Okafor hire Quellstone>Brightline Labs',
      'Tom Berg hire Quellstone>Brightline Labs',
    ],
  },
  {
    name: 'near miss: a lone name is not taken for the group',
    lang: 'de',
    text: [
      'Brightline Labs hat drei KI-Forscher von Quellstone Inc abgeworben.',
      'Nadia Okafor wechselt zu Brightline Labs.',
    ].join('\n\n'),
    moves: ['Nadia Okafor hire ->Brightline Labs'],
  },
  {
    name: '"has joined as <role>" joins the company named before; "after leaving X" is the origin',
    lang: 'en',
    text: [
      'Brightline Labs is a robotics startup.',
      'Nadia Okafor, the Quellstone Inc co-founder, has joined as chief scientist, after leaving Vantor Systems last month.',
    ].join('\n\n'),
    moves: ['Nadia Okafor hire Vantor Systems>Brightline Labs'],
  },
  {
    name: 'near miss: "has joined him as <role>" joins a person, no company',
    lang: 'en',
    text: [
      'Brightline Labs is a robotics startup.',
      'Nadia Okafor has joined him as chief scientist.',
    ].join('\n\n'),
    moves: [],
  },
  {
    name: 'a company left in a background clause is the origin of a later founding',
    lang: 'en',
    text: [
      'A month after leaving Quellstone Inc, Nadia Okafor has revealed her plans.',
      'Okafor has co-founded Brightline Labs.',
    ].join('\n\n'),
    moves: ['Nadia Okafor founding Quellstone>Brightline Labs'],
  },
  {
    name: 'near miss: with two people in that sentence the clause belongs to neither',
    lang: 'en',
    text: [
      'A month after leaving Quellstone Inc, Nadia Okafor met Tom Berg.',
      'Okafor has co-founded Brightline Labs.',
    ].join('\n\n'),
    moves: ['Nadia Okafor founding ->Brightline Labs'],
  },
  {
    name: 'of one role\'s companies listed in turn ("of A and of B"), the last is the origin',
    lang: 'en',
    text: 'Brightline Labs has hired Nadia Okafor, the co-founder of Vantor Systems and of robotics startup Quellstone Inc, to run its research.',
    moves: ['Nadia Okafor hire Quellstone>Brightline Labs'],
  },
  {
    name: 'near miss: a second role with its own company keeps the first',
    lang: 'en',
    text: 'Brightline Labs has hired Nadia Okafor, the co-founder of Vantor Systems and an investor in Quellstone Inc, to run its research.',
    moves: ['Nadia Okafor hire Vantor Systems>Brightline Labs'],
  },
  {
    name: 'co-founders listed across a relative clause; a name after "with" stays in a descriptor',
    lang: 'en',
    text: 'Nadia Okafor co-founded Brightline Labs with Tom Berg, who previously led research at Vantor Systems and has since become an investor, and Lena Vogt, a researcher who worked with Okafor at Quellstone Inc.',
    moves: [
      'Lena Vogt founding Quellstone>Brightline Labs',
      'Nadia Okafor founding ->Brightline Labs',
      'Tom Berg founding ->Brightline Labs',
    ],
  },
  {
    name: 'near miss: a live trigger between two names ends the list',
    lang: 'en',
    text: 'Tom Berg left Vantor Systems, and Lena Vogt joined Quellstone Inc.',
    moves: ['Lena Vogt hire ->Quellstone', 'Tom Berg departure Vantor Systems>-'],
  },
]

function show(m: { person: string; kind: string; fromOrg: string | null; toOrg: string | null }) {
  return `${m.person} ${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'}`
}

describe('article rules', () => {
  it.each(CASES)('$lang: $name', ({ lang, text, moves }) => {
    const found = analyzeMoves(text, lang, { publishedAt: PUBLISHED })
      .filter((m) => m.status === 'reported')
      .map(show)
    expect(found.sort()).toEqual([...moves].sort())
  })
})

describe('pastClauses: narration after a semicolon', () => {
  const spans = (text: string, lang: 'en' | 'de') => {
    const [sentence] = splitSentences(text, lang)
    if (sentence === undefined) throw new Error('no sentence')
    const speech = lang === 'de' ? PATTERNS_DE.speech : PATTERNS_EN.speech
    return pastClauses(text, sentence, lang, PUBLISHED, speech).map((s) =>
      text.slice(s.start, s.end).trim(),
    )
  }

  it('a simple-past clause after a pluperfect one and a semicolon is background too', () => {
    expect(
      spans(
        'Erst vor wenigen Tagen hatte Brightline Labs Quellstone Inc übernommen; dessen Gründer Tom Berg wechselte zu Brightline Labs.',
        'de',
      ),
    ).toHaveLength(2)
  })

  it('near miss: a present-tense clause after the semicolon is news', () => {
    expect(
      spans(
        'Erst vor wenigen Tagen hatte Brightline Labs Quellstone Inc übernommen; nun wechselt dessen Gründer Tom Berg zu Brightline Labs.',
        'de',
      ),
    ).toHaveLength(1)
  })
})
