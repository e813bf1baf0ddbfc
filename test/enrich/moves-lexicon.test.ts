import { describe, expect, it } from 'vitest'
import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'
import { PUBLISHED, reportedMoves } from '../helpers/moves.js'

// Trigger words added to the lexicons, each with a case it catches and a near miss. Names are made up.

const moves = reportedMoves

describe('en: "going back to" a company is a join', () => {
  it('catches "are also going back to"', () => {
    expect(
      moves(
        'Two more Brightline Labs co-founders, Jane Roe and John Doe, are also going back to Google.',
        'en',
      ),
    ).toEqual(['Jane Roe hire Brightline Labs>Google', 'John Doe hire Brightline Labs>Google'])
  })

  it('near miss: going back to a plan is no move', () => {
    expect(
      moves('Jane Roe went back to the drawing board after the Brightline Labs demo.', 'en'),
    ).toEqual([])
  })
})

describe('de: "zu X zurückkehren" is a join', () => {
  it('catches the infinitive after a modal (a hedged one, so a rumour)', () => {
    expect(
      analyzeMoves('Anna Weber soll zu Brightline Labs zurückkehren.', 'de', {
        publishedAt: PUBLISHED,
      }).map((m) => `${m.person} ${m.kind} ${m.toOrg} ${m.status}`),
    ).toEqual(['Anna Weber hire Brightline Labs rumored'])
  })

  it('near miss: returning to a topic is no move', () => {
    expect(moves('Anna Weber will später zu diesem Thema zurückkehren, sagte sie.', 'de')).toEqual(
      [],
    )
  })
})
