import type { EntityMention } from './mention-types.js'

/** One entity of a text, as `newshound analyze` prints it. */
export interface EntitySummary {
  /** The first surface form the text used for it. */
  readonly name: string
  readonly kind: 'person' | 'org'
  readonly canonical: string
  readonly entityId: string | null
  readonly count: number
  readonly firstOffset: number
}

/**
 * Folds mentions into one row per entity (same kind and canonical name), ordered by first offset.
 *
 * @example
 * summarizeEntities(recognizeEntities('Sam Altman said ... Altman added ...', 'en'))
 * // [{ name: 'Sam Altman', kind: 'person', canonical: 'Sam Altman', entityId: 'person:sam-altman', count: 2, firstOffset: 0 }]
 */
export function summarizeEntities(mentions: readonly EntityMention[]): EntitySummary[] {
  const rows = new Map<string, { -readonly [K in keyof EntitySummary]: EntitySummary[K] }>()
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const key = `${m.kind}\u0000${m.entityId ?? m.canonical.toLowerCase()}`
    const row = rows.get(key)
    if (row === undefined) {
      rows.set(key, {
        name: m.surface,
        kind: m.kind,
        canonical: m.canonical,
        entityId: m.entityId,
        count: 1,
        firstOffset: m.start,
      })
    } else {
      row.count++
    }
  }
  return [...rows.values()]
}
