import { describe, expect, it } from 'vitest'
import { reportedMoves } from '../helpers/moves.js'

// Moves whose company is told through another person or an earlier founding
// (src/enrich/moves/joining-him.ts, "the startup they co-founded" in sentence-context.ts).
// Names are made up.

const moves = reportedMoves

describe('joining him', () => {
  it('en: "X, Y\'s co-founder, is joining her as ..." goes where she goes', () => {
    const text =
      'Jane Roe joins Vantor Systems as chief executive. John Doe, the co-founder of Brightline Labs, is joining her as chief scientist.'
    expect(moves(text, 'en')).toEqual([
      'Jane Roe hire ->Vantor Systems',
      'John Doe hire Brightline Labs>Vantor Systems',
    ])
  })

  it('de: "X, Mitgründer von Y, schließt sich ihr an"', () => {
    const text =
      'Anna Weber wechselt zu Vantor Systems. Ben Keller, Mitgründer von Brightline Labs, schließt sich ihr an.'
    expect(moves(text, 'de')).toEqual([
      'Anna Weber hire ->Vantor Systems',
      'Ben Keller hire Brightline Labs>Vantor Systems',
    ])
  })

  it('en: near miss, joining her with no company of their own is no move', () => {
    const text =
      'Jane Roe joins Vantor Systems as chief executive. John Doe is joining her as chief scientist.'
    expect(moves(text, 'en')).toEqual(['Jane Roe hire ->Vantor Systems'])
  })

  it('en: near miss, joining her for a panel is no move', () => {
    const text =
      'Jane Roe joins Vantor Systems as chief executive. John Doe, the co-founder of Brightline Labs, is joining her for a panel on safety.'
    expect(moves(text, 'en')).toEqual(['Jane Roe hire ->Vantor Systems'])
  })
})

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
