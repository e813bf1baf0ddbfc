import { type Atom, splitAtoms } from '../../knowledge/atoms.js'
import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { phrasesAt } from '../../knowledge/phrase-index.js'
import { ROLE_VALUES, type RoleNormalized } from './types.js'

/** A role phrase in a text ("chief executive", "Intel-Chef", "Leiterin der KI-Forschung"). */
export interface RoleHit {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly normalized: RoleNormalized
}

/** A stretch of text that names an organisation; role compounds read their prefix from it. */
export interface OrgSpan {
  readonly start: number
  readonly end: number
  /** The knowledge-base type ("regulator"), when known. */
  readonly type: string | null
}

const ROLES = new Set<string>(ROLE_VALUES)

// German closed compounds the role list does not hold ("Strategiechef", "Cloud-Chefin"): the head
// of the compound decides. "Chef" of a company is its CEO, "Chef" of anything else heads it.
const GERMAN_HEADS: readonly [RegExp, RoleNormalized][] = [
  [/(?:chef|chefin|chefs|chefinnen)$/u, 'head'],
  [/(?:leiter|leiterin|leitung)$/u, 'head'],
  [/(?:vorstandsvorsitz|vorsitz)$/u, 'ceo'],
  [/(?:direktor|direktorin)$/u, 'director'],
  [/(?:präsident|präsidentin)$/u, 'other'],
  [/(?:forscher|forscherin|forschern|wissenschaftler|wissenschaftlerin)$/u, 'researcher'],
  [/(?:gründer|gründerin|gründern)$/u, 'founder'],
  [/(?:ingenieur|ingenieurin|ingenieure|entwickler|entwicklerin)$/u, 'engineer'],
  [/(?:vorstand|vorständin)$/u, 'other'],
  [/(?:manager|managerin)$/u, 'other'],
]
const CEO_PREFIXES =
  /^(?:interims?|co|konzern|firmen|unternehmens|vorstands|gesamt|alleinige[rn]?)$/iu
// Words that may follow a role as its complement ("head of research", "Leiterin der KI-Forschung").
const COMPLEMENT = /^\s+(?:of|for|für|der|des)\s+/u
const COMPLEMENT_STOP =
  /^(?:at|bei|beim|in|im|von|vom|to|zu|zum|is|ist|will|wird|and|und|who|der|die|das|after|nach|since|seit|as|als|from|with|mit|for|für|on|am|until|bis|has|hat|was|war|said|sagte)$/iu

/**
 * Finds role phrases between `from` and `to` of `text`: the knowledge-base role words (German
 * texts also try the English list, "Chief AI Officer"), German hyphen compounds read as a whole
 * ("Interims-Co-Chefs", "BSI-Präsident"), and short complements ("vice president of research").
 *
 * @example
 * findRoles("OpenAI's chief scientist Ilya Sutskever", 0, 39, 'en', kb, [])
 * // [{ start: 9, end: 24, text: 'chief scientist', normalized: 'chief_scientist' }]
 */
export function findRoles(
  text: string,
  from: number,
  to: number,
  lang: string,
  kb: KnowledgeBase,
  orgs: readonly OrgSpan[],
): RoleHit[] {
  const slice = text.slice(from, to)
  const atoms = splitAtoms(slice)
  const indexes = lang === 'de' ? [kb.roles.de, kb.roles.en] : [kb.roles.en]
  const hits: RoleHit[] = []
  let i = 0
  while (i < atoms.length) {
    const atom = atoms[i] as Atom
    let best: { length: number; value: string } | null = null
    for (const index of indexes) {
      for (const entry of phrasesAt(index, atoms, slice, i, (e) => caseFits(e.atoms, atoms, i))) {
        if (best === null || entry.lowers.length > best.length) {
          best = { length: entry.lowers.length, value: entry.value }
        }
      }
    }
    let normalized = best !== null && ROLES.has(best.value) ? (best.value as RoleNormalized) : null
    let lastAtom = best === null ? i : i + best.length - 1
    if (normalized === null && lang === 'de' && /^\p{Lu}/u.test(atom.text)) {
      normalized = germanHead(atom.lower)
    }
    if (normalized === null) {
      i++
      continue
    }
    // Widen to the whole hyphen compound: "Interims-Co-Chefs", "Scale-AI-Gründer".
    let first = i
    while (first > 0 && isHyphen(slice, atoms[first - 1], atoms[first])) first--
    while (lastAtom + 1 < atoms.length && isHyphen(slice, atoms[lastAtom], atoms[lastAtom + 1])) {
      const next = atoms[lastAtom + 1] as Atom
      const head = germanHead(next.lower)
      if (lang !== 'de' || head === null) break
      normalized = head
      lastAtom++
    }
    const firstAtom = atoms[first] as Atom
    const endAtom = atoms[lastAtom] as Atom
    let start = from + firstAtom.start
    let end = from + endAtom.end
    // A hyphen prefix that is an organisation ("Intel-Chef") makes a bare "Chef" the CEO, a
    // public body's "Präsident" its head; the role text keeps the prefix, as written.
    if (first < i || (first === i && lastAtom > i)) {
      const prefixOrg = orgs.find((o) => o.start <= start && o.end > start)
      normalized = refineCompound(
        normalized,
        endAtom.lower,
        prefixOrg,
        atoms.slice(first, lastAtom),
      )
    }
    if (/^ex$/iu.test(firstAtom.text)) start = from + (atoms[first + 1] as Atom).start
    end = extendComplement(text, end, to, orgs)
    hits.push({ start, end, text: text.slice(start, end), normalized })
    i = lastAtom + 1
  }
  return hits
}

function germanHead(lower: string): RoleNormalized | null {
  for (const [pattern, role] of GERMAN_HEADS) if (pattern.test(lower)) return role
  return null
}

function refineCompound(
  role: RoleNormalized,
  headLower: string,
  prefixOrg: OrgSpan | undefined,
  prefixAtoms: readonly Atom[],
): RoleNormalized {
  if (/^(?:chef|chefin|chefs|chefinnen)$/u.test(headLower)) {
    if (prefixOrg !== undefined) return 'ceo'
    return prefixAtoms.every((a) => CEO_PREFIXES.test(a.text)) ? 'ceo' : 'head'
  }
  if (/^präsident/u.test(headLower) && prefixOrg !== undefined) {
    return prefixOrg.type === 'regulator' || prefixOrg.type === 'government' ? 'head' : 'other'
  }
  return role
}

/** All-caps role words ("CEO", "VP") only match in capitals, so "vp" in a URL or "Chef" as a cook does not. */
function caseFits(phraseAtoms: readonly string[], atoms: readonly Atom[], i: number): boolean {
  return phraseAtoms.every((p, k) => {
    const a = atoms[i + k]
    if (a === undefined) return false
    return p.length > 1 && p === p.toUpperCase() && /\p{L}/u.test(p) ? a.text === p : true
  })
}

function isHyphen(text: string, left: Atom | undefined, right: Atom | undefined): boolean {
  if (left === undefined || right === undefined) return false
  return /^[-‑]$/u.test(text.slice(left.end, right.start))
}

/** "head of machine learning", "Leiterin der KI-Forschung": up to four plain words, no organisation. */
function extendComplement(
  text: string,
  end: number,
  limit: number,
  orgs: readonly OrgSpan[],
): number {
  // The role list holds some phrases with their preposition ("Direktor für", "head of").
  const open = /(?:^|\s)(?:of|for|für|der|des)$/u.test(text.slice(Math.max(0, end - 5), end))
  const lead = open ? /^\s+/u.exec(text.slice(end, limit)) : COMPLEMENT.exec(text.slice(end, limit))
  if (lead === null) return end
  let cursor = end + lead[0].length
  let last = end
  for (let k = 0; k < 4; k++) {
    const word = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(text.slice(cursor, limit))
    if (word === null || COMPLEMENT_STOP.test(word[0])) break
    if (orgs.some((o) => o.start < cursor + word[0].length && o.end > cursor)) break
    last = cursor + word[0].length
    const gap = /^ +/u.exec(text.slice(last, limit))
    if (gap === null) break
    cursor = last + gap[0].length
  }
  return last
}
