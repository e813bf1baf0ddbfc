import { classAndId } from './boilerplate.js'
import { firstMeta, type JsonLdNode, type PageSignals } from './page-signals.js'
import { squash, textOf } from './parse-html.js'

/** Class names publishers (and Piano, Steady, Laterpay) give the box that replaces the article. */
const PAYWALL_CLASS =
  /(?:^|[\s_-])(?:paywall|paywalled|regwall|subscriber-only|subscribers-only|premium-(?:content|article|teaser|wall)|piano-(?:offer|paywall|inline)|plus-(?:paywall|teaser|content)|paid-content|locked-content|article-locked|tp-container-inner|js-paywall)(?:$|[\s_-])/i

/** Sentences of typical paywall boxes, English and German. */
const PAYWALL_TEXT =
  /subscribe to (?:continue|read)|to continue reading|this (?:article|content|story) is (?:only )?(?:available |reserved )?(?:for|to) (?:subscribers|members)|already a subscriber\?|become a (?:subscriber|member) to read|exklusiv für (?:abonnenten|abonnentinnen|plus-leser)|nur für abonnenten|weiterlesen mit [\w+]+ ?plus|jetzt (?:weiterlesen|freischalten)|dieser artikel ist (?:nur )?für (?:abonnenten|abonnentinnen|plus)|sie haben bereits ein abo/i

/**
 * Whether the page says its article is behind a paywall (only a teaser is in the HTML).
 *
 * Signals: JSON-LD `isAccessibleForFree: false` (Google's paywalled-content markup, also inside
 * `hasPart`), `article:content_tier` locked/metered-out, and a visible paywall box by class name or
 * its typical sentence. An empty `class="paywall"` shell (loaded for everyone) does not count.
 *
 * @example
 * // <script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>
 * detectPaywall(signals) // true
 */
export function detectPaywall(signals: PageSignals): boolean {
  for (const node of signals.jsonLd) if (lockedNode(node)) return true
  const tier = firstMeta(signals, 'article:content_tier', 'content_tier', 'content-tier')
  if (tier !== null && /locked|premium|paid|subscriber/i.test(tier)) return true
  const free = firstMeta(signals, 'isaccessibleforfree')
  if (free !== null && /^false$/i.test(free)) return true
  for (const el of signals.elements) {
    const ci = classAndId(el)
    if (ci !== '' && PAYWALL_CLASS.test(ci)) {
      const text = squash(textOf(el))
      if (text.length >= 20) return true
    }
  }
  for (const el of signals.elements) {
    if (
      el.tag !== 'p' &&
      el.tag !== 'div' &&
      el.tag !== 'h2' &&
      el.tag !== 'h3' &&
      el.tag !== 'span' &&
      el.tag !== 'a'
    )
      continue
    let own = ''
    for (const c of el.children) if (c.kind === 'text') own += c.text
    if (own.length < 400 && PAYWALL_TEXT.test(own)) return true
  }
  return false
}

function lockedNode(node: JsonLdNode): boolean {
  if (isFalse(node['isAccessibleForFree'])) return true
  const parts = node['hasPart']
  const list = Array.isArray(parts) ? parts : parts === undefined ? [] : [parts]
  for (const part of list) {
    if (
      part !== null &&
      typeof part === 'object' &&
      isFalse((part as JsonLdNode)['isAccessibleForFree'])
    )
      return true
  }
  return false
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^false$/i.test(value.trim()))
}
