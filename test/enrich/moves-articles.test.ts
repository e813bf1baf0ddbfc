import { describe, expect, it } from 'vitest'
import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'
import { pastClauses } from '../../src/enrich/moves/past-clauses.js'
import { PATTERNS_DE } from '../../src/enrich/moves/patterns-de.js'
import { PATTERNS_EN } from '../../src/enrich/moves/patterns-en.js'
import { MIN_CONFIDENCE, settleMoves } from '../../src/enrich/moves/settle-moves.js'
import { splitSentences } from '../../src/enrich/moves/split-sentences.js'
import type { TalentMove } from '../../src/enrich/moves/types.js'

// Whole stories, not single sentences: the news is one move, the rest of the text retells careers
// ("She joined the company in 2017"), names people who do not move, and repeats the move.

interface ArticleCase {
  readonly name: string
  readonly lang: 'en' | 'de'
  readonly published: string
  readonly text: string
  /** person kind from -> to, as `Person kind From>To` with `-` for none. */
  readonly moves: readonly string[]
}

const CASES: readonly ArticleCase[] = [
  {
    name: 'career history dated years before the story is background',
    lang: 'en',
    published: '2025-03-12T09:00:00Z',
    text: [
      'Nadia Okafor leaves Brightline AI',
      'Nadia Okafor, the chief technology officer of Brightline AI, is leaving the company, she told staff on Tuesday.',
      'Okafor joined Brightline AI in 2019 from Quellstone, where she had run the data platform team.',
      'She left Quellstone in 2018 and spent a year travelling.',
    ].join('\n\n'),
    moves: ['Nadia Okafor departure Brightline AI>-'],
  },
  {
    name: 'a German pluperfect retells the past, a dated one inside the window is news',
    lang: 'de',
    published: '2025-07-20T08:00:00Z',
    text: [
      'SAP ernennt Jonas Wendt zum Forschungschef',
      'Wendt war erst im Juni von Siemens zu SAP gewechselt.',
      'Bereits im Frühjahr hatte die langjährige SAP-Managerin Carla Neumann das Unternehmen verlassen.',
    ].join('\n\n'),
    moves: ['Jonas Wendt hire Siemens>SAP'],
  },
  {
    name: 'speakers, conditions, "became a tool" and joining a person are no moves',
    lang: 'en',
    published: '2025-03-12T09:00:00Z',
    text: [
      'Nina Falk launches Quillstone Labs with Priya Raman as chief scientist',
      'Tom Berg, a Quillstone Labs investor, said that Raman would lead research.',
      'Raman is known for the method that became a standard tool in robotics.',
      'If Raman leaves Quillstone Labs, the project stalls, Berg added.',
      'Omar Haddad is joining her as head of engineering.',
    ].join('\n\n'),
    moves: ['Nina Falk founding ->Quillstone Labs', 'Priya Raman hire ->Quillstone Labs'],
  },
  {
    name: 'a hedge about what follows the move leaves it reported; a conditional is none',
    lang: 'de',
    published: '2025-06-27T08:00:00Z',
    text: [
      'Jonas Wendt und Carla Neumann wechseln zu SAP und sollen dort ein neues KI-Team leiten.',
      'Sollte auch Lena Vogt wechseln, wäre offen, wer das Labor führt.',
    ].join('\n\n'),
    moves: ['Carla Neumann hire ->SAP', 'Jonas Wendt hire ->SAP'],
  },
]

function show(m: { person: string; kind: string; fromOrg: string | null; toOrg: string | null }) {
  return `${m.person} ${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'}`
}

describe('moves of whole articles', () => {
  it.each(CASES)('$lang: $name', ({ lang, published, text, moves }) => {
    const found = analyzeMoves(text, lang, { publishedAt: published })
      .filter((m) => m.status === 'reported')
      .map(show)
    expect(found.sort()).toEqual([...moves].sort())
  })
})

describe('pastClauses', () => {
  const spans = (text: string, lang: 'en' | 'de', published: string | null) => {
    const [sentence] = splitSentences(text, lang)
    if (sentence === undefined) throw new Error('no sentence')
    const speech = lang === 'de' ? PATTERNS_DE.speech : PATTERNS_EN.speech
    return pastClauses(text, sentence, lang, published, speech).map((s) =>
      text.slice(s.start, s.end).trim(),
    )
  }

  it.each([
    ['en', 'He departed Tesla in 2022 and rejoined OpenAI in early 2023.', '2024-02-14', 2],
    ['en', 'He left in 2017 to join Tesla.', '2024-02-14', 1],
    ['en', 'She left the company in May 2024.', '2024-05-15', 0],
    // "at the end of May" in April is the coming May.
    ['en', 'Pineau is leaving the company at the end of May.', '2025-04-02', 0],
    // A fronted date dates the clauses after it; October is last year's in a January story.
    ['en', 'In October, another co-founder, Tulloch, left to join Meta.', '2026-01-15', 1],
    ['en', 'Later she said that she had joined Anthropic.', '2024-05-29', 0],
    ['en', 'Ms Roe denied a report that the board had contacted recruiters.', '2025-05-01', 0],
    ['de', 'Murati hatte OpenAI im September 2024 verlassen.', '2025-02-07', 1],
    ['de', 'Zhao war erst im Juni von OpenAI zu Meta gewechselt.', '2025-07-20', 0],
    ['de', 'Er hatte Safe Superintelligence im vergangenen Jahr gegründet.', '2025-06-20', 1],
    ['de', 'Sie verlässt Lingoflow zum 1. März 2025.', '2025-03-05', 0],
  ] as const)('%s: %s', (lang, text, published, count) => {
    expect(spans(text, lang, published)).toHaveLength(count)
  })

  it('needs the story date for dates, not for the pluperfect', () => {
    expect(spans('He left in 2017 to join Tesla.', 'en', null)).toEqual([])
    expect(spans('Er hatte Meta verlassen.', 'de', null)).toEqual(['Er hatte Meta verlassen.'])
  })
})

describe('settleMoves', () => {
  const move = (over: Partial<TalentMove>): TalentMove => ({
    person: 'Ada Park',
    personId: null,
    role: null,
    roleNormalized: null,
    fromOrg: null,
    fromOrgId: null,
    toOrg: null,
    toOrgId: null,
    kind: 'departure',
    status: 'reported',
    happenedAt: null,
    happenedFrom: 'published',
    confidence: 0.8,
    evidence: { sentence: '', start: 0, end: 0 },
    ...over,
  })
  const related = (a: { name: string }, b: { name: string }) =>
    a.name === b.name || [a.name, b.name].sort().join('|') === 'Lab|Lab Unit'
  const show = (m: TalentMove) => `${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'} ${m.confidence}`

  it('keeps the more confident of two attachments of one change, the earlier on a tie', () => {
    const moves = [
      move({ fromOrg: 'Otherco', confidence: 0.71, evidence: { sentence: '', start: 0, end: 5 } }),
      move({ fromOrg: 'Lab', confidence: 0.84, evidence: { sentence: '', start: 9, end: 20 } }),
    ]
    expect(settleMoves(moves, related).map(show)).toEqual(['departure Lab>- 0.84'])
  })

  it('drops a departure from where the person goes, and readings below the threshold', () => {
    const moves = [
      move({ fromOrg: 'Lab Unit' }),
      move({ kind: 'hire', fromOrg: 'Startup', toOrg: 'Lab', confidence: 0.9 }),
      move({ person: 'Bo Lind', kind: 'founding', confidence: MIN_CONFIDENCE - 0.04 }),
    ]
    expect(settleMoves(moves, related).map(show)).toEqual(['hire Startup>Lab 0.9'])
  })
})
