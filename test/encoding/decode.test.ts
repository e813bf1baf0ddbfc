import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  charsetFromContentType,
  decodeBytes,
  maybeGunzip,
  sniffGzip,
} from '../../src/encoding/decode.js'
import { NewshoundError } from '../../src/errors.js'

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/encoding/${name}`, import.meta.url))

describe('decodeBytes over fixture files', () => {
  it.each([
    // file, kind, content-type, expected encoding, source, text that must appear
    ['iso-8859-1.html', 'html', null, 'windows-1252', 'meta', 'Café Müller'],
    ['iso-8859-1-meta-after-1024.html', 'html', null, 'windows-1252', 'meta', 'Straße in Köln'],
    ['utf8-meta-after-1024.html', 'html', null, 'utf-8', 'meta', 'Grüße — “quoted”'],
    ['windows-1252.html', 'html', null, 'windows-1252', 'meta', 'Kosten: 5 €, „Zitat“ – it’s done'],
    [
      'windows-1252-undeclared.html',
      'html',
      null,
      'windows-1252',
      'default',
      '5 € – „billig“, sagt’s',
    ],
    [
      'windows-1252-incorrect-prolog.xml',
      'xml',
      null,
      'utf-8',
      'utf8-valid',
      'Übermorgen – “Neuigkeiten”',
    ],
    [
      'utf8-incorrect-prolog.xml',
      'xml',
      null,
      'windows-1252',
      'detected',
      'Café „Kännchen“ für 3 €',
    ],
    ['koi8r.xml', 'xml', null, 'koi8-r', 'xml-declaration', 'Новости технологий'],
    ['utf16le-bom.xml', 'xml', null, 'utf-16le', 'bom', 'Zwölf Boxkämpfer'],
    [
      'iso-8859-1-umlauts.xml',
      'xml',
      null,
      'windows-1252',
      'xml-declaration',
      'Grüße aus Köln: Straßenbahn fährt öfter',
    ],
    // The HTTP charset beats the document's own declaration.
    ['koi8r.xml', 'xml', 'text/xml; charset=koi8-r', 'koi8-r', 'header', 'Новости технологий'],
    [
      'iso-8859-1.html',
      'html',
      'text/html; charset="ISO-8859-1"',
      'windows-1252',
      'header',
      'Größe: 12 m²',
    ],
    // An unknown label never throws: the next evidence decides.
    [
      'iso-8859-1.html',
      'html',
      'text/html; charset=x-no-such-charset',
      'windows-1252',
      'meta',
      'Café Müller',
    ],
    // A BOM beats a contradicting header.
    [
      'utf16le-bom.xml',
      'xml',
      'text/xml; charset=iso-8859-1',
      'utf-16le',
      'bom',
      'Zwölf Boxkämpfer',
    ],
  ] as const)('%s (%s, %s) → %s via %s', (file, kind, contentType, encoding, source, expected) => {
    const result = decodeBytes(fixture(file), { kind, contentType })
    expect(result.encoding).toBe(encoding)
    expect(result.source).toBe(source)
    expect(result.text).toContain(expected)
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff)
    // No C1 controls: the Node 20 TextDecoder('windows-1252') bug turns € „ “ into these.
    expect(result.text).not.toMatch(/[\u0080-\u009f]/)
  })

  it('ignores a <meta> that sits inside a comment', () => {
    const html = Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="utf-8"><p>ok</p>')
    expect(decodeBytes(html, { kind: 'html' }).source).toBe('meta')
    expect(decodeBytes(html, { kind: 'html' }).encoding).toBe('utf-8')
  })

  it('strips a UTF-8 BOM from the text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss/>')])
    expect(decodeBytes(bytes, { kind: 'xml' })).toEqual({
      text: '<rss/>',
      encoding: 'utf-8',
      source: 'bom',
    })
  })

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeBytes(Buffer.from('<rss/>'), { kind: 'xml' }).source).toBe('utf8-valid')
  })
})

describe('charsetFromContentType', () => {
  it.each([
    ['text/html; charset=UTF-8', 'UTF-8'],
    ['text/xml;charset="iso-8859-1"', 'iso-8859-1'],
    ['application/rss+xml', null],
    [null, null],
  ] as const)('%s → %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected)
  })
})

describe('maybeGunzip', () => {
  const xml = Buffer.from('<rss><channel><title>gz</title></channel></rss>')

  it('gunzips bytes that start with the gzip magic', () => {
    const gz = gzipSync(xml)
    expect(sniffGzip(gz)).toBe(true)
    expect(Buffer.from(maybeGunzip(gz, 1 << 20)).toString()).toBe(xml.toString())
  })

  it('returns other bytes unchanged', () => {
    expect(sniffGzip(xml)).toBe(false)
    expect(maybeGunzip(xml, 10)).toBe(xml)
  })

  it('refuses output over the limit with E_TOO_LARGE', () => {
    const bomb = gzipSync(Buffer.alloc(1 << 20))
    expect(() => maybeGunzip(bomb, 64 * 1024)).toThrowError(
      expect.objectContaining({ code: 'E_TOO_LARGE' }) as unknown as Error,
    )
    try {
      maybeGunzip(bomb, 1024)
    } catch (error) {
      expect(error).toBeInstanceOf(NewshoundError)
    }
  })

  it('reports a corrupt gzip body as E_DECODE', () => {
    const broken = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
      Buffer.alloc(20, 0xff),
    ])
    expect(() => maybeGunzip(broken, 1024)).toThrowError(/does not gunzip/)
  })
})

describe('decodeBytes with generated bytes', () => {
  it('tells a UTF-32LE BOM from a UTF-16LE one', () => {
    const text = '<rss><channel><title>Zwölf</title></channel></rss>'
    const utf32 = Buffer.alloc(4 + text.length * 4)
    utf32.set([0xff, 0xfe, 0x00, 0x00])
    for (const [i, ch] of Array.from(text).entries()) {
      utf32.writeUInt32LE(ch.codePointAt(0) ?? 0, 4 + i * 4)
    }
    expect(decodeBytes(utf32, { kind: 'xml' })).toMatchObject({
      encoding: 'utf-32le',
      source: 'bom',
      text,
    })
  })

  it('keeps UTF-8 with one truncated character as UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<p>Grüße, Öl, Äpfel</p>'), Buffer.from([0xc3])])
    expect(decodeBytes(bytes, { kind: 'html' })).toMatchObject({
      encoding: 'utf-8',
      source: 'detected',
    })
  })

  it('detects BOM-less UTF-16 from the byte pattern of "<"', () => {
    const bytes = Buffer.from('<rss><channel><title>x</title></channel></rss>', 'utf16le')
    expect(decodeBytes(bytes, { kind: 'xml' })).toMatchObject({
      encoding: 'utf-16le',
      source: 'detected',
    })
  })
})

describe('maybeGunzip on a truncated download', () => {
  it('returns the part that arrived', () => {
    const text = `<rss><channel>${'<item><title>t</title></item>'.repeat(2000)}`
    const gz = gzipSync(Buffer.from(text))
    const partial = Buffer.from(
      maybeGunzip(gz.subarray(0, Math.floor(gz.length / 2)), 1 << 20),
    ).toString()
    expect(partial.length).toBeGreaterThan(0)
    expect(text.startsWith(partial)).toBe(true)
  })
})
