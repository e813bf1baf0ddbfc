/**
 * Syndication credits: the line a copy carries to name the publication it was taken from. The
 * credited origin becomes the representative of the copy's cluster when it is stored.
 */

export interface SyndicationCredit {
  /** The credited publication as written: a site name ("KI-Rundschau"), a domain or a URL. */
  readonly origin: string
  /** Host named by the credit ("exofeed.nl"), lower-case, without `www.`; null for a bare name. */
  readonly host: string | null
  /** The credited URL when the line gives one. */
  readonly url: string | null
  /** The whole credit line (evidence). */
  readonly line: string
}

/**
 * Credit phrasings, English and German. Each captures the origin after the phrase. Real cases:
 * seed copies end with "The source of the article is from the blog exofeed.nl"; Medium and dev.to
 * cross-posts say "Originally published at …"; The Conversation and Business Insider copies "This
 * article first appeared on …" / "… was originally published on …"; WordPress feeds "The post X
 * appeared first on Y."; German copies "Dieser Artikel erschien zuerst bei …" and agency pieces
 * "Quelle: dpa".
 */
const CREDIT_PATTERNS: readonly RegExp[] = [
  /^the source of (?:the|this) (?:article|story|post) is(?: from)?(?: the)?(?: (?:blog|site|website|newspaper|magazine))?\s+(.+)$/i,
  /^(?:this|the) (?:article|story|post|piece|interview) (?:was |has been )?(?:originally |first )?(?:appeared|published|posted|ran)(?: first| originally)?(?: on| at| in| by)\s+(.+)$/i,
  /^(?:originally|first) (?:published|appeared|posted)(?: on| at| in| by)\s+(.+)$/i,
  /^the post .+ appeared first on\s+(.+)$/i,
  /^(?:republished|reprinted|reproduced)(?: with (?:kind )?permission)? from\s+(.+)$/i,
  /^(?:dieser|der) (?:artikel|beitrag|text|bericht) ist (?:zuerst|ursprünglich|erstmals) (?:bei|auf|in|im)\s+(.+?)\s+erschienen\W*$/i,
  /^(?:dieser|der) (?:artikel|beitrag|text|bericht) (?:erschien|ist)(?: zuerst| ursprünglich| erstmals| original)(?: erschienen)?(?: bei| auf| in| im)\s+(.+)$/i,
  /^(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht)(?: bei| auf| in| im)\s+(.+)$/i,
  /^mit freundlicher genehmigung (?:von|des|der)\s+(.+)$/i,
]
/** "Quelle:" / "Source:" is also how charts and quotes are credited, so only a closing line counts. */
const CLOSING_SOURCE = /^(?:quelle|source)\s*:\s*(.+)$/i

/** Lines at each end of the text that may carry a credit (credits sit above or below the story). */
const EDGE_LINES = 3

/**
 * The syndication credit of an article text, or null. Only the first and last few lines are read:
 * a "first appeared on" inside a story is reporting, not a credit.
 * @example findSyndicationCredit('…\nDieser Artikel erschien zuerst bei KI-Rundschau.') // { origin: 'KI-Rundschau', host: null, … }
 */
export function findSyndicationCredit(text: string): SyndicationCredit | null {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const last = lines.slice(-EDGE_LINES).reverse()
  const first = lines.slice(0, EDGE_LINES)
  for (const line of [...last, ...first]) {
    if (line.length > 300) continue
    for (const pattern of CREDIT_PATTERNS) {
      const match = pattern.exec(line)
      if (match?.[1]) return creditFrom(match[1], line)
    }
  }
  const closing = lines.at(-1)
  const match = closing && closing.length <= 120 ? CLOSING_SOURCE.exec(closing) : null
  return match?.[1] ? creditFrom(match[1], closing as string) : null
}

function creditFrom(raw: string, line: string): SyndicationCredit | null {
  const url = /https?:\/\/[^\s<>"')\]]+/i.exec(raw)?.[0]?.replace(/[.,;:]+$/, '') ?? null
  const origin = raw
    .replace(/^["'„“”«»]+|["'„“”«»]+$/g, '')
    .replace(/[.!;:,]+$/, '')
    .trim()
  if (origin === '') return null
  const domain =
    /(?:^|[\s(/])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=$|[\s)/:,])/i.exec(url ?? origin)?.[1] ?? null
  return { origin, host: domain ? domain.toLowerCase().replace(/^www\./, '') : null, url, line }
}

/** What a stored article is known by: its source's and site's names and its registrable domain. */
export interface SiteIdentity {
  readonly names: readonly (string | null)[]
  /** Registrable domain of the article's URL ("heise.de"). */
  readonly domain: string | null
}

/**
 * Lower-case letters and digits only, accents and a leading article dropped: "KI-Rundschau" =
 * "ki rundschau", "der Zeit" = "Die Zeit" = "Zeit", "The Verge" = "Verge".
 */
function fold(s: string): string {
  return s
    .trim()
    .replace(/^(?:the|der|die|das|dem|den)\s+/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * Whether a credit names this site: the credited name equals a site or source name ("KI-Rundschau"),
 * or the credited host is the site's domain or a subdomain of it, or the credited name is the
 * domain's first label ("TechCrunch" for techcrunch.com).
 * @example creditNamesSite(credit, { names: ['KI-Rundschau'], domain: 'ki-rundschau.de' }) // true
 */
export function creditNamesSite(
  credit: Pick<SyndicationCredit, 'origin' | 'host'>,
  site: SiteIdentity,
): boolean {
  const origin = fold(credit.origin)
  if (origin !== '' && site.names.some((n) => n !== null && fold(n) === origin)) return true
  if (!site.domain) return false
  const domain = site.domain.toLowerCase()
  if (credit.host && (credit.host === domain || credit.host.endsWith(`.${domain}`))) return true
  const label = domain.split('.')[0] ?? ''
  return label.length >= 4 && fold(label) === origin
}
