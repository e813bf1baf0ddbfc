import { describe, expect, it } from 'vitest'
import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'

// Moves whose company is told through an earlier founding ("the startup they co-founded" in
// sentence-context.ts).
// Names are made up.

const PUBLISHED = '2025-06-20T08:00:00Z'

function moves(text: string, lang: 'en' | 'de'): string[] {
  return analyzeMoves(text, lang, { publishedAt: PUBLISHED })
    .filter((m) => m.status === 'reported')
    .map((m) => `${m.person} ${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'}`)
}

describe('the startup they co-founded', () => {
  it('en: is the company the story names as theirs, not the last one named', () => {
    const text = [
      'Vantor Systems hires Brightline Labs founders',
      'Jane Roe and John Doe leave the startup they co-founded, taking most of its staff with them; Quellstone gets a new chief executive.',
    ].join('\n\n')
    expect(moves(text, 'en')).toContain('Jane Roe departure Brightline Labs>-')
  })

  it('en: reaches past a company named later', () => {
    const text = [
      'Brightline Labs founders sell to Vantor Systems',
      'Jane Roe and John Doe leave the startup they co-founded.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe departure Brightline Labs>-',
      'John Doe departure Brightline Labs>-',
    ])
  })

  it('en: near miss, "the startup they joined" keeps the usual reading (the last company named)', () => {
    const text = [
      'Brightline Labs founders sell to Vantor Systems',
      'Jane Roe and John Doe leave the startup they joined.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe departure Vantor Systems>-',
      'John Doe departure Vantor Systems>-',
    ])
  })
})
