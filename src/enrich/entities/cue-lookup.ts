import type { KnowledgeBase } from '../../knowledge/knowledge-types.js'
import { type PhraseEntry, phrasesAt } from '../../knowledge/phrase-index.js'
import { isPlace } from './place-names.js'
import type { TextModel } from './text-model.js'

/** A role or cue phrase found in the text, by atom span. */
export interface PhraseHit {
  readonly first: number
  readonly last: number
  readonly phrase: string
}

/** The languages whose lists apply: German texts also use English titles ("CEO", "Chief Scientist"). */
export function languagesOf(model: TextModel): readonly ('en' | 'de')[] {
  return model.lang === 'en' ? ['en'] : model.lang === 'de' ? ['de', 'en'] : ['en', 'de']
}

type Kind = 'roles' | 'cues'
type Indexes = readonly ReadonlyMap<string, readonly PhraseEntry<string>[]>[]

const byLanguage = new WeakMap<KnowledgeBase, Map<string, Indexes>>()

/** The role or cue indexes for a text's language, built once per knowledge base. */
function indexesFor(kb: KnowledgeBase, kind: Kind, lang: TextModel['lang']): Indexes {
  let table = byLanguage.get(kb)
  if (table === undefined) {
    table = new Map()
    byLanguage.set(kb, table)
  }
  const key = `${kind}:${lang}`
  let indexes = table.get(key)
  if (indexes === undefined) {
    const langs =
      lang === 'en'
        ? ['en' as const]
        : lang === 'de'
          ? (['de', 'en'] as const)
          : (['en', 'de'] as const)
    indexes = langs.map((l) => kb[kind][l])
    table.set(key, indexes)
  }
  return indexes
}
const NONE: readonly PhraseHit[] = []

// Rules ask for the same positions many times; each text's hits are computed once per position.
const memo = new WeakMap<TextModel, Record<Kind, (readonly PhraseHit[] | undefined)[]>>()

function hitsAt(model: TextModel, kb: KnowledgeBase, kind: Kind, i: number): readonly PhraseHit[] {
  let tables = memo.get(model)
  if (tables === undefined) {
    tables = { roles: [], cues: [] }
    memo.set(model, tables)
  }
  const table = tables[kind]
  let hits = table[i]
  if (hits === undefined) {
    const atom = model.atoms[i]
    const indexes = indexesFor(kb, kind, model.lang)
    let any = false
    if (atom !== undefined) for (const index of indexes) any ||= index.has(atom.lower)
    hits = any ? allAt(model, i, indexes) : NONE
    if (hits.length === 0 && kind === 'roles' && model.lang !== 'en' && atom !== undefined) {
      const compound = compoundRoleAt(kb, atom.text, atom.lower)
      if (compound !== null) hits = [{ first: i, last: i, phrase: compound }]
    }
    table[i] = hits
  }
  return hits
}

/** The longest role phrase that starts at atom i. */
export function roleAt(model: TextModel, kb: KnowledgeBase, i: number): PhraseHit | null {
  return longest(hitsAt(model, kb, 'roles', i))
}

/** The longest cue phrase that starts at atom i. */
export function cueAt(model: TextModel, kb: KnowledgeBase, i: number): PhraseHit | null {
  return longest(hitsAt(model, kb, 'cues', i))
}

/** The longest role phrase that ends exactly at atom `last`. */
export function roleEndingAt(model: TextModel, kb: KnowledgeBase, last: number): PhraseHit | null {
  return endingAt(model, kb, 'roles', last)
}

/** The longest cue phrase that ends exactly at atom `last`. */
export function cueEndingAt(model: TextModel, kb: KnowledgeBase, last: number): PhraseHit | null {
  return endingAt(model, kb, 'cues', last)
}

// The last atoms of all phrases: most atoms end no phrase, and that is one set lookup.
const lastAtoms = new WeakMap<KnowledgeBase, Record<Kind, ReadonlySet<string>>>()

function endsSomePhrase(kb: KnowledgeBase, kind: Kind, lower: string): boolean {
  let sets = lastAtoms.get(kb)
  if (sets === undefined) {
    const collect = (indexes: readonly ReadonlyMap<string, readonly PhraseEntry<unknown>[]>[]) => {
      const set = new Set<string>()
      for (const index of indexes) {
        for (const list of index.values()) for (const e of list) set.add(e.lowers.at(-1) ?? '')
      }
      return set
    }
    sets = {
      roles: collect([kb.roles.en, kb.roles.de]),
      cues: collect([kb.cues.en, kb.cues.de]),
    }
    lastAtoms.set(kb, sets)
  }
  return sets[kind].has(lower)
}

function endingAt(model: TextModel, kb: KnowledgeBase, kind: Kind, last: number): PhraseHit | null {
  const atom = model.atoms[last]
  if (atom === undefined || !endsSomePhrase(kb, kind, atom.lower)) return null
  for (let first = Math.max(0, last - 5); first <= last; first++) {
    const hit = hitsAt(model, kb, kind, first).find((h) => h.last === last)
    if (hit !== undefined) return hit
  }
  return null
}

// Role words that head German compounds often enough to be read inside them. "Leiter" is left out
// (Halbleiter, Feuerleiter: a ladder), and so are "Sprecher" (Lautsprecher) and "Partner"
// (Kooperationspartner stands before companies).
const NOT_COMPOUND_HEADS = new Set([
  'leiter',
  'leiterin',
  'sprecher',
  'sprecherin',
  'partner',
  'partnerin',
])
const compoundHeads = new WeakMap<KnowledgeBase, readonly string[]>()

/**
 * A German compound that ends in a one-word role: "Miterfinder" (Erfinder), "Sicherheitschef"
 * (Chef), "Konzernvorstand" (Vorstand), "Spieleentwickler" (Entwickler). The word must be
 * capitalised and the part before the role at least three letters long. Returns the role pattern.
 */
function compoundRoleAt(kb: KnowledgeBase, text: string, lower: string): string | null {
  if (lower.length < 7 || text === lower || text === text.toUpperCase()) return null
  let heads = compoundHeads.get(kb)
  if (heads === undefined) {
    const list: string[] = []
    for (const entries of kb.roles.de.values()) {
      for (const entry of entries) {
        const only = entry.atoms[0] ?? ''
        if (entry.atoms.length !== 1 || only === only.toLowerCase() || only.length < 4) continue
        if (only === only.toUpperCase() || NOT_COMPOUND_HEADS.has(entry.lowers[0] ?? '')) continue
        list.push(entry.lowers[0] ?? '')
      }
    }
    // longest first, so "Chefin" wins over "Chef"
    heads = list.sort((a, b) => b.length - a.length)
    compoundHeads.set(kb, heads)
  }
  for (const head of heads) {
    if (lower.length - head.length >= 3 && lower.endsWith(head)) return head
  }
  return null
}

function longest(hits: readonly PhraseHit[]): PhraseHit | null {
  let best: PhraseHit | null = null
  for (const hit of hits) {
    if (best === null || hit.last > best.last) best = hit
  }
  return best
}

function allAt<T>(
  model: TextModel,
  i: number,
  indexes: readonly ReadonlyMap<string, readonly PhraseEntry<T>[]>[],
): PhraseHit[] {
  const hits: PhraseHit[] = []
  for (const index of indexes) {
    for (const entry of phrasesAt(index, model.atoms, model.text, i)) {
      // Role and cue phrases are case-blind except that an all-caps abbreviation must stay
      // all-caps: "CEO" is a role, "Ceo" in a name is not.
      const atom = model.atoms[i]
      const want = entry.atoms[0] ?? ''
      if (want.length > 1 && want === want.toUpperCase() && atom?.text !== want) continue
      hits.push({ first: i, last: i + entry.lowers.length - 1, phrase: entry.phrase })
    }
  }
  return hits
}

const NOT_BEFORE_NAMES = [
  'investor',
  'investoren',
  'geldgeber',
  'kapitalgeber',
  'risikokapitalgeber',
  'wagniskapitalgeber',
  'finanzinvestor',
  'datenschützer',
  'sprecher',
  'developer',
  'tochter',
  'übernahme',
  'finanzierungsrunde',
  'ausgründung',
  'gmbh',
  'kgaa',
]

// Nouns that name a kind of organisation; after one of them comes its name, also behind an
// adjective or a place ("the Amsterdam fintech Brightwater Payments", "das Münchner Startup X").
const cueNouns = new WeakMap<
  KnowledgeBase,
  { readonly all: ReadonlySet<string>; readonly german: ReadonlySet<string> }
>()

/**
 * True when atom i is a compound noun for a kind of organisation that describes the name right
 * after it ("der Großbank UBS", "des Pharmakonzerns Roche"): a descriptor, not part of the name.
 * Standing alone or before a place, such a compound is often the name itself ("Commerzbank",
 * "Raiffeisenbank Reutte").
 */
export function isDescriptorNoun(model: TextModel, kb: KnowledgeBase, i: number): boolean {
  if (!isCueNoun(model, kb, i) || isCueNoun(model, kb, i, false)) return false
  const next = model.atoms[i + 1]
  const atom = model.atoms[i]
  if (next === undefined || atom === undefined || next.start - atom.end !== 1) return false
  if (model.text.charCodeAt(atom.end) !== 32 || model.sentenceStart[i + 1]) return false
  return next.text.charAt(0) !== next.lower.charAt(0) && !isPlace(next.text)
}

/**
 * True when atom i is a noun for a kind of organisation ("startup", "fintech", "Konzern"); with
 * `compounds` (the default) also a German compound headed by one ("Pharmakonzern", "Großbank").
 */
export function isCueNoun(
  model: TextModel,
  kb: KnowledgeBase,
  i: number,
  compounds = true,
): boolean {
  const atom = model.atoms[i]
  if (atom === undefined) return false
  let sets = cueNouns.get(kb)
  if (sets === undefined) {
    const all = new Set<string>()
    const german = new Set<string>()
    for (const lang of ['en', 'de'] as const) {
      for (const list of kb.cues[lang].values()) {
        for (const entry of list) {
          const last = entry.atoms.at(-1) ?? ''
          const articleLed = ['the', 'das', 'der', 'die'].includes(entry.lowers[0] ?? '')
          const germanNoun = lang === 'de' && last !== last.toLowerCase()
          if ((articleLed || germanNoun) && entry.lowers.length <= 3 && last.length > 3) {
            all.add(last.toLowerCase())
            if (lang === 'de') german.add(last.toLowerCase())
          }
        }
      }
    }
    // Nouns that also stand before people or events ("Investor Peter Thiel", "seine Tochter Anna").
    for (const word of NOT_BEFORE_NAMES) {
      all.delete(word)
      german.delete(word)
    }
    sets = { all, german }
    cueNouns.set(kb, sets)
  }
  const nouns = sets.all
  if (nouns.has(atom.lower)) return true
  if (model.lang === 'en') return false
  // German forms and compounds come from the German nouns only: "Hillebrand" is no "brand"
  if (!compounds) return germanFormsOf(sets.german).words.has(atom.lower)
  let known = cueNounMemo.get(model)
  if (known === undefined) {
    known = []
    cueNounMemo.set(model, known)
  }
  let verdict = known[i]
  if (verdict === undefined) {
    verdict = isGermanCueNoun(sets.german, atom.text, atom.lower)
    known[i] = verdict
  }
  return verdict
}

// The German check walks the word's endings; rules ask for the same atom many times.
const cueNounMemo = new WeakMap<TextModel, boolean[]>()
const germanForms = new WeakMap<
  ReadonlySet<string>,
  { readonly words: ReadonlySet<string>; readonly heads: ReadonlySet<string> }
>()

// Heads that name a kind of organisation only at the end of a compound: "Maschinenbauer" (not
// "Bauer", a farmer or a surname), "Systemhaus", "Modehaus" (not "Haus").
const COMPOUND_HEADS = ['bauer', 'haus', 'kette', 'konzern', 'bank', 'kasse']
// Compounds with those heads that are things, not organisations: "Datenbank", "Krankenhaus".
const NOT_COMPOUND_CUES = /(datenbank|krankenhaus|rathaus|weißhaus|ladenkasse)/

/**
 * A German noun for a kind of organisation: one of the cue nouns with a case ending ("des
 * Herstellers", "den Konzernen") or the feminine "-in" ("die Rivalin"), or a compound headed by one
 * ("des Pharmakonzerns", "der Großbank", "das Systemhaus").
 */
function germanFormsOf(nouns: ReadonlySet<string>): {
  readonly words: ReadonlySet<string>
  readonly heads: ReadonlySet<string>
} {
  let forms = germanForms.get(nouns)
  if (forms === undefined) {
    const inflect = (words: Iterable<string>) => {
      const set = new Set<string>()
      for (const w of words)
        for (const ending of ['', 's', 'es', 'n', 'en', 'in']) set.add(w + ending)
      return set
    }
    forms = { words: inflect(nouns), heads: inflect([...nouns, ...COMPOUND_HEADS]) }
    germanForms.set(nouns, forms)
  }
  return forms
}

function isGermanCueNoun(nouns: ReadonlySet<string>, text: string, lower: string): boolean {
  const forms = germanFormsOf(nouns)
  if (forms.words.has(lower)) return true
  if (text === lower || lower.length < 7 || NOT_COMPOUND_CUES.test(lower)) return false
  for (let k = 3; k <= lower.length - 4; k++) if (forms.heads.has(lower.slice(k))) return true
  return false
}
