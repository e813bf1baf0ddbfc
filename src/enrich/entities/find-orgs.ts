import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import type { Candidate } from './candidate.js'
import { DETERMINERS } from './context-words.js'
import { cueEndingAt, isCueNoun, isDescriptorNoun, roleAt, roleEndingAt } from './cue-lookup.js'
import type { NameGroup } from './name-groups.js'
import { slotEvidence } from './org-slots.js'
import { isPlace, isPlaceAdjective } from './place-names.js'
import { isCapitalized, separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/** Which atoms already belong to a mention (knowledge base or person). */
export type AtomOwners = readonly (Candidate | undefined)[]

// Nouns built with these endings are German common nouns ("Robotik-Startup", "Finanz-Chef"), not
// company names, when they appear before a hyphen or after a cue.
const COMMON_NOUN_ENDING = /(ung|ungen|heit|keit|schaft|tion|tionen|tät|ismus|ik|ie|ien|nz|ur|er)$/u
// German abstract nouns ("Führung", "Wirtschaft", "Position"): never a company name on their own.
export const ABSTRACT_ENDING =
  /(ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse)$/u
// English adjectives in front of a weak suffix: "Generative AI", "Responsible AI".
const ADJECTIVE_ENDING = /(ive|al|ic|ical|ble|ous|ful|less|ary|ed|ing|ant|ent)$/u
// Prepositions after a role that introduce the employer: "co-founder of Yutori", "Mitgründer von".
// Not "für"/"for": "Direktor für Generative KI" names a field, not an employer.
const EMPLOYER_PREPOSITIONS = new Set(['of', 'at', 'von', 'bei', 'beim'])
// Single-word cues that say too little on their own ("of", "with", "von", "zu") are ignored;
// these two point at an employer or place of business and are kept, with less confidence
// ("beim" is "bei dem": a noun follows, "beim Start", not a company name).
const WEAK_CUES = new Set(['at', 'bei'])
// Prefixes that make a role, not an employer: "Vize-Vorstand", "Interims-Chef", "Co-Chefin".
const ROLE_PREFIXES = new Set(['vize', 'interims', 'co', 'ko', 'senior', 'junior', 'top'])
// Role words that describe a field, not an employer: "Tech-Veteran", "Chip-Experte", "KI-Pionier".
const FIELD_ROLES = new Set([
  'experte',
  'expertin',
  'pionier',
  'pionierin',
  'vordenker',
  'vordenkerin',
  'veteran',
  'veteranin',
])

/**
 * Finds organisations the knowledge base does not know:
 * - a capitalised name ending in a legal form or brand suffix ("Quantiq GmbH", "Lumora Labs",
 *   "Fabrikwerk Robotics"); weak suffixes ("AI", "Research") need a capital that is not just
 *   sentence-initial and a name that is not an adjective ("Generative AI" is not a company);
 * - a name heading a role compound ("Cariad-Chef", "Zalando-Mitgründer");
 * - a name after a cue phrase ("the startup X", "das Startup X", "joined X", "bei X") or after a role
 *   and a preposition ("co-founder of Yutori", "Mitgründer von Yutori").
 *
 * @example
 * findUnknownOrgs(buildTextModel('Das Startup Quantiq GmbH will', 'de'), kb, groups, owners)
 * // [{ via: 'legal-suffix', ... }] for "Quantiq GmbH"
 */
export function findUnknownOrgs(
  model: TextModel,
  kb: KnowledgeBase,
  groups: readonly NameGroup[],
  owners: AtomOwners,
): Candidate[] {
  const found: Candidate[] = []
  const taken = new Set<number>()
  const add = (c: Candidate | null) => {
    if (c === null) return
    for (let i = c.first; i <= c.last; i++) if (taken.has(i)) return
    for (let i = c.first; i <= c.last; i++) taken.add(i)
    found.push(c)
  }
  for (const group of groups) {
    for (const c of bySuffix(model, kb, group, owners)) add(c)
  }
  for (const group of groups) add(byCompound(model, kb, group, owners))
  for (const group of groups) {
    // the cue may sit inside the group, as German nouns do: "Das Kölner Startup Lingwerk"
    for (let at = group.first; at <= group.last; at++) {
      const inside = at > group.first
      if (inside && !isCueNoun(model, kb, at - 1)) continue
      const found = byCue(model, kb, { first: at, last: group.last }, owners)
      if (found !== null) {
        add(found)
        break
      }
    }
  }
  const surnames = surnamesOf(model, owners)
  for (const group of groups) {
    for (const c of bySlot(model, kb, group, owners, taken, surnames)) add(c)
  }
  return found
}

/**
 * Runs of a name group that nothing claimed yet, named an organisation by the slot they fill
 * ("Westpac has appointed", "Lanxess Finanzchef", "Chewy, the online retailer").
 */
function bySlot(
  model: TextModel,
  kb: KnowledgeBase,
  group: NameGroup,
  owners: AtomOwners,
  taken: ReadonlySet<number>,
  surnames: ReadonlySet<string>,
): Candidate[] {
  const found: Candidate[] = []
  let at = group.first
  while (at <= group.last) {
    if (taken.has(at) || blockedForOrg(model, kb, owners, at)) {
      at++
      continue
    }
    let last = at
    while (last < group.last && !taken.has(last + 1) && !blockedForOrg(model, kb, owners, last + 1))
      last++
    const slot = last - at < 4 ? slotEvidence(model, kb, at, last) : null
    const confidence = slot?.confidence ?? 0
    if (
      confidence > 0 &&
      plausibleName(model, kb, at, last) &&
      !isSurname(model, kb, at, last, surnames)
    ) {
      found.push(org(model, at, last, 'cue', confidence, `slot:${slot?.rule}`))
    }
    at = last + 1
  }
  return found
}

/** The folded last words of the people already found in the text. */
function surnamesOf(model: TextModel, owners: AtomOwners): Set<string> {
  const surnames = new Set<string>()
  for (let i = 0; i < owners.length; i++) {
    const c = owners[i]
    if (c?.kind === 'person' && c.last === i && c.last > c.first) {
      surnames.add(model.folded[c.last] ?? '')
    }
  }
  return surnames
}

/**
 * "Kröll übernimmt", "Hochreiter CEO": a lone word that is the surname of someone the text (or the
 * knowledge base) names is that person, whatever slot it fills. Genitives included ("Ebelings").
 */
function isSurname(
  model: TextModel,
  kb: KnowledgeBase,
  first: number,
  last: number,
  surnames: ReadonlySet<string>,
): boolean {
  if (first !== last) return false
  const folded = model.folded[first] ?? ''
  const keys = folded.endsWith('s') ? [folded, folded.slice(0, -1)] : [folded]
  return keys.some((k) => surnames.has(k) || kb.surnames.has(k))
}

/**
 * Context alone does not make a place, a first name or a bare month an organisation: "at Davos",
 * "Copenhagen-based", "bei Erlangen".
 */
function plausibleName(
  model: TextModel,
  kb: KnowledgeBase,
  first: number,
  last: number,
  namedAfterCueNoun = false,
): boolean {
  const start = model.atoms[first]?.start ?? 0
  const end = model.atoms[last]?.end ?? 0
  const surface = model.text.slice(start, end)
  if (!namedAfterCueNoun && isPlace(surface)) return false
  // German genitive of a place: "Europas", "Bayerns"
  if (model.lang !== 'en' && surface.endsWith('s') && isPlace(surface.slice(0, -1))) return false
  const next = model.atoms[last + 1]
  if (
    /^[-‑]$/.test(separatorAfter(model, last)) &&
    next !== undefined &&
    PLACE_HEADS.has(next.lower)
  )
    return false
  if (first === last && kb.firstNames.has(model.atoms[first]?.lower ?? '')) return false
  return true
}

// "Copenhagen-based", "Münchner", "in Berlin ansässige": words after a hyphen that make a place.
const PLACE_HEADS = new Set(['based', 'basierte', 'basierten', 'basiertes', 'born'])

function blockedForOrg(
  model: TextModel,
  kb: KnowledgeBase,
  owners: AtomOwners,
  i: number,
): boolean {
  const atom = model.atoms[i]
  if (atom === undefined || owners[i] !== undefined) return true
  if (!isCapitalized(atom.text) && !/^\d/.test(atom.text)) return true
  if (DETERMINERS.has(atom.lower)) return true
  if (kb.stopNames.has(model.folded[i] ?? '')) return true
  if (kb.titlePrefixes.has(atom.lower)) return true
  if (model.lang !== 'en' && isPlaceAdjective(model.folded[i] ?? '')) return true
  return (
    roleAt(model, kb, i) !== null ||
    isCueNoun(model, kb, i, false) ||
    isDescriptorNoun(model, kb, i)
  )
}

function suffixAt(
  model: TextModel,
  kb: KnowledgeBase,
  i: number,
): { last: number; strong: boolean } | null {
  const atom = model.atoms[i]
  if (atom === undefined) return null
  for (const entry of kb.legalSuffixes.get(atom.lower) ?? []) {
    const n = entry.atoms.length
    let ok = true
    for (let k = 0; k < n && ok; k++) {
      ok = model.atoms[i + k]?.text === entry.atoms[k]
      if (ok && k + 1 < n) ok = !/[\n]/.test(separatorAfter(model, i + k))
    }
    if (ok) return { last: i + n - 1, strong: entry.value.strong }
  }
  return null
}

function bySuffix(
  model: TextModel,
  kb: KnowledgeBase,
  group: NameGroup,
  owners: AtomOwners,
): Candidate[] {
  const found: Candidate[] = []
  for (let s = group.first + 1; s <= group.last; s++) {
    const suffix = suffixAt(model, kb, s)
    if (suffix === null || owners[s] !== undefined) continue
    let nameStart = s
    while (nameStart - 1 >= group.first && !blockedForOrg(model, kb, owners, nameStart - 1)) {
      nameStart--
      if (s - nameStart > 4) break
    }
    if (nameStart === s || s - nameStart > 4) continue
    // "Acme Robotics GmbH": take every suffix that follows
    let last = suffix.last
    let strong = suffix.strong
    for (;;) {
      const more = last < group.last ? suffixAt(model, kb, last + 1) : null
      if (more === null) break
      last = more.last
      strong ||= more.strong
    }
    if (!strong && !weakSuffixNameOk(model, nameStart, s - 1)) continue
    const parent = listedParentBefore(model, group, owners, nameStart)
    const c = org(
      model,
      parent?.first ?? nameStart,
      last,
      'legal-suffix',
      strong ? 0.8 : 0.65,
      strong ? 'suffix' : 'brand',
    )
    found.push(parent === undefined ? c : { ...c, replaces: parent })
    s = last
  }
  return found
}

/**
 * "Bosch Venture Capital", "Siemens Innovations AG": a listed company right before a name with a
 * legal form or brand word starts that name, which is an organisation of its own (a subsidiary,
 * a fund). At least one word must stand between them: "Meta AI" and "Apple Intelligence" are the
 * company and its product.
 */
function listedParentBefore(
  model: TextModel,
  group: NameGroup,
  owners: AtomOwners,
  nameStart: number,
): Candidate | undefined {
  const parent = owners[nameStart - 1]
  if (parent === undefined || parent.kind !== 'org' || parent.entityId === null) return undefined
  if (parent.first < group.first || parent.via !== 'kb') return undefined
  return /^[ -]$/.test(separatorAfter(model, parent.last)) ? parent : undefined
}

function weakSuffixNameOk(model: TextModel, first: number, last: number): boolean {
  if (model.sentenceStart[first] || model.headline[first]) return false
  const lastWord = model.atoms[last]?.lower ?? ''
  return !ADJECTIVE_ENDING.test(lastWord)
}

function byCompound(
  model: TextModel,
  kb: KnowledgeBase,
  group: NameGroup,
  owners: AtomOwners,
): Candidate | null {
  for (let i = group.first; i < group.last; i++) {
    if (separatorAfter(model, i) !== '-') continue
    if (i > group.first && /^[-‑]$/.test(separatorBefore(model, i))) continue
    if (blockedForOrg(model, kb, owners, i)) continue
    const atom = model.atoms[i]
    const head = model.atoms[i + 1]
    if (atom === undefined || head === undefined) continue
    if (atom.text.length < 3 || COMMON_NOUN_ENDING.test(atom.lower)) continue
    if (kb.firstNames.has(atom.lower) || ROLE_PREFIXES.has(atom.lower)) continue
    // the role heads the compound: "Quorra-Chef", and "Quorra-KI-Chef" with a longer chain
    let end = i + 1
    while (end < group.last && end - i < 3 && separatorAfter(model, end) === '-') end++
    const role = roleAt(model, kb, i + 1)
    const last = roleAt(model, kb, end)
    const heads =
      (role !== null && (role.last === i + 1 || role.last === end)) ||
      (end > i + 1 && last !== null && last.last === end)
    if (!heads || FIELD_ROLES.has(model.atoms[end]?.lower ?? '')) continue
    return org(model, i, i, 'cue', 0.7, 'role-compound')
  }
  return null
}

function byCue(
  model: TextModel,
  kb: KnowledgeBase,
  group: NameGroup,
  owners: AtomOwners,
): Candidate | null {
  const at = group.first
  // the cue must stand in the same sentence: "... to Startups\n\nErfahrungsgemäß beginnen"
  if (model.sentenceStart[at] || !/^\s+$/.test(separatorBefore(model, at))) return null
  let confidence = isCueNoun(model, kb, at - 1) ? 0.7 : 0
  let rule = 'cue-noun'
  const cue = confidence === 0 ? cueEndingAt(model, kb, at - 1) : null
  if (cue !== null) {
    const single = cue.first === cue.last ? (model.atoms[cue.first]?.lower ?? '') : null
    rule = 'cue-phrase'
    if (single === null || single.length > 4) confidence = 0.7
    else if (WEAK_CUES.has(single)) {
      confidence = 0.6
      rule = 'cue-weak'
    }
  }
  const prep = model.atoms[at - 1]
  if (
    confidence === 0 &&
    prep !== undefined &&
    EMPLOYER_PREPOSITIONS.has(prep.lower) &&
    roleEndingAt(model, kb, at - 2) !== null
  ) {
    confidence = 0.7
    rule = 'role-of'
  }
  if (confidence === 0) return null
  let last = at - 1
  while (last + 1 <= group.last && !blockedForOrg(model, kb, owners, last + 1) && last - at < 3) {
    last++
  }
  if (last < at) return null
  // "Direktor für Generative KI": a run cut short by a stop word is a phrase, not a name
  const cut = model.atoms[last + 1]
  if (last < group.last && cut !== undefined && kb.stopNames.has(model.folded[last + 1] ?? ''))
    return null
  const atom = model.atoms[at]
  if (atom === undefined || kb.firstNames.has(atom.lower)) return null
  // after a weak cue ("bei", "von") a lone German word in "-ung", "-er" is a common noun; after a
  // noun for a kind of company it is the name ("vom Verpackungskonzern Gerresheimer")
  const afterCueNoun = isCueNoun(model, kb, at - 1)
  if (model.lang !== 'en' && last === at && !afterCueNoun && COMMON_NOUN_ENDING.test(atom.lower))
    return null
  // an abstract noun is never a name alone ("Informationswirtschaft"), and a word before a hyphen
  // starts a compound noun ("die Fintech Smartphone-Bank N26")
  if (model.lang !== 'en' && last === at && ABSTRACT_ENDING.test(atom.lower)) return null
  if (last === at && /^[-‑]$/.test(separatorAfter(model, at))) return null
  // "at Davos" is a place; "the indie shop McKinney" is named like one (English: German cue
  // nouns stand before places as often, "des Konzerns in München")
  if (!plausibleName(model, kb, at, last, afterCueNoun && model.lang === 'en')) return null
  return org(model, at, last, 'cue', confidence, rule)
}

function org(
  model: TextModel,
  first: number,
  last: number,
  via: 'legal-suffix' | 'cue',
  confidence: number,
  rule: string,
): Candidate {
  return {
    first,
    last,
    start: model.atoms[first]?.start ?? 0,
    end: model.atoms[last]?.end ?? 0,
    kind: 'org',
    entityId: null,
    canonical: null,
    confidence,
    via,
    rule,
  }
}
