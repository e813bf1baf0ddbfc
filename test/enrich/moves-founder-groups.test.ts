import { describe, expect, it } from 'vitest'
import { analyzeMoves } from '../../src/enrich/moves/detect-moves.js'

// Founders named apart from the founding (src/enrich/moves/founder-groups.ts): each rule with a
// case it catches and a near miss it must leave alone. Names are made up.

const PUBLISHED = '2025-06-20T08:00:00Z'

function moves(text: string, lang: 'en' | 'de'): string[] {
  return analyzeMoves(text, lang, { publishedAt: PUBLISHED })
    .filter((m) => m.status === 'reported')
    .map((m) => `${m.person} ${m.kind} ${m.fromOrg ?? '-'}>${m.toOrg ?? '-'}`)
}

describe('founders listed after the founding', () => {
  it('en: a founders list with a shared origin in its tail', () => {
    const text = [
      'Brightline Labs emerges from stealth',
      'Brightline Labs launched on Tuesday with a first model for chemistry.',
      'Its founders are Jane Roe and John Doe, both formerly of Google.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google>Brightline Labs',
      'John Doe founding Google>Brightline Labs',
    ])
  })

  it('en: near miss, the founders of a company in a story that tells no founding', () => {
    const text = [
      'Brightline Labs ships a model for chemistry',
      'Brightline Labs launched the model to a small group of customers.',
      'Its founders are Jane Roe and John Doe, both formerly of Google.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: a founders list and a following "Sie waren zuvor bei" sentence', () => {
    const text = [
      'Forscher gründen Brightline Labs in Freiburg',
      'Mehrere Forscher haben in Freiburg ein eigenes Unternehmen gegründet.',
      'Zu den Gründern gehören Anna Weber, Ben Keller und Clara Vogt. Sie waren zuvor bei DeepMind tätig.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding Google DeepMind>Brightline Labs',
      'Ben Keller founding Google DeepMind>Brightline Labs',
      'Clara Vogt founding Google DeepMind>Brightline Labs',
    ])
  })

  it('de: near miss, a following sentence about someone else gives no origin', () => {
    const text = [
      'Forscher gründen Brightline Labs in Freiburg',
      'Zu den Gründern gehören Anna Weber und Ben Keller. Investor Tom Berg war zuvor bei DeepMind.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding ->Brightline Labs',
      'Ben Keller founding ->Brightline Labs',
    ])
  })

  it('en: an unnamed new lab keeps no company but its founders and their origin', () => {
    const text =
      'A new lab launched on Tuesday. Its founders are Jane Roe and John Doe, both formerly of Google.'
    expect(moves(text, 'en')).toEqual(['Jane Roe founding Google>-', 'John Doe founding Google>-'])
  })

  it('de: the origin in a clause after a semicolon', () => {
    const text = [
      'Forscher gründen Brightline Labs',
      'Zu den Gründern gehören Anna Weber, Ben Keller und Clara Vogt; sie arbeiteten zuvor bei DeepMind.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding Google DeepMind>Brightline Labs',
      'Ben Keller founding Google DeepMind>Brightline Labs',
      'Clara Vogt founding Google DeepMind>Brightline Labs',
    ])
  })

  it('de: near miss, a clause after the semicolon about the company is no origin', () => {
    const text = [
      'Forscher gründen Brightline Labs',
      'Zu den Gründern gehören Anna Weber und Ben Keller; das Start-up arbeitet mit DeepMind zusammen.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding ->Brightline Labs',
      'Ben Keller founding ->Brightline Labs',
    ])
  })

  it('de: near miss, a founders list in a story about something else', () => {
    const text = [
      'Brightline Labs stellt ein neues Modell vor',
      'Das Modell erzeugt Bilder aus Text und ist ab sofort verfügbar.',
      'Zu den Gründern gehören Anna Weber und Ben Keller.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([])
  })
})

describe('counted founders named in the next sentences', () => {
  it('en: "started by three researchers" then each named with where they worked', () => {
    const text = [
      'Brightline Labs raises a seed round',
      'Brightline Labs, a Paris startup, has raised 20 million euros.',
      'The company was started by two researchers from large labs. Jane Roe, the chief executive, spent three years at DeepMind. John Doe, the chief scientist, comes from Meta.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google DeepMind>Brightline Labs',
      'John Doe founding Meta>Brightline Labs',
    ])
  })

  it('en: near miss, people named after it without a past employer are not taken', () => {
    const text = [
      'Brightline Labs raises a seed round',
      'Brightline Labs, a Paris startup, has raised 20 million euros.',
      'The company was started by two researchers from large labs. Jane Roe, an investor, called the round large.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: "von drei Forschern gegründet" then the named people', () => {
    const text = [
      'Brightline Labs sammelt Geld ein',
      'Brightline Labs aus Paris hat 20 Millionen Euro eingesammelt.',
      'Das Unternehmen wurde von zwei Forschern aus großen Laboren gegründet. Anna Weber arbeitete zuvor bei DeepMind, Ben Keller kommt von Meta.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding Google DeepMind>Brightline Labs',
      'Ben Keller founding Meta>Brightline Labs',
    ])
  })

  it('de: near miss, a founding by counted people that is not followed by names', () => {
    const text = [
      'Brightline Labs sammelt Geld ein',
      'Brightline Labs aus Paris hat 20 Millionen Euro eingesammelt.',
      'Das Unternehmen wurde von zwei Forschern aus großen Laboren gegründet. Investor Tom Berg lobte die Runde.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([])
  })
})
