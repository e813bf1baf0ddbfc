import { getDomain } from 'tldts'

/**
 * Query parameters that only track where a click came from. Removing them makes the same story
 * reached through a newsletter, RSS and social media one URL.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'ocid',
  'ncid',
  'cmpid',
  'spm',
  'sr_share',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'ref_src',
  'ref_url',
  'wt_mc',
  'wt_zmc',
  'wt.mc_id',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ito',
  'smid',
  's_cid',
  'xtor',
  'ns_source',
  'ns_mchannel',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  '__twitter_impression',
])
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_', 'itm_']

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase()
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p))
}

/**
 * The one place URL normalisation lives: lower-case scheme and host, no fragment, no default
 * port, no tracking parameters, sorted query, no empty query. Path case and trailing slashes are
 * kept (servers may distinguish them). Returns the input unchanged when it is not a URL.
 * @example normalizeUrl('HTTPS://Example.com:443/a?utm_source=rss&b=2&a=1#top') // 'https://example.com/a?a=1&b=2'
 */
export function normalizeUrl(input: string, base?: string): string {
  let url: URL
  try {
    url = base ? new URL(input.trim(), base) : new URL(input.trim())
  } catch {
    return input
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.toString()
  url.hash = ''
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '')
  if (
    (url.protocol === 'http:' && url.port === '80') ||
    (url.protocol === 'https:' && url.port === '443')
  ) {
    url.port = ''
  }
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name))
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
  url.search = ''
  for (const [name, value] of kept) url.searchParams.append(name, value)
  let out = url.toString()
  if (out.endsWith('?')) out = out.slice(0, -1)
  return out
}

/** Registrable domain ("www.heise.de" → "heise.de"); the host itself for IPs and localhost. */
export function registrableDomain(url: string): string {
  try {
    const host = new URL(url).hostname
    return getDomain(host) ?? host
  } catch {
    return url
  }
}

/**
 * The URL an article is stored under: the page's own canonical link when it points to the same
 * site (a canonical to another domain is syndication evidence, not identity), else the fetched
 * URL, both normalised.
 */
export function chooseCanonicalUrl(
  fetchedUrl: string,
  declaredCanonical: string | null | undefined,
): string {
  const fetched = normalizeUrl(fetchedUrl)
  if (!declaredCanonical) return fetched
  const declared = normalizeUrl(declaredCanonical, fetchedUrl)
  if (!/^https?:\/\//.test(declared)) return fetched
  const sameSite = registrableDomain(declared) === registrableDomain(fetched)
  const sameHost = (() => {
    try {
      return new URL(declared).host === new URL(fetched).host
    } catch {
      return false
    }
  })()
  return sameSite || sameHost ? declared : fetched
}

/** Host prefixes that serve the same story as the bare host (mobile and AMP editions). */
const EDITION_HOST_PREFIX = /^(?:www\d*|m|mobile|amp)\./
/** Query parameters that only switch the edition (AMP, mobile) of a page. */
const EDITION_PARAMS = new Set(['amp', 'outputtype', 'mobile', 'm'])
const EDITION_PARAM_VALUES = new Set(['', '1', 'true', 'amp', 'mobile'])

/**
 * The lookup key that makes every address of one story equal: `normalizeUrl`, then no scheme,
 * no `www.`/`m.`/`mobile.`/`amp.` host prefix, no AMP path forms (`/amp/`, trailing `/amp`,
 * `.amp.html`, `?amp=1`, `?outputType=amp`), no trailing slash and no `index.html`. It is a key,
 * not an address (`amp.example.com` and `example.com` may not both resolve), so it is stored next
 * to the URL (`articles.url_key`), never instead of it.
 * @example urlIdentity('https://m.example.com/news/story/amp/?utm_source=x') // 'example.com/news/story'
 */
export function urlIdentity(input: string): string {
  const normalised = normalizeUrl(input)
  let url: URL
  try {
    url = new URL(normalised)
  } catch {
    return normalised
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return normalised
  const host = url.hostname.replace(EDITION_HOST_PREFIX, '')
  let path = url.pathname
  // Google-style AMP paths: /amp/… prefix (WordPress AMP plugin "/amp/" suffix, Guardian amp. host).
  path = path.replace(/\/amp(?=\/|$)/g, '')
  // ".amp.html" (spiegel.de, zeit.de) and ".amp" (some CMSs) editions of "x.html".
  path = path.replace(/\.amp(\.html?)?$/, (_m, ext: string | undefined) => ext ?? '')
  path = path.replace(/\/index\.html?$/, '/')
  path = path.replace(/\/+$/, '')
  const kept = [...url.searchParams.entries()].filter(
    ([name, value]) =>
      !(EDITION_PARAMS.has(name.toLowerCase()) && EDITION_PARAM_VALUES.has(value.toLowerCase())),
  )
  const query = new URLSearchParams(kept).toString()
  const port = url.port ? `:${url.port}` : ''
  return `${host}${port}${path}${query ? `?${query}` : ''}`
}
