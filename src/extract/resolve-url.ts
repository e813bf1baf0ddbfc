/**
 * Resolves `href` against `base` and keeps it only when it is an http(s) URL. Pages put relative
 * canonical links, protocol-relative images and `javascript:` junk in the same attributes.
 */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | null {
  if (href === null || href === undefined) return null
  const trimmed = href.trim()
  if (trimmed === '') return null
  try {
    const resolved = new URL(trimmed, base)
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null
    return resolved.href
  } catch {
    return null
  }
}
