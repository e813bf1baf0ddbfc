import { describe, expect, it } from 'vitest'
import { aggregateMoves, type MoveReport } from '../../src/enrich/moves/aggregate-moves.js'
import type { TalentMove } from '../../src/enrich/moves/types.js'

function move(fields: Partial<TalentMove> & Pick<TalentMove, 'person' | 'kind'>): TalentMove {
  return {
    personId: null,
    role: null,
    roleNormalized: null,
    fromOrg: null,
    fromOrgId: null,
    toOrg: null,
    toOrgId: null,
    status: 'reported',
    happenedAt: null,
    happenedFrom: 'published',
    confidence: 0.8,
    evidence: { sentence: `${fields.person} moves.`, start: 0, end: 10 },
    ...fields,
  }
}

let nextId = 1
function report(publishedAt: string | null, m: TalentMove, sourceId = 'heise'): MoveReport {
  return { articleId: nextId++, sourceId, publishedAt, move: m }
}

const leike = { person: 'Jan Leike', personId: 'person:jan-leike' }

describe('aggregateMoves', () => {
  it('folds reports of one move across articles into one event with counts, sources and evidence', () => {
    const a = report(
      '2024-05-15',
      move({
        ...leike,
        kind: 'departure',
        fromOrg: 'OpenAI',
        role: 'researcher',
        roleNormalized: 'researcher',
      }),
      'heise',
    )
    const b = report(
      '2024-05-28',
      move({ ...leike, kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Anthropic' }),
      'theverge',
    )
    const c = report(
      '2024-05-29',
      move({ ...leike, kind: 'hire', fromOrg: null, toOrg: 'Anthropic' }),
      'golem',
    )
    const [event, ...rest] = aggregateMoves([c, a, b])
    expect(rest).toEqual([])
    expect(event).toMatchObject({
      person: 'Jan Leike',
      kind: 'hire',
      fromOrg: 'OpenAI',
      toOrg: 'Anthropic',
      role: null,
      status: 'reported',
      reportCount: 3,
      firstSeen: '2024-05-15',
      lastSeen: '2024-05-29',
      sourceIds: ['golem', 'heise', 'theverge'],
      articleIds: [a.articleId, b.articleId, c.articleId],
    })
    expect(event?.evidence.map((e) => e.articleId)).toEqual([a.articleId, b.articleId, c.articleId])
  })

  it('keeps moves to different organisations apart', () => {
    const events = aggregateMoves([
      report('2024-01-01', move({ ...leike, kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Anthropic' })),
      report('2024-01-02', move({ ...leike, kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Google' })),
    ])
    expect(events.map((e) => e.toOrg)).toEqual(['Anthropic', 'Google'])
  })

  it('starts a new event outside the window', () => {
    const first = report('2024-01-01', move({ ...leike, kind: 'departure', fromOrg: 'OpenAI' }))
    const later = report('2024-04-15', move({ ...leike, kind: 'departure', fromOrg: 'OpenAI' }))
    expect(aggregateMoves([first, later])).toHaveLength(2)
    expect(aggregateMoves([first, later], { windowDays: 120 })).toHaveLength(1)
  })

  it('tells people apart by id, else by folded name', () => {
    const events = aggregateMoves([
      report('2024-01-01', move({ person: 'Jürgen Müller', kind: 'hire', toOrg: 'OpenAI' })),
      report('2024-01-02', move({ person: 'jurgen muller', kind: 'hire', toOrg: 'OpenAI' })),
      report('2024-01-02', move({ person: 'Jürgen Möller', kind: 'hire', toOrg: 'OpenAI' })),
    ])
    expect(events.map((e) => [e.person, e.reportCount])).toEqual([
      ['Jürgen Müller', 2],
      ['Jürgen Möller', 1],
    ])
  })

  it.each([
    [['rumored', 'rumored'], 'rumored'],
    [['rumored', 'denied'], 'denied'],
    [['rumored', 'reported'], 'reported'],
    [['reported', 'denied'], 'reported'],
    [['denied', 'rumored'], 'rumored'],
  ] as const)('statuses %j give %s', (statuses, expected) => {
    const reports = statuses.map((status, i) =>
      report(
        `2025-03-0${i + 1}`,
        move({
          person: 'Elena Fischer',
          kind: 'hire',
          fromOrg: 'Nexora Robotics',
          toOrg: 'Siemens',
          status,
        }),
      ),
    )
    const events = aggregateMoves(reports)
    expect(events).toHaveLength(1)
    expect(events[0]?.status).toBe(expected)
  })

  it('is deterministic whatever the input order', () => {
    const reports = [
      report('2024-02-01', move({ person: 'B', kind: 'departure', fromOrg: 'X' }), 's2'),
      report('2024-02-01', move({ person: 'A', kind: 'founding', toOrg: 'Y' }), 's1'),
      report(null, move({ person: 'A', kind: 'founding', toOrg: 'Y' }), 's3'),
      report('2024-01-20', move({ person: 'B', kind: 'departure', fromOrg: 'X' }), 's1'),
    ]
    const forward = aggregateMoves(reports)
    expect(aggregateMoves([...reports].reverse())).toEqual(forward)
    expect(forward.map((e) => [e.person, e.firstSeen, e.reportCount])).toEqual([
      ['B', '2024-01-20', 2],
      ['A', '2024-02-01', 2],
    ])
  })

  it('returns no events for no reports', () => {
    expect(aggregateMoves([])).toEqual([])
  })
})
