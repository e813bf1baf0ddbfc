import { describe, expect, it } from 'vitest'
import { reportedMoves } from '../helpers/moves.js'

// Founders named apart from the founding (src/enrich/moves/founder-groups.ts): each rule with a
// case it catches and a near miss it must leave alone. Names are made up.

const moves = reportedMoves

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

describe('founders named in the passive or as a description', () => {
  it('en: "The startup was founded by A and B, both formerly of X"', () => {
    const text = [
      'Brightline Labs emerges from stealth',
      'Brightline Labs emerged from stealth on Tuesday with 20 million dollars. The startup was founded by Jane Roe and John Doe, both formerly of Google.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google>Brightline Labs',
      'John Doe founding Google>Brightline Labs',
    ])
  })

  it('en: each founder with the employer a later sentence gives them', () => {
    const text = [
      'Brightline Labs raises a seed round',
      'Brightline Labs, a new AI startup, raised 20 million dollars. The company was co-founded by Jane Roe and John Doe. Roe spent three years at DeepMind; Doe came from Meta.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google DeepMind>Brightline Labs',
      'John Doe founding Meta>Brightline Labs',
    ])
  })

  it('en: near miss, a company founded years ago in a story about a founding', () => {
    const text = [
      'Brightline Labs emerges from stealth',
      'Brightline Labs emerged from stealth on Tuesday. Its lead investor was founded in 2015 by Jane Roe and John Doe.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('en: near miss, "was founded by" in a story that tells no founding', () => {
    const text = [
      'Brightline Labs ships a chemistry model',
      'Brightline Labs released the model on Tuesday. The startup was founded by Jane Roe and John Doe.',
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: "Gegründet wurde es von A und B, die zuvor bei X arbeiteten"', () => {
    const text = [
      'Neues KI-Start-up Brightline Labs',
      'In Berlin ist das KI-Start-up Brightline Labs an den Start gegangen. Gegründet wurde es von Anna Weber und Ben Keller, die zuvor bei SAP arbeiteten.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding SAP>Brightline Labs',
      'Ben Keller founding SAP>Brightline Labs',
    ])
  })

  it('de: "Hinter dem Unternehmen stehen A und B. Beide arbeiteten zuvor bei X."', () => {
    const text = [
      'Neues KI-Start-up Brightline Labs',
      'Das Berliner Start-up Brightline Labs hat 20 Millionen Euro eingesammelt. Hinter dem Unternehmen stehen Anna Weber und Ben Keller. Beide arbeiteten zuvor bei SAP.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding SAP>Brightline Labs',
      'Ben Keller founding SAP>Brightline Labs',
    ])
  })

  it('de: near miss, investors behind the company are not its founders', () => {
    const text = [
      'Neues KI-Start-up Brightline Labs',
      'Das Berliner Start-up Brightline Labs hat 20 Millionen Euro eingesammelt. Hinter dem Unternehmen stehen Investoren wie Anna Weber und Ben Keller.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([])
  })

  it('de: near miss, a company founded years ago', () => {
    const text = [
      'Neues KI-Start-up Brightline Labs',
      'In Berlin ist das KI-Start-up Brightline Labs an den Start gegangen. Sein Investor wurde 2012 von Anna Weber und Ben Keller gegründet.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([])
  })
})

describe('founders listed before "are its co-founders"', () => {
  it('en: "A and B are its co-founders; both were at X"', () => {
    const text =
      'Brightline Labs launched on Tuesday. Jane Roe and John Doe are its co-founders; both were at Google until last year.'
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google>Brightline Labs',
      'John Doe founding Google>Brightline Labs',
    ])
  })

  it('de: "Gründer sind A und B, die zuvor bei X arbeiteten"', () => {
    const text =
      'Das Start-up Brightline Labs ist an den Start gegangen. Gründer sind Anna Weber und Ben Keller, die zuvor bei SAP arbeiteten.'
    expect(moves(text, 'de')).toEqual([
      'Anna Weber founding SAP>Brightline Labs',
      'Ben Keller founding SAP>Brightline Labs',
    ])
  })

  it('en: near miss, co-founders of a company in a story that tells no founding', () => {
    const text =
      'Brightline Labs released a model on Tuesday. Jane Roe and John Doe are its co-founders.'
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: near miss, "Gründer sind" followed by no names', () => {
    const text =
      'Das Start-up Brightline Labs ist an den Start gegangen. Die Gründer sind zuversichtlich, sagte Anna Weber.'
    expect(moves(text, 'de')).toEqual([])
  })
})

describe('the origin of a founding in the next sentence', () => {
  it('en: "They previously worked at X" after a founding by two', () => {
    const text =
      'Jane Roe and John Doe have founded Brightline Labs. They previously worked at Google.'
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding Google>Brightline Labs',
      'John Doe founding Google>Brightline Labs',
    ])
  })

  it('de: "Beide waren zuvor bei X" and "Sie war zuvor bei X"', () => {
    expect(
      moves(
        'Anna Weber und Ben Keller haben Brightline Labs gegründet. Beide waren zuvor bei SAP.',
        'de',
      ),
    ).toEqual([
      'Anna Weber founding SAP>Brightline Labs',
      'Ben Keller founding SAP>Brightline Labs',
    ])
    expect(
      moves('Anna Weber hat Brightline Labs gegründet. Sie war zuvor sechs Jahre bei SAP.', 'de'),
    ).toEqual(['Anna Weber founding SAP>Brightline Labs'])
  })

  it('en: near miss, a next sentence with no past employer', () => {
    const text =
      'Jane Roe and John Doe have founded Brightline Labs. They previously worked together on a book.'
    expect(moves(text, 'en')).toEqual([
      'Jane Roe founding ->Brightline Labs',
      'John Doe founding ->Brightline Labs',
    ])
  })

  it('de: near miss, a next sentence about someone else', () => {
    const text = 'Anna Weber hat Brightline Labs gegründet. Investor Tom Berg war zuvor bei SAP.'
    expect(moves(text, 'de')).toEqual(['Anna Weber founding ->Brightline Labs'])
  })
})

describe('the founders of another company', () => {
  it('en: near miss, "OpenAI\'s founders include" in a story about a new company', () => {
    const text = [
      'Brightline Labs emerges from stealth',
      "Brightline Labs emerged from stealth on Tuesday. OpenAI's founders include Jane Roe and John Doe.",
    ].join('\n\n')
    expect(moves(text, 'en')).toEqual([])
  })

  it('de: near miss, another company founded by named people', () => {
    const text = [
      'Forscher gründen Brightline Labs',
      'Den Investor Vantor Systems hatten Anna Weber und Ben Keller gegründet. Zu den Gründern von Vantor Systems gehören Anna Weber und Ben Keller.',
    ].join('\n\n')
    expect(moves(text, 'de')).toEqual([])
  })
})
