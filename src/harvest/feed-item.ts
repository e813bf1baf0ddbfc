import type { FeedItem } from './feed-types.js'
import { itemKeyOf } from './item-key.js'
import { parseFeedDate } from './parse-date.js'

/** What a format reader extracts from one item before dates are parsed and the key is chosen. */
export interface ItemDraft {
  readonly guid: string | null
  readonly link: string | null
  readonly title: string | null
  /** Date texts that mean "published", best first (pubDate, dc:date, atom:published, …). */
  readonly publishedRaw: readonly (string | null | undefined)[]
  /** Date texts that mean "updated", best first. */
  readonly updatedRaw: readonly (string | null | undefined)[]
  readonly author: string | null
  readonly summary: string | null
  readonly categories: readonly string[]
}

/**
 * Finishes an item: dates parsed (a date we cannot trust becomes null, its text kept in
 * publishedRaw), the published time falls back to the updated time (Atom feeds often carry only
 * <updated>), and the identity key is chosen.
 */
export function finishItem(draft: ItemDraft): FeedItem {
  const published = firstDate(draft.publishedRaw)
  const updated = firstDate(draft.updatedRaw)
  const guid = blankToNull(draft.guid)
  const link = blankToNull(draft.link)
  const title = blankToNull(draft.title)
  const summary = blankToNull(draft.summary)
  return {
    itemKey: itemKeyOf({ guid, link, title, summary }),
    guid,
    link,
    title,
    publishedAt: published.iso ?? updated.iso,
    publishedRaw: published.raw ?? updated.raw,
    updatedAt: updated.iso,
    author: blankToNull(draft.author),
    summary,
    categories: draft.categories.map((c) => c.trim()).filter((c) => c !== ''),
  }
}

function firstDate(candidates: readonly (string | null | undefined)[]): {
  iso: string | null
  raw: string | null
} {
  let firstRaw: string | null = null
  for (const candidate of candidates) {
    const raw = candidate?.trim()
    if (!raw) continue
    firstRaw ??= raw
    const iso = parseFeedDate(raw)
    if (iso) return { iso, raw }
  }
  return { iso: null, raw: firstRaw }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}
