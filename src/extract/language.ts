import { franc } from 'franc-min'
import { articleNodes, firstMeta, ldFirst, type PageSignals } from './page-signals.js'

/** franc-min's ISO 639-3 codes that have an ISO 639-1 code (the rest map to null). */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ckb: 'ku',
  pbu: 'ps',
}

/**
 * Language of the article as ISO 639-1: declared (`<html lang>`, Content-Language, og:locale,
 * JSON-LD `inLanguage`) first, then detected from the text with franc-min, then the source's
 * language from the hints. Detection needs a few sentences; shorter texts fall through.
 *
 * @example
 * normalizeLanguage('de-DE') // 'de'
 */
export function extractLanguage(
  signals: PageSignals,
  text: string,
  sourceLanguage: string | null,
): string | null {
  const declared = [
    signals.htmlLang,
    firstMeta(signals, 'content-language', 'language', 'dc.language', 'og:locale'),
    ldFirst(articleNodes(signals), 'inLanguage'),
  ]
  for (const value of declared) {
    const lang = normalizeLanguage(value)
    if (lang !== null) return lang
  }
  if (text.length >= 200) {
    const detected = franc(text.slice(0, 4000), { minLength: 200 })
    const lang = ISO3_TO_1[detected]
    if (lang) return lang
  }
  return normalizeLanguage(sourceLanguage)
}

/** "de-DE", "en_US", "EN" → "de", "en", "en"; anything not a two/three-letter tag → null. */
export function normalizeLanguage(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(value)
  if (m === null) return null
  const code = m[1]!.toLowerCase()
  if (code.length === 2) return code
  return ISO3_TO_1[code] ?? null
}
