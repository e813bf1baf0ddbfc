import iconv from 'iconv-lite'
import { isSingleByteCharset, normalizeCharsetLabel } from './charset-label.js'

export type DecodeSource =
  | 'bom'
  | 'header'
  | 'xml-declaration'
  | 'meta'
  | 'utf8-valid'
  | 'detected'
  | 'default'

export interface DecodeOptions {
  /** HTTP Content-Type header, if any (may carry `charset=`). */
  readonly contentType?: string | null
  /** Which in-document declaration to look for: `<?xml encoding?>` or `<meta charset>`. */
  readonly kind: 'html' | 'xml'
}

export interface DecodeResult {
  readonly text: string
  /** The charset the bytes were decoded with (iconv-lite name, `utf-8` for UTF-8). */
  readonly encoding: string
  /** Which evidence chose the charset. */
  readonly source: DecodeSource
}

/** How far into an HTML document the `<meta charset>` prescan looks (CMSs put it after 1 KiB). */
const META_SCAN_BYTES = 64 * 1024
const XML_DECLARATION_SCAN_BYTES = 1024

/**
 * Turns response bytes into text the way browsers and Miniflux do: BOM > HTTP charset > in-document
 * declaration (`<?xml encoding?>` or `<meta charset>`) > valid UTF-8 > windows-1252. Never throws on
 * an unknown label: the label is skipped and the next evidence decides.
 *
 * Miniflux's rule "valid UTF-8 wins" overrides a declared single-byte charset when the bytes hold
 * non-ASCII UTF-8 sequences: windows-1252/ISO-8859-x text almost never forms valid multi-byte UTF-8
 * by accident, while CMS templates that say `encoding="windows-1252"` over UTF-8 bytes are common.
 * Multi-byte declarations (Shift_JIS, GBK, …) are trusted as written.
 *
 * @example decodeBytes(body, { contentType: res.headers['content-type'], kind: 'xml' }).text
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  const bom = sniffBom(bytes)
  if (bom) return finish(bytes.subarray(bom.length), bom.encoding, 'bom')

  const utf8 = utf8Stats(bytes)
  const validUtf8 = utf8.invalid === 0
  // Mostly UTF-8 with a few broken sequences (a truncated character) is still UTF-8; mostly
  // broken sequences means a legacy charset.
  const mostlyUtf8 = utf8.multiByte > utf8.invalid
  const declared = declaredCharset(bytes, options)
  if (declared) {
    const legacyOverUtf8 = validUtf8 && utf8.multiByte > 0 && isSingleByteCharset(declared.encoding)
    if (legacyOverUtf8) return finish(bytes, 'utf-8', 'utf8-valid')
    // "UTF-8" declared over windows-1252 bytes (a template that lies the other way round).
    if (declared.encoding === 'utf-8' && utf8.invalid > 0 && !mostlyUtf8) {
      return finish(bytes, 'windows-1252', 'detected')
    }
    if (!declared.encoding.startsWith('utf-16')) {
      return finish(bytes, declared.encoding, declared.source)
    }
    // A UTF-16 label on bytes we could read as ASCII is wrong by construction (WHATWG treats a
    // utf-16 meta as utf-8); only trust it when the bytes really look like UTF-16, in their order.
    const utf16 = looksLikeUtf16(bytes)
    if (utf16) return finish(bytes, utf16, declared.source)
  }
  // Before the UTF-8 check: BOM-less UTF-16 of ASCII text is "valid UTF-8" full of NULs.
  const utf16 = looksLikeUtf16(bytes)
  if (utf16) return finish(bytes, utf16, 'detected')
  if (validUtf8) return finish(bytes, 'utf-8', 'utf8-valid')
  if (mostlyUtf8) return finish(bytes, 'utf-8', 'detected')
  return finish(bytes, 'windows-1252', 'default')
}

/** Reads `charset=` from a Content-Type value; null when absent. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^\s;]+)/i.exec(contentType)
  if (!match) return null
  return (match[2] ?? match[1] ?? '').trim() || null
}

function declaredCharset(
  bytes: Uint8Array,
  options: DecodeOptions,
): { encoding: string; source: 'header' | 'xml-declaration' | 'meta' } | null {
  const fromHeader = normalizeCharsetLabel(charsetFromContentType(options.contentType))
  if (fromHeader) return { encoding: fromHeader, source: 'header' }
  if (options.kind === 'xml') {
    const fromProlog = normalizeCharsetLabel(xmlDeclarationCharset(bytes))
    return fromProlog ? { encoding: fromProlog, source: 'xml-declaration' } : null
  }
  const fromMeta = normalizeCharsetLabel(metaCharset(bytes))
  return fromMeta ? { encoding: fromMeta, source: 'meta' } : null
}

function xmlDeclarationCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes, XML_DECLARATION_SCAN_BYTES)
  const match = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/.exec(head)
  return match?.[1] ?? null
}

function metaCharset(bytes: Uint8Array): string | null {
  // Comments may hold stale <meta> tags from an old template: skip them like the HTML prescan.
  const head = latin1(bytes, META_SCAN_BYTES).replace(/<!--[\s\S]*?-->/g, '')
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const text = tag[0]
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(text)
    if (direct && !/\bcontent\s*=/i.test(text)) return direct[1] ?? null
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(text)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|[^\s>]+)/i.exec(text)
      const value = content?.[2] ?? content?.[3] ?? content?.[1] ?? ''
      const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(value)
      if (charset) return charset[1] ?? null
    }
    if (direct) return direct[1] ?? null
  }
  return null
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  // UTF-32 first: its little-endian BOM starts with the UTF-16 one.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00) {
    return { encoding: 'utf-32le', length: 4 }
  }
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { encoding: 'utf-32be', length: 4 }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  return null
}

/** `<` or `<?` written as UTF-16 without a BOM (some Windows tools write it so). */
function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let i = 0
  // Skip UTF-16 whitespace pairs before the first `<`.
  while (i + 1 < bytes.length && i < 64) {
    const a = bytes[i]
    const b = bytes[i + 1]
    if (a === 0x3c && b === 0x00) return 'utf-16le'
    if (a === 0x00 && b === 0x3c) return 'utf-16be'
    if (!((a === 0x00 && isSpace(b)) || (b === 0x00 && isSpace(a)))) return null
    i += 2
  }
  return null
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed ones (overlongs, surrogates, …). */
function utf8Stats(bytes: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0
  let invalid = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let cp: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
      cp = b & 0x1f
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
      cp = b & 0x0f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
      cp = b & 0x07
    } else {
      invalid++
      i++
      continue
    }
    let ok = true
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false
        break
      }
      cp = (cp << 6) | (c & 0x3f)
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multiByte++
      i += need + 1
    } else {
      invalid++
      i++
    }
  }
  return { multiByte, invalid }
}

function latin1(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString(
    'latin1',
  )
}

function finish(bytes: Uint8Array, encoding: string, source: DecodeSource): DecodeResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  // TextDecoder only for UTF-8: Node 20's windows-1252 TextDecoder maps 0x80-0x9F to C1 controls.
  const text =
    encoding === 'utf-8' ? new TextDecoder('utf-8').decode(buffer) : iconv.decode(buffer, encoding)
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, source }
}

export { maybeGunzip, sniffGzip } from './gunzip.js'
