import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldName } from '../../knowledge/atoms.js'
import { knowledgeDataDir } from '../../knowledge/load-knowledge.js'

let places: ReadonlySet<string> | undefined

/**
 * Folded names of countries, cities and regions (`src/knowledge/data/places.txt`, built by
 * `scripts/build-places.ts`). Read once; a missing file gives an empty set, so recognition only
 * loses a negative cue.
 */
function placeSet(): ReadonlySet<string> {
  if (places !== undefined) return places
  const path = join(knowledgeDataDir(), 'places.txt')
  const set = new Set<string>()
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      set.add(foldName(line))
    }
  }
  places = set
  return set
}

// German adjectives of place that drop or change letters before "-er" ("München" → "Münchner").
const IRREGULAR_ADJECTIVES = new Set([
  'munchner',
  'munchener',
  'zurcher',
  'bremer',
  'hallenser',
  'hannoveraner',
  'badener',
  'kolner',
  'walldorfer',
])

/**
 * True for a place name, folded ("munchen", "new york", "nordrhein-westfalen" written with a space
 * or a hyphen).
 *
 * @example
 * isPlace('Kopenhagen') // true
 * isPlace('Lumora Labs') // false
 */
export function isPlace(name: string): boolean {
  let verdict = seen.get(name)
  if (verdict === undefined) {
    const folded = foldName(name)
    const set = placeSet()
    verdict =
      set.has(folded) || set.has(folded.replace(/-/g, ' ')) || set.has(folded.replace(/ /g, '-'))
    // the same capitalised words come back in every article; the memo is bounded
    if (seen.size >= 20000) seen.clear()
    seen.set(name, verdict)
  }
  return verdict
}

const seen = new Map<string, boolean>()

/**
 * A German adjective made from a place ("Berliner", "Wiener", "Münchner", "Schweizer"), given
 * folded ("kolner"): it describes where something is, it is no organisation on its own.
 *
 * @example
 * isPlaceAdjective('kolner') // true
 */
export function isPlaceAdjective(folded: string): boolean {
  if (IRREGULAR_ADJECTIVES.has(folded)) return true
  if (folded.length < 6 || !folded.endsWith('er')) return false
  const stem = folded.slice(0, -2)
  const set = placeSet()
  // "Schweizer" from "Schweiz", "Frankfurter" from "Frankfurt", "Hamburger" from "Hamburg"
  return set.has(stem) || set.has(`${stem}e`) || set.has(`${stem}en`)
}
