import { splitAtoms } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { matchesAt } from '../../knowledge/phrase-index.js'

/**
 * The canonical name of an entity the knowledge base does not know: trimmed, spaces collapsed,
 * a possessive ("'s", "’s", "s'") dropped, and for organisations a trailing legal form dropped
 * ("Quantiq GmbH" → "Quantiq", "Acme Corp." → "Acme") while brand words stay ("Lumora Labs",
 * "Fabrikwerk Robotics"), so the same company written with and without its legal form is one entity.
 *
 * @example
 * canonicalName('Quantiq  GmbH', 'org', kb)  // 'Quantiq'
 * canonicalName("Priya Raman's", 'person', kb) // 'Priya Raman'
 */
export function canonicalName(surface: string, kind: 'person' | 'org', kb: KnowledgeBase): string {
  let name = surface.replace(/\s+/g, ' ').trim()
  name = name.replace(/['’]s$|(?<=s)['’]$/u, '')
  if (kind === 'org') name = stripLegalForm(name, kb)
  return name.replace(/[\s,.;:]+$/u, '')
}

function stripLegalForm(name: string, kb: KnowledgeBase): string {
  const atoms = splitAtoms(name)
  for (let i = 1; i < atoms.length; i++) {
    const first = atoms[i]
    if (first === undefined) continue
    for (const entry of kb.legalSuffixes.get(first.lower) ?? []) {
      if (!entry.value.legalForm) continue
      if (i + entry.lowers.length !== atoms.length) continue
      if (!matchesAt(entry, atoms, name, i)) continue
      return name.slice(0, first.start).replace(/[\s,]+$/u, '')
    }
  }
  return name
}

/**
 * A German genitive "-s" dropped from an unknown organisation's name when the text also names it
 * without one ("Halvoras Vorstand ... bei Halvora" → "Halvora"). Without that evidence the name
 * stays as written: "Siemens" and "Fresenius" end in "s" and are no genitives.
 *
 * @example
 * withoutGenitive('Halvoras', 'Halvoras Vorstand tagte. Halvora wächst.') // 'Halvora'
 * withoutGenitive('Fresenius', 'Fresenius wächst.') // 'Fresenius'
 */
export function withoutGenitive(name: string, text: string): string {
  if (name.length < 4 || !name.endsWith('s') || name.endsWith('ss')) return name
  const stem = name.slice(0, -1)
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text) ? stem : name
}
