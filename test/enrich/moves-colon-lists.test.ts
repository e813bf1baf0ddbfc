import { describe, expect, it } from 'vitest'
import { reportedMoves } from '../helpers/moves.js'

// A counted group moving, its members named after a colon (src/enrich/moves/colon-lists.ts).
// Names are made up.

const moves = reportedMoves

describe('group members after a colon', () => {
  it('en: "two other leaders were also leaving: A and B" after a departure', () => {
    const text = [
      'Jane Roe leaves Brightline Labs',
      'Jane Roe, the chief executive of Brightline Labs, is leaving the company.',
      'Hours later, the board said that two other senior leaders were also leaving: research chief John Doe and Mark Miller.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe departure Brightline Labs>-',
      'John Doe departure Brightline Labs>-',
      'Mark Miller departure Brightline Labs>-',
    ])
  })

  it('en: near miss, a colon list after a group with no company to leave', () => {
    const text =
      'Hours later, the board said that two other senior leaders were leaving: research chief John Doe and Mark Miller.'
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: "Zwei weitere Führungskräfte wechseln zu X: A und B"', () => {
    const text =
      'Zwei weitere Führungskräfte wechseln zu Brightline Labs: Anna Weber und Ben Keller.'
    expect(moves(text, 'de')).toEqual([
      'Anna Weber hire ->Brightline Labs',
      'Ben Keller hire ->Brightline Labs',
    ])
  })

  it('de: near miss, a colon far from the move that names other people', () => {
    const text =
      'Zwei weitere Führungskräfte wechseln zu Brightline Labs, wie es in einer langen Mitteilung an die Belegschaft hieß: Anna Weber und Ben Keller begrüßten das.'
    expect(moves(text, 'de')).toEqual([])
  })
})
