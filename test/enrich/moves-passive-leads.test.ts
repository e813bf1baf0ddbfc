import { describe, expect, it } from 'vitest'
import { reportedMoves } from '../helpers/moves.js'

// A company's new head said in the passive (src/enrich/moves/passive-leads.ts). Names are made up.

const moves = reportedMoves

describe('passive leads', () => {
  it('de: "X bleibt eigenständig und wird künftig von P geführt" is a hire', () => {
    expect(
      moves('Brightline Labs bleibt eigenständig und wird künftig von Anna Weber geführt.', 'de'),
    ).toEqual(['Anna Weber hire ->Brightline Labs'])
  })

  it('de: the current deputy taking over is a promotion', () => {
    expect(
      moves(
        'Brightline Labs wird künftig von Anna Weber geführt, der bisherigen Technikchefin von Brightline Labs.',
        'de',
      ),
    ).toEqual(['Anna Weber promotion Brightline Labs>Brightline Labs'])
  })

  it('de: "Geleitet wird die neue Sparte X von P"', () => {
    expect(moves('Geleitet wird die neue Sparte Brightline Labs von Anna Weber.', 'de')).toEqual([
      'Anna Weber hire ->Brightline Labs',
    ])
  })

  it('de: "die neue Einheit" is the unit the story introduced by name; its current head is promoted', () => {
    const text =
      'Brightline Labs und Quellstone Inc werden zu einer Einheit namens Vantor Systems zusammengelegt. Geleitet wird die neue Einheit von Anna Weber, der bisherigen Chefin von Vantor Systems.'
    expect(moves(text, 'de')).toEqual(['Anna Weber promotion Vantor Systems>Vantor Systems'])
  })

  it('de: near miss, "die neue Einheit" with no unit named before', () => {
    const text =
      'Brightline Labs ordnet seine Forschung neu. Geleitet wird die neue Einheit von Anna Weber.'
    expect(moves(text, 'de')).toEqual([])
  })

  it('de: near miss, a company led by someone for years', () => {
    expect(moves('Brightline Labs wird seit Jahren von Anna Weber geführt.', 'de')).toEqual([])
  })

  it('en: "will be led by P" is a hire', () => {
    expect(moves('Brightline Labs will be led by Jane Roe, the board said.', 'en')).toEqual([
      'Jane Roe hire ->Brightline Labs',
    ])
  })

  it('en: near miss, "is run by" describes', () => {
    expect(moves('Brightline Labs is run by Jane Roe, the board said.', 'en')).toEqual([])
  })
})
