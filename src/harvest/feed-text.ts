import { Parser } from 'htmlparser2'
import iconv from 'iconv-lite'

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

const namedCache = new Map<string, string | null>()

/**
 * Decodes character references in XML text the forgiving way feed readers do: the five XML
 * entities, numeric references (0x80-0x9F read as windows-1252, as browsers do, because feeds
 * written from Word send `&#150;` for an en dash) and every HTML named entity (`&eacute;` appears
 * in feeds that never declare it). Unknown names stay as written; DTD-declared entities are never
 * expanded (no billion laughs, no external entities).
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(
    /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g,
    (match, ref: string) => {
      if (ref.startsWith('#')) {
        const hex = ref[1] === 'x' || ref[1] === 'X'
        return fromCodePoint(Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? match
      }
      const xml = XML_ENTITIES[ref]
      if (xml !== undefined) return xml
      return namedEntity(ref) ?? match
    },
  )
}

function fromCodePoint(cp: number): string | null {
  if (!Number.isFinite(cp)) return null
  if (cp >= 0x80 && cp <= 0x9f) return iconv.decode(Buffer.from([cp]), 'windows-1252')
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(cp)
}

/** HTML5 named entity through htmlparser2's own table (no second entity table to maintain). */
function namedEntity(name: string): string | null {
  const cached = namedCache.get(name)
  if (cached !== undefined) return cached
  const source = `&${name};`
  const decoded = htmlText(source, false)
  // The HTML decoder also matches legacy prefixes ("&noti;" → "¬i;"): accept exact names only.
  const result = decoded !== source && !decoded.endsWith(';') ? decoded : null
  if (namedCache.size < 4096) namedCache.set(name, result)
  return result
}

/**
 * Replaces C1 control characters (U+0080-U+009F) and their numeric references with the windows-1252
 * characters they stand for. Feeds produced from Word via a Latin-1 pipeline carry ’ “ ” – as C1
 * codes; no real text uses C1 controls, so this is safe (feedparser calls it demoronizing).
 */
export function demoronize(text: string): string {
  return text
    .replace(/[\u0080-\u009f]/g, (c) => fromCodePoint(c.charCodeAt(0)) ?? c)
    .replace(/&#(1[2-5][0-9]|x[89][0-9a-f]);/gi, (match, ref: string) => {
      const cp = ref[0] === 'x' || ref[0] === 'X' ? Number.parseInt(ref.slice(1), 16) : Number(ref)
      return cp >= 0x80 && cp <= 0x9f ? (fromCodePoint(cp) ?? match) : match
    })
}

/** Text of an HTML fragment: tags dropped, entities decoded, script/style skipped. */
export function htmlToText(html: string): string {
  return collapse(htmlText(html, true))
}

function htmlText(html: string, blockSpaces: boolean): string {
  const out: string[] = []
  let skip = 0
  const parser = new Parser(
    {
      ontext(text) {
        if (skip === 0) out.push(text)
      },
      onopentag(name) {
        if (name === 'script' || name === 'style') skip++
        else if (blockSpaces && BLOCK.has(name)) out.push(' ')
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1)
        else if (blockSpaces && BLOCK.has(name)) out.push(' ')
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return out.join('')
}

const BLOCK = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
])

/** Markup a title author meant as HTML: a known inline tag or a character reference. */
export function looksLikeHtml(text: string): boolean {
  return (
    /<\/?(a|abbr|b|big|br|cite|code|del|div|em|font|i|img|ins|kbd|mark|p|q|s|small|span|strike|strong|sub|sup|tt|u)\b[^<>]*>/i.test(
      text,
    ) || /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text)
  )
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;')
}
