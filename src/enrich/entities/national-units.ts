import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { isPlace } from './place-names.js'
import { isCapitalized, separatorAfter, type TextModel } from './text-model.js'

/**
 * A known company followed by a country or region names its national unit, an organisation of
 * its own: "Microsoft Schweiz", "Scania Deutschland Österreich", "Vodafone Deutschland". The unit
 * keeps the company's name with the place as written; it is not the listed entity.
 *
 * @example
 * // "Microsoft Schweiz stopft Lücken" → { canonical: 'Microsoft Schweiz', entityId: null, ... }
 * withNationalUnit(model, kb, microsoftCandidate)
 */
export function withNationalUnit(model: TextModel, kb: KnowledgeBase, c: Candidate): Candidate {
  if (c.kind !== 'org' || c.entityId === null) return c
  let last = c.last
  // up to three place names, each joined by one space: "Deutschland Österreich"
  while (last - c.last < 3 && placeFollows(model, last)) last++
  if (last === c.last) return c
  const name = kb.entities.get(c.entityId)?.name ?? model.text.slice(c.start, c.end)
  const places = model.text.slice(model.atoms[c.last + 1]?.start, model.atoms[last]?.end)
  return {
    ...c,
    last,
    end: model.atoms[last]?.end ?? c.end,
    entityId: null,
    canonical: `${name} ${places}`,
  }
}

function placeFollows(model: TextModel, i: number): boolean {
  const next = model.atoms[i + 1]
  if (next === undefined || separatorAfter(model, i) !== ' ' || model.sentenceStart[i + 1]) {
    return false
  }
  return isCapitalized(next.text) && isPlace(next.text)
}
