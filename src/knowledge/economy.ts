import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldName } from './atoms.js'
import type { KnowledgeEntity } from './knowledge-types.js'

/** One line of `data/economy/*.jsonl`: an organisation of the wider economy, as listed. */
export interface EconomyOrg {
  readonly name: string
  readonly aliases?: readonly string[]
  readonly type: string
  readonly sector?: string
  readonly country?: string | null
  /** The parent's `name` (resolved to an id when the parent is listed anywhere). */
  readonly parent?: string | null
  readonly ambiguous?: boolean
  readonly people?: readonly { readonly name: string; readonly role: string }[]
}

/**
 * Adds the economy lists (`data/economy/*.jsonl`: index constituents, banks, public bodies,
 * universities ... of many countries) to the curated entities. The curated files win: a listed
 * organisation whose name or alias is already known only lends its other aliases to the known
 * entity, an alias another entity already holds is dropped (unless both are marked ambiguous),
 * parents are resolved by name, and the chief executives and chairs listed become people who
 * are known for that organisation.
 */
export function withEconomyLists(
  curated: readonly KnowledgeEntity[],
  dir: string,
  reserved: ReadonlySet<string> = new Set(),
): KnowledgeEntity[] {
  const listed = readEconomyOrgs(dir)
  if (listed.length === 0) return [...curated]
  const entities = new Map<string, KnowledgeEntity>()
  const owner = new Map<string, { id: string; ambiguous: boolean }>()
  const claim = (name: string, id: string, ambiguous: boolean) => {
    const key = foldName(name)
    if (reserved.has(key)) return false
    const held = owner.get(key)
    if (held !== undefined && held.id !== id && !(held.ambiguous && ambiguous)) return false
    if (held === undefined) owner.set(key, { id, ambiguous })
    return true
  }
  for (const e of curated) {
    entities.set(e.id, e)
    if (e.kind !== 'org') continue
    for (const n of [e.name, ...(e.aliases ?? []), ...(e.formerNames ?? [])]) {
      claim(n, e.id, e.ambiguous === true)
    }
  }
  const idByName = new Map<string, string>()
  for (const e of curated) if (e.kind === 'org') idByName.set(foldName(e.name), e.id)
  const people = new Set(
    curated
      .filter((e) => e.kind === 'person')
      .flatMap((e) => [e.name, ...(e.aliases ?? [])].map(foldName)),
  )
  const pending: { org: EconomyOrg; id: string }[] = []
  for (const org of listed) {
    const names = [org.name, ...(org.aliases ?? [])]
    // Known already: by its name, or (when the listing is unambiguous) because one of its
    // aliases is a known organisation's name ("Nexora Incorporated", alias "Nexora").
    const known =
      owner.get(foldName(org.name)) ??
      (org.ambiguous === true
        ? undefined
        : (org.aliases ?? [])
            .map((a) => idByName.get(foldName(a)))
            .filter((id): id is string => id !== undefined)
            .map((id) => ({ id, ambiguous: false }))[0])
    if (known !== undefined) {
      // Lend the aliases nobody else holds.
      const entity = entities.get(known.id) as KnowledgeEntity
      const held = new Set([entity.name, ...(entity.aliases ?? [])].map(foldName))
      const extra = names.filter(
        (n) => !held.has(foldName(n)) && claim(n, known.id, entity.ambiguous === true),
      )
      entities.set(known.id, { ...entity, aliases: unique([...(entity.aliases ?? []), ...extra]) })
      idByName.set(foldName(org.name), known.id)
      continue
    }
    // A one-word name the list itself calls ambiguous ("Trend", "Metro") fires on the common word
    // more often than on the company: such entries are left to the context recognizer.
    if (org.ambiguous === true && !/\s/.test(org.name.trim())) continue
    let id = `org:${slug(org.name)}`
    if (entities.has(id)) id = `${id}-${(org.country ?? 'xx').toLowerCase()}`
    if (entities.has(id)) continue
    const ambiguous = org.ambiguous === true
    if (!claim(org.name, id, ambiguous)) continue
    const aliases = (org.aliases ?? []).filter((a) => a !== org.name && claim(a, id, ambiguous))
    entities.set(id, {
      id,
      name: org.name,
      kind: 'org',
      type: org.type,
      aliases,
      formerNames: [],
      parent: null,
      wikidata: null,
      country: org.country ?? null,
      ambiguous,
    })
    idByName.set(foldName(org.name), id)
    pending.push({ org, id })
  }
  for (const { org, id } of pending) {
    const parent = org.parent ? idByName.get(foldName(org.parent)) : undefined
    if (parent !== undefined && parent !== id) {
      entities.set(id, { ...(entities.get(id) as KnowledgeEntity), parent })
    }
    for (const person of org.people ?? []) {
      const key = foldName(person.name)
      if (people.has(key) || person.name.trim().split(/\s+/).length < 2) continue
      people.add(key)
      const personId = `person:${slug(person.name)}`
      if (entities.has(personId)) continue
      entities.set(personId, {
        id: personId,
        name: person.name,
        kind: 'person',
        aliases: [person.name],
        orgs: [id],
        wikidata: null,
      })
    }
  }
  return [...entities.values()]
}

/** Every line of every `*.jsonl` file in `dir`, in file-name order (none when it is missing). */
export function readEconomyOrgs(dir: string): EconomyOrg[] {
  if (!existsSync(dir)) return []
  const out: EconomyOrg[] = []
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (line.trim() === '') return
      const org = JSON.parse(line) as EconomyOrg
      if (typeof org.name !== 'string' || org.name.trim() === '' || typeof org.type !== 'string') {
        throw new Error(`knowledge: ${file}:${i + 1} needs a name and a type`)
      }
      out.push(org)
    })
  }
  return out
}

function slug(name: string): string {
  return foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)]
}
