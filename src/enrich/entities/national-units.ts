import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { canonicalName } from './canonical-name.js'
import { isPlace } from './place-names.js'
import { isCapitalized, separatorAfter, type TextModel } from './text-model.js'

/**
 * A known company followed by a country or region names its national unit, an organisation of
 * its own: "Microsoft Schweiz", "Scania Deutschland Österreich", "MTN South Africa". The unit is
 * named as written; it is not the listed entity.
 *
 * @example
 * // "Microsoft Schweiz stopft Lücken" → { canonical: 'Microsoft Schweiz', entityId: null, ... }
 * withNationalUnit(model, kb, microsoftCandidate)
 */
export function withNationalUnit(model: TextModel, kb: KnowledgeBase, c: Candidate): Candidate {
  if (c.kind !== 'org' || c.entityId === null) return c
  let last = c.last
  // up to three places, each joined by one space: "Deutschland Österreich", "South Africa"
  for (let found = placeAfter(model, last); found > last; found = placeAfter(model, last)) {
    last = found
    if (last - c.last >= 3) break
  }
  if (last === c.last) return c
  const end = model.atoms[last]?.end ?? c.end
  return {
    ...c,
    last,
    end,
    entityId: null,
    canonical: canonicalName(model.text.slice(c.start, end), 'org', kb),
  }
}

/** The last atom of a place name of one or two words right after atom i, or i when none follows. */
function placeAfter(model: TextModel, i: number): number {
  for (const words of [2, 1]) {
    const last = i + words
    const first = model.atoms[i + 1]
    const end = model.atoms[last]
    if (first === undefined || end === undefined) continue
    let joined = separatorAfter(model, i) === ' ' && !model.sentenceStart[i + 1]
    for (let k = i + 1; k <= last && joined; k++) {
      const atom = model.atoms[k]
      joined =
        atom !== undefined &&
        isCapitalized(atom.text) &&
        (k === last || separatorAfter(model, k) === ' ')
    }
    if (joined && isPlace(model.text.slice(first.start, end.end))) return last
  }
  return i
}
