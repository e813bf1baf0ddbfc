import type { HtmlElement } from './parse-html.js'

/**
 * Boilerplate vocabulary shared by content scoring and cleaning. The class/id lists follow
 * Readability's (battle-tested on Firefox Reader View) plus the share bars, newsletter boxes and
 * related-story rails that news CMSs added since.
 */

/** Elements that never hold article text. */
export const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'nav',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'label',
  'dialog',
  'menu',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'map',
  'area',
  'frame',
  'frameset',
])

/** Page furniture: dropped unless they turn out to hold the article (some CMSs misuse them). */
export const FURNITURE_TAGS = new Set(['aside', 'footer', 'header', 'form'])

export const UNLIKELY =
  /-ad-|^ad-|-ads\b|\bads?\b|adsense|advert|ai2html|banner|breadcrumb|combx|comment|communit|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|signup|subscribe|promo|cookie|consent|outbrain|taboola|recirc|trending|most-?popular|read-?more|more-?stories|tags?-?list|tag-?cloud|author-?(?:bio|box|info|card)|about-?(?:the-?)?author|navigation|byline|dateline|toolbar|masthead|navbar|nav-|-nav\b|widget|carousel|slideshow-nav|jump-?link|print-?only|visually-?hidden|sr-only|screen-?reader|paywall|meter|modal|overlay|lightbox|credit|caption-?credit|recommend|you-?may|also-?like|next-?up|playlist|video-?player|newsfeed|feedback|rating/i

// Embedded tweets and posts sit in "social-embed" boxes but are quoted article material.
export const MAYBE =
  /and|article|body|column|content|main|mathjax|shadow|story|text|entry|post|embed|tweet/i

export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-?text|paragraph/i

export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|social|recirc|byline|author|caption|credit|disclaimer|popular|trending|signup/i

/** Lines that are furniture even when they sit inside the article container. */
export const BOILERPLATE_LINE =
  /^(?:advertisement|advert|ad|ads|anzeige|werbung|sponsored|share(?: this(?: article| story)?)?|teilen|tweet|print|email|e-mail|drucken|read more|mehr zum thema|weiterlesen|related(?: articles| stories| content)?|recommended|see also|siehe auch|comments?|kommentare|loading\.*|close|schließen|subscribe|abonnieren|sign up|log ?in|register|follow us.*|click here.*|skip to .*|back to top|nach oben|previous post|next post|previous article|next article|sharing is caring!?|don'?t miss|you may also like.*|more from .{1,40}|weitere artikel|das könnte sie auch interessieren|image|photo|foto|bild|video|audio|listen|copy link|link kopieren|zoom|expand|getty images|ap photo|reuters|dpa|shutterstock|\(?(?:photo|image|foto|bild)s?:?.{0,60}\)?)$/i

/** Lines typical of newsletter boxes, paywall nags and social CTAs (matched on short lines only). */
export const BOILERPLATE_PHRASE =
  /sign up for|subscribe to (?:our|the)|newsletter|get the latest|follow (?:us|\w+) on (?:twitter|facebook|instagram)|share (?:this|on)|all rights reserved|©|\bcopyright\b|we use cookies|requires javascript|enable javascript|this (?:article|story) (?:was|is) (?:originally|first) published|click here to|download (?:the|our) app|related coverage|more from|read (?:the|our) full|jetzt abonnieren|zum newsletter|alle rechte vorbehalten|wir verwenden cookies|lesen sie auch|das könnte sie auch interessieren|melden sie sich an|image (?:credit|source|courtesy)|photo (?:credit|courtesy|by)|bildquelle/i

/** class + id of an element, for the patterns above. */
export function classAndId(el: HtmlElement): string {
  const cls = el.attrs['class'] ?? ''
  const id = el.attrs['id'] ?? ''
  return cls === '' ? id : id === '' ? cls : `${cls} ${id}`
}

/** Hidden by attribute or inline style: screen-reader text, collapsed menus, template copies. */
export function isHidden(el: HtmlElement): boolean {
  if (el.attrs['hidden'] !== undefined) return true
  if (el.attrs['aria-hidden'] === 'true') return true
  const style = el.attrs['style']
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true
  return false
}
