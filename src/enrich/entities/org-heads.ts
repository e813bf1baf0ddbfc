import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { PhraseIndex } from '../../knowledge/phrase-index.js'

/**
 * Words that, after a hyphen, make "Name-Word" a mention of the organisation Name: role nouns
 * ("Meta-Chef", "BSI-Präsidentin"), company nouns ("Facebook-Konzerns", "Google-Mutter") and
 * English participles ("Google-backed"). Built from the role and cue lists once per knowledge base.
 */
const EXTRA_HEADS = [
  'aktie',
  'aktien',
  'mutter',
  'tochter',
  'zentrale',
  'mitarbeiter',
  'mitarbeiterin',
  'mitarbeitende',
  'beschäftigte',
  'sprecher',
  'sprecherin',
  'manager',
  'managerin',
  'chef',
  'chefin',
  'boss',
  'forscher',
  'forscherin',
  'forschende',
  'ingenieur',
  'ingenieure',
  'entwickler',
  'entwicklerin',
  'team',
  'labor',
  'lab',
  'vorstand',
  'aufsichtsrat',
  'gründer',
  'gründerin',
  'mitgründer',
  'mitgründerin',
  'owned',
  'backed',
  'funded',
  'led',
  'based',
  'employee',
  'employees',
  'engineer',
  'engineers',
  'researcher',
  'researchers',
  'executive',
  'executives',
  'konzern',
  'konzerns',
  'stiftung',
  'deal',
  'übernahme',
  'investor',
  'investoren',
  'präsident',
  'präsidentin',
  'chief',
  'ceo',
  'cto',
  'cfo',
]

const cache = new WeakMap<KnowledgeBase, ReadonlySet<string>>()

export function orgCompoundHeads(kb: KnowledgeBase): ReadonlySet<string> {
  const known = cache.get(kb)
  if (known !== undefined) return known
  const heads = new Set(EXTRA_HEADS)
  const addSingles = (index: PhraseIndex<unknown>, nounsOnly: boolean) => {
    for (const list of index.values()) {
      for (const entry of list) {
        const only = entry.atoms[0]
        if (entry.atoms.length !== 1 || only === undefined) continue
        if (nounsOnly && only === only.toLowerCase()) continue
        heads.add(only.toLowerCase())
      }
    }
  }
  addSingles(kb.roles.de, false)
  addSingles(kb.roles.en, false)
  addSingles(kb.cues.de, true)
  addSingles(kb.legalSuffixes, false)
  cache.set(kb, heads)
  return heads
}

/** True when `head` (lowercased) or its inflected form names a role or a company noun. */
export function isOrgHead(head: string, heads: ReadonlySet<string>): boolean {
  if (heads.has(head)) return true
  for (const ending of ['s', 'es', 'n', 'en', 'in', 'innen']) {
    if (head.endsWith(ending) && heads.has(head.slice(0, -ending.length))) return true
  }
  return false
}
