import { describe, expect, it } from 'vitest'
import { reportedMoves } from '../helpers/moves.js'

// A role stated without a move verb at a company the story says was just founded
// (src/enrich/moves/role-statements.ts). Names are made up.

const moves = reportedMoves

describe('role statements at a new company', () => {
  it('en: "X, who left Y, is the startup\'s CTO" after a founding', () => {
    const text = [
      'Jane Roe launches Brightline Labs',
      'Jane Roe, who left Google in March, has founded Brightline Labs.',
      'John Doe, who left Meta on the same day, is the startup’s chief technology officer.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google>Brightline Labs',
      'John Doe hire Meta>Brightline Labs',
    ])
  })

  it('en: near miss, the same role statement in a story that tells no founding', () => {
    const text = [
      'Brightline Labs ships a chemistry model',
      'John Doe, who left Meta in 2019, is the startup’s chief technology officer.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('en: near miss, a role statement that gives no earlier employer', () => {
    const text = [
      'Jane Roe launches Brightline Labs',
      'Jane Roe, who left Google in March, has founded Brightline Labs.',
      'John Doe is the startup’s chief technology officer.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual(['Jane Roe founding Google>Brightline Labs'])
  })

  it('de: "X, der zuvor bei Y war, ist der Technikchef des Start-ups" after a founding', () => {
    const text = [
      'Anna Weber gründet Brightline Labs',
      'Anna Weber verlässt Google und gründet das Start-up Brightline Labs.',
      'Ben Keller, der zuvor bei Meta arbeitete, ist der Technikchef des Start-ups.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding Google>Brightline Labs',
      'Ben Keller hire Meta>Brightline Labs',
    ])
  })

  it('de: near miss, a role at the company the person came from', () => {
    const text = [
      'Anna Weber gründet Brightline Labs',
      'Anna Weber verlässt Google und gründet das Start-up Brightline Labs.',
      'Ben Keller, der zuvor bei Meta arbeitete, ist der Technikchef von Meta.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual(['Anna Weber founding Google>Brightline Labs'])
  })
})
