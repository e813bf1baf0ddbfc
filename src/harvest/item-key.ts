import { createHash } from 'node:crypto'

export interface ItemIdentity {
  readonly guid: string | null
  readonly link: string | null
  readonly title: string | null
  readonly summary: string | null
}

/**
 * Stable identity of a feed item: its guid, else its link, else a sha256 of title and summary
 * (feeds without either exist: status pages, some podcast hosts). The hash form is prefixed so it
 * never collides with a real guid.
 *
 * @example itemKeyOf({ guid: null, link: 'https://example.org/a', title: 'A', summary: null })
 */
export function itemKeyOf(item: ItemIdentity): string {
  const guid = item.guid?.trim()
  if (guid) return guid
  const link = item.link?.trim()
  if (link) return link
  const digest = createHash('sha256')
    .update(`${item.title?.trim() ?? ''}\n${item.summary?.trim() ?? ''}`)
    .digest('hex')
  return `sha256:${digest}`
}
