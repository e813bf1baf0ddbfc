import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { DETERMINERS } from './context-words.js'
import { isCueNoun, roleAt } from './cue-lookup.js'
import { isCapitalized, separatorAfter, separatorBefore, type TextModel } from './text-model.js'

/**
 * Verbs whose subject, in business news, is an organisation far more often than a person: it
 * appoints, names, hires, acquires; a newsroom reports. People say, announce and join; those verbs
 * are left out.
 */
const ORG_SUBJECT_VERBS = new Set([
  'appointed',
  'appoints',
  'named',
  'names',
  'hired',
  'hires',
  'acquired',
  'acquires',
  'promoted',
  'promotes',
  'tapped',
  'taps',
  'poached',
  'ernannte',
  'ernennt',
  'beruft',
  'berief',
  'holt',
  'holte',
  'befördert',
  'beförderte',
  // a newsroom reports: "Jalopnik reported" (German "berichtete" follows people as often)
  'reported',
  'reports',
])

/** Auxiliaries between an organisation and its verb: "X has appointed", "X hat ... ernannt". */
const AUXILIARIES = new Set(['has', 'had', 'have', 'will', 'hat', 'hatte', 'wird'])

/** "X said in a statement", "wie X mitteilte": a report verb after the name, an institution speaks. */
const STATEMENT_VERBS = new Set([
  'mitteilte',
  'mitteilt',
  'bekanntgab',
  'bekannt',
  'bestätigte',
  'bestätigt',
  'meldete',
  'ankündigte',
  'verkündete',
])

/**
 * How strongly the context says that the capitalised run first..last names an organisation, from
 * the slot it fills rather than from the name (null when it says nothing):
 * - a possessive before a role: "Westpac's chief executive", "Xs Vorstand" (German genitive);
 * - a role right after it: "Ford chief Alan Mulally", "Lanxess Finanzchef", "UNC Health COO";
 * - an apposition that says what it is: "Chewy, the online retailer", "the lender, Brightbank,";
 * - a verb only organisations do: "Westpac has appointed", "GSK named";
 * - a statement: "wie Quantiq mitteilte".
 * The caller has already ruled out people, places and stop words.
 *
 * @example
 * slotEvidence(buildTextModel('Asda named a new CEO.', 'en'), kb, 0, 0) // { confidence: 0.65, rule: 'org-verb' }
 */
export function slotEvidence(
  model: TextModel,
  kb: KnowledgeBase,
  first: number,
  last: number,
): { readonly confidence: number; readonly rule: string } | null {
  const after = separatorAfter(model, last)
  const next = model.atoms[last + 1]
  if (next === undefined) return null
  // "Westpac's chief executive", "Burberry’s Julie Brown" is a person; only a role counts
  if (/^['’]$/.test(after) && next.lower === 's') {
    return roleAt(model, kb, last + 2) !== null ? { confidence: 0.75, rule: 'possessive' } : null
  }
  // a capital that only starts a sentence or a Title Case headline says nothing ("Neuer Chef")
  const informative = !model.sentenceStart[first] && !model.headline[first]
  const gerund = model.lang === 'en' && /ing$/.test(model.atoms[first]?.lower ?? '')
  if (/^\s+$/.test(after) && !model.headline[first] && !gerund) {
    const role = roleAt(model, kb, last + 1) !== null && !isLowercaseRoleVerb(model, last + 1)
    if (role && informative) return { confidence: 0.7, rule: 'role-after' }
    if (orgVerbAt(model, last + 1)) return { confidence: 0.65, rule: 'org-verb' }
    if (statementFollows(model, first, last)) return { confidence: 0.7, rule: 'statement' }
  }
  if (/^,\s+$/.test(after) && describedAfter(model, kb, last + 1)) {
    return { confidence: 0.7, rule: 'apposition' }
  }
  if (/^,\s+$/.test(separatorBefore(model, first)) && isCueNoun(model, kb, first - 1)) {
    return { confidence: 0.65, rule: 'apposition-before' }
  }
  return null
}

/** "leads", "leitet", "verantwortet" are role verbs in the role list; after a name they are verbs. */
function isLowercaseRoleVerb(model: TextModel, i: number): boolean {
  const atom = model.atoms[i]
  return atom !== undefined && atom.text === atom.lower && /(s|et|t)$/.test(atom.lower)
}

function orgVerbAt(model: TextModel, i: number): boolean {
  const atom = model.atoms[i]
  if (atom === undefined) return false
  if (ORG_SUBJECT_VERBS.has(atom.lower)) return true
  if (!AUXILIARIES.has(atom.lower)) return false
  const verb = model.atoms[i + 1]
  return verb !== undefined && ORG_SUBJECT_VERBS.has(verb.lower)
}

/** "wie Quantiq am Montag mitteilte": "wie" before the name, a report verb a few words after. */
function statementFollows(model: TextModel, first: number, last: number): boolean {
  if (model.atoms[first - 1]?.lower !== 'wie') return false
  for (let j = last + 1; j <= last + 5; j++) {
    const atom = model.atoms[j]
    if (atom === undefined) return false
    if (STATEMENT_VERBS.has(atom.lower)) return true
    if (/[,.;:!?]/.test(separatorAfter(model, j))) return false
  }
  return false
}

/**
 * An apposition after a comma that describes an organisation: an article, then up to four words,
 * the last a noun for a kind of organisation ("Chewy, the online retailer", "Cuill, a stealth
 * start-up", "Locus, a drug-development company", "Brightbank, die Direktbank").
 */
function describedAfter(model: TextModel, kb: KnowledgeBase, i: number): boolean {
  const article = model.atoms[i]
  if (article === undefined || !DETERMINERS.has(article.lower)) return false
  // German: the noun follows the article or one adjective ("die Direktbank", "der Münchner
  // Versicherer"); English: up to four lowercase words ("the online retailer of pet food")
  const reach = model.lang === 'en' ? 5 : 2
  for (let j = i + 1; j <= i + reach; j++) {
    const atom = model.atoms[j]
    if (atom === undefined) return false
    if (isCueNoun(model, kb, j)) return !/^['’]$/.test(separatorAfter(model, j))
    if (model.lang === 'en' ? isCapitalized(atom.text) : atom.text === atom.lower && j > i + 1)
      return false
    if (/[,.;:!?()]/.test(separatorAfter(model, j))) return false
  }
  return false
}
