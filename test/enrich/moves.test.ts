import { describe, expect, it } from 'vitest'
import type { EntityMention } from '../../src/enrich/entities/mention-types.js'
import { analyzeMoves, detectMoves } from '../../src/enrich/moves/detect-moves.js'
import { happenedAt } from '../../src/enrich/moves/happened-at.js'
import { splitSentences } from '../../src/enrich/moves/split-sentences.js'
import type { TalentMove } from '../../src/enrich/moves/types.js'
import { SEED_TEXT } from '../helpers/articles.js'

/** The parts of a move a row of the table states; the rest is checked elsewhere. */
type Expected = Partial<
  Pick<TalentMove, 'role' | 'roleNormalized' | 'happenedAt' | 'happenedFrom'>
> &
  Pick<TalentMove, 'person' | 'kind' | 'fromOrg' | 'toOrg' | 'status'>

interface Case {
  readonly name: string
  readonly lang: 'en' | 'de'
  readonly text: string
  readonly published?: string
  readonly moves: readonly Expected[]
}

const rep = 'reported' as const

const CASES: readonly Case[] = [
  {
    name: 'possessive role before the name, date in the sentence',
    lang: 'en',
    text: "Acme Robotics' chief scientist Priya Raman left the company in March 2025, ending six years at the lab.",
    published: '2025-03-20',
    moves: [
      {
        person: 'Priya Raman',
        kind: 'departure',
        fromOrg: 'Acme Robotics',
        toOrg: null,
        status: rep,
        roleNormalized: 'chief_scientist',
        happenedAt: '2025-03-01',
        happenedFrom: 'sentence',
      },
    ],
  },
  {
    name: 'coordination: three people leave one company',
    lang: 'en',
    text: 'Devi Parikh, Abhishek Das and Erik Meijer have all left Meta.',
    moves: [
      { person: 'Devi Parikh', kind: 'departure', fromOrg: 'Meta', toOrg: null, status: rep },
      { person: 'Abhishek Das', kind: 'departure', fromOrg: 'Meta', toOrg: null, status: rep },
      { person: 'Erik Meijer', kind: 'departure', fromOrg: 'Meta', toOrg: null, status: rep },
    ],
  },
  {
    name: 'leaves X for Y is one hire',
    lang: 'en',
    text: 'Ruoming Pang, who ran Apple’s foundation models team, is leaving for Meta, Bloomberg reported.',
    moves: [{ person: 'Ruoming Pang', kind: 'hire', fromOrg: 'Apple', toOrg: 'Meta', status: rep }],
  },
  {
    name: 'left X to join Y is one hire',
    lang: 'en',
    text: 'Daniel Gross, the chief executive of Safe Superintelligence, has left the startup to join Meta.',
    moves: [
      {
        person: 'Daniel Gross',
        kind: 'hire',
        fromOrg: 'Safe Superintelligence',
        toOrg: 'Meta',
        status: rep,
      },
    ],
  },
  {
    name: 'an organisation hires, with the new role after "as"',
    lang: 'en',
    text: 'Intel has appointed Lip-Bu Tan, the former head of Cadence Design Systems, as chief executive.',
    moves: [
      {
        person: 'Lip-Bu Tan',
        kind: 'hire',
        fromOrg: 'Cadence Design Systems',
        toOrg: 'Intel',
        status: rep,
        roleNormalized: 'ceo',
      },
    ],
  },
  {
    name: 'a named insider is promoted',
    lang: 'en',
    text: 'OpenAI has promoted Mark Chen to chief research officer.',
    moves: [
      { person: 'Mark Chen', kind: 'promotion', fromOrg: 'OpenAI', toOrg: 'OpenAI', status: rep },
    ],
  },
  {
    name: 'founding with co-founders after "with"',
    lang: 'en',
    text: 'Arthur Mensch left Google DeepMind to co-found Mistral AI with Guillaume Lample and Timothée Lacroix.',
    moves: [
      {
        person: 'Arthur Mensch',
        kind: 'founding',
        fromOrg: 'Google DeepMind',
        toOrg: 'Mistral AI',
        status: rep,
      },
      {
        person: 'Guillaume Lample',
        kind: 'founding',
        fromOrg: null,
        toOrg: 'Mistral AI',
        status: rep,
      },
      {
        person: 'Timothée Lacroix',
        kind: 'founding',
        fromOrg: null,
        toOrg: 'Mistral AI',
        status: rep,
      },
    ],
  },
  {
    name: 'rumour: in talks',
    lang: 'en',
    text: 'Meta is in talks to hire former GitHub chief executive Nat Friedman, according to people familiar with the matter.',
    moves: [
      { person: 'Nat Friedman', kind: 'hire', fromOrg: 'GitHub', toOrg: 'Meta', status: 'rumored' },
    ],
  },
  {
    name: 'denial',
    lang: 'en',
    text: 'Reports that Hugo Marchetti was about to leave Corvid Analytics for Databricks are false, a spokesperson said.',
    moves: [
      {
        person: 'Hugo Marchetti',
        kind: 'hire',
        fromOrg: 'Corvid Analytics',
        toOrg: 'Databricks',
        status: 'denied',
      },
    ],
  },
  {
    name: 'two sentences: surname and pronoun resolve to the person',
    lang: 'en',
    text: 'Jan Leike, who co-led OpenAI’s superalignment team, resigned in mid-May 2024. A week later Leike said he had joined Anthropic.',
    published: '2024-05-29',
    moves: [
      {
        person: 'Jan Leike',
        kind: 'hire',
        fromOrg: 'OpenAI',
        toOrg: 'Anthropic',
        status: rep,
        happenedAt: '2024-05-01',
      },
    ],
  },
  {
    name: 'German: wechselt von X zu Y',
    lang: 'de',
    text: 'Bill McDermott wechselt von SAP zu ServiceNow.',
    moves: [
      { person: 'Bill McDermott', kind: 'hire', fromOrg: 'SAP', toOrg: 'ServiceNow', status: rep },
    ],
  },
  {
    name: 'German: apposition role, verb-final verlassen, date',
    lang: 'de',
    text: 'Die Forschungsdirektorin für generative KI bei Meta, Devi Parikh, hat den Konzern am 3. Mai 2024 verlassen.',
    published: '2024-05-10',
    moves: [
      {
        person: 'Devi Parikh',
        kind: 'departure',
        fromOrg: 'Meta',
        toOrg: null,
        status: rep,
        roleNormalized: 'director',
        happenedAt: '2024-05-03',
      },
    ],
  },
  {
    name: 'German: verlässt X, um zu gründen is one founding',
    lang: 'de',
    text: 'Thomas Dohmke verlässt GitHub, um wieder ein eigenes Startup zu gründen.',
    moves: [
      { person: 'Thomas Dohmke', kind: 'founding', fromOrg: 'GitHub', toOrg: null, status: rep },
    ],
  },
  {
    name: 'German: list after "darunter" takes the subject organisation',
    lang: 'de',
    text: 'Mehrere OpenAI-Forscher heuern bei Meta an, darunter Lucas Beyer und Xiaohua Zhai.',
    moves: [
      { person: 'Lucas Beyer', kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Meta', status: rep },
      { person: 'Xiaohua Zhai', kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Meta', status: rep },
    ],
  },
  {
    name: 'German: befördert zum Vorstandschef',
    lang: 'de',
    text: 'Infineon befördert Betriebsvorstand Jochen Hanebeck zum Vorstandschef.',
    moves: [
      {
        person: 'Jochen Hanebeck',
        kind: 'promotion',
        fromOrg: 'Infineon',
        toOrg: 'Infineon',
        status: rep,
        roleNormalized: 'ceo',
      },
    ],
  },
  {
    name: 'German: Gerüchten zufolge is a rumour',
    lang: 'de',
    text: 'Gerüchten zufolge könnte Apple-Chef Tim Cook schon im kommenden Jahr abtreten.',
    moves: [
      {
        person: 'Tim Cook',
        kind: 'departure',
        fromOrg: 'Apple',
        toOrg: null,
        status: 'rumored',
        roleNormalized: 'ceo',
      },
    ],
  },
  {
    name: 'German: rumour, then the denial in the next sentence',
    lang: 'de',
    text: 'Lena Hartmann, Technikchefin von Nordlicht Robotics, soll laut einem Medienbericht zu Siemens wechseln. Das Unternehmen dementierte: Hartmann bleibe an Bord.',
    moves: [
      {
        person: 'Lena Hartmann',
        kind: 'hire',
        fromOrg: 'Nordlicht Robotics',
        toOrg: 'Siemens',
        status: 'denied',
      },
    ],
  },
]

const NEGATIVES: readonly { readonly lang: 'en' | 'de'; readonly text: string }[] = [
  {
    lang: 'en',
    text: 'Greg Brockman, OpenAI’s president, is taking an extended leave through the end of the year.',
  },
  {
    lang: 'en',
    text: 'Former OpenAI chief scientist Ilya Sutskever gave a rare talk at NeurIPS in December.',
  },
  {
    lang: 'en',
    text: 'Mustafa Suleyman, who joined Microsoft from Inflection AI last year, published an essay.',
  },
  {
    lang: 'en',
    text: 'Meta has poached at least a dozen researchers from OpenAI this summer, according to reports.',
  },
  {
    lang: 'en',
    text: 'Nvidia agreed to buy Run:ai, an Israeli startup that helps companies manage GPU workloads.',
  },
  { lang: 'en', text: 'OpenAI left the price of GPT-4o unchanged for existing API customers.' },
  { lang: 'en', text: 'DeepL, founded in 2017 by Jarek Kutylowski, raised 300 million dollars.' },
  {
    lang: 'en',
    text: 'The board had approached Dario Amodei about replacing Sam Altman, but Amodei declined.',
  },
  {
    lang: 'de',
    text: 'Andrew Tulloch soll ein Angebot von Meta über 1,5 Milliarden Dollar abgelehnt haben.',
  },
  {
    lang: 'de',
    text: 'Siemens übernimmt den Softwarehersteller Altair für rund zehn Milliarden Dollar.',
  },
  { lang: 'de', text: 'Bosch verlässt sich bei Chips zunehmend auf das eigene Werk in Dresden.' },
  {
    lang: 'de',
    text: 'GitHub wird nach Dohmkes Abgang enger in Microsofts KI-Sparte CoreAI eingegliedert.',
  },
  {
    lang: 'de',
    text: 'Nach Murati haben in den vergangenen Monaten zahlreiche Forscher OpenAI verlassen.',
  },
  { lang: 'de', text: 'Greg Brockman nimmt sich bis Jahresende eine Auszeit von OpenAI.' },
]

function pick(move: TalentMove, expected: Expected): Partial<TalentMove> {
  const keys = Object.keys(expected) as (keyof Expected)[]
  return Object.fromEntries(keys.map((k) => [k, move[k]])) as Partial<TalentMove>
}

function byPerson(a: { person: string }, b: { person: string }): number {
  return a.person.localeCompare(b.person)
}

describe('analyzeMoves', () => {
  it.each(CASES)('$lang: $name', ({ lang, text, published, moves }) => {
    const found = analyzeMoves(text, lang, { publishedAt: published ?? null }).sort(byPerson)
    const wanted = [...moves].sort(byPerson)
    expect(found.map((m, i) => pick(m, wanted[i] ?? (wanted[0] as Expected)))).toEqual(wanted)
  })

  it.each(NEGATIVES)('$lang: no move in "$text"', ({ lang, text }) => {
    expect(analyzeMoves(text, lang)).toEqual([])
  })

  it('keeps evidence offsets that point into the text', () => {
    const text =
      'Intro sentence. Sam Altman and Greg Brockman would join Microsoft, Satya Nadella said.'
    const [move] = analyzeMoves(text, 'en')
    expect(move).toBeDefined()
    expect(text.slice(move?.evidence.start, move?.evidence.end)).toBe(move?.evidence.sentence)
    expect(move?.evidence.sentence.startsWith('Sam Altman')).toBe(true)
  })
})

describe('the seed story', () => {
  const moves = analyzeMoves(SEED_TEXT, 'de', { publishedAt: '2024-04-10' })

  it('yields exactly three reported moves out of Meta', () => {
    expect(
      moves
        .map((m) => ({
          person: m.person,
          kind: m.kind,
          fromOrg: m.fromOrg,
          toOrg: m.toOrg,
          status: m.status,
        }))
        .sort(byPerson),
    ).toEqual([
      {
        person: 'Abhishek Das',
        kind: 'departure',
        fromOrg: 'Meta',
        toOrg: null,
        status: 'reported',
      },
      {
        person: 'Devi Parikh',
        kind: 'departure',
        fromOrg: 'Meta',
        toOrg: null,
        status: 'reported',
      },
      { person: 'Erik Meijer', kind: 'founding', fromOrg: 'Meta', toOrg: null, status: 'reported' },
    ])
  })

  it('keeps the roles as written', () => {
    const role = (person: string) => moves.find((m) => m.person === person)?.role
    expect(role('Devi Parikh')).toBe('Direktor für Generative KI')
    expect(role('Abhishek Das')).toBe('Forschungswissenschaftler')
  })

  it('has no move for Mark Zuckerberg and none into Anthropic, Cohere or OpenAI', () => {
    expect(moves.some((m) => m.person === 'Mark Zuckerberg')).toBe(false)
    expect(moves.some((m) => ['Anthropic', 'Cohere', 'OpenAI'].includes(m.toOrg ?? ''))).toBe(false)
  })
})

describe('detectMoves with hand-made mentions', () => {
  const mention = (
    text: string,
    surface: string,
    kind: 'person' | 'org',
    canonical = surface,
  ): EntityMention => {
    const start = text.indexOf(surface)
    return {
      start,
      end: start + surface.length,
      surface,
      kind,
      entityId: null,
      canonical,
      confidence: 0.9,
      via: 'kb',
    }
  }

  it('reads the canonical names of the mentions, not the surface', () => {
    const text = 'Zorn verlässt Blauwerk und wechselt zu Grünfeld.'
    const mentions = [
      mention(text, 'Zorn', 'person', 'Hanna Zorn'),
      mention(text, 'Blauwerk', 'org', 'Blauwerk GmbH'),
      mention(text, 'Grünfeld', 'org'),
    ]
    const moves = detectMoves(text, 'de', mentions, { publishedAt: '2025-01-02T10:00:00Z' })
    expect(
      moves.map((m) => [m.person, m.kind, m.fromOrg, m.toOrg, m.happenedAt, m.happenedFrom]),
    ).toEqual([['Hanna Zorn', 'hire', 'Blauwerk GmbH', 'Grünfeld', '2025-01-02', 'published']])
  })

  it('finds no move without a named person', () => {
    const text = 'Drei Forscher verlassen Blauwerk.'
    expect(detectMoves(text, 'de', [mention(text, 'Blauwerk', 'org')])).toEqual([])
  })
})

describe('splitSentences', () => {
  it('does not break after abbreviations, initials or German ordinals', () => {
    const text = 'Am 15. Mai 2024 ging Dr. Weber zu SAP Inc. in Walldorf. Er bleibt z. B. dort.'
    expect(splitSentences(text, 'de').map((s) => s.text)).toEqual([
      'Am 15. Mai 2024 ging Dr. Weber zu SAP Inc. in Walldorf.',
      'Er bleibt z. B. dort.',
    ])
  })
})

describe('happenedAt', () => {
  it.each([
    ['en', 'He left in May 2024.', '2024-06-01', { date: '2024-05-01', from: 'sentence' }],
    [
      'de',
      'Er geht zum 1. September 2022.',
      '2022-07-01',
      { date: '2022-09-01', from: 'sentence' },
    ],
    [
      'de',
      'Busch übernimmt im Februar 2021 den Vorsitz.',
      '2020-07-10',
      { date: '2021-02-01', from: 'sentence' },
    ],
    [
      'en',
      'She told staff on Wednesday.',
      '2024-09-26T08:00:00Z',
      { date: '2024-09-26', from: 'published' },
    ],
    ['en', 'He left after six years.', null, { date: null, from: 'published' }],
  ] as const)('%s: %s', (lang, sentence, published, expected) => {
    expect(happenedAt(sentence, lang, published)).toEqual(expected)
  })
})
