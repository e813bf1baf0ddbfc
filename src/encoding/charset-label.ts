import iconv from 'iconv-lite'

/**
 * Maps a charset label as servers and documents write it to a name iconv-lite decodes, following
 * the WHATWG Encoding Standard where it differs from the IANA registry; null when nobody knows it.
 */
export function normalizeCharsetLabel(label: string | null | undefined): string | null {
  if (!label) return null
  const key = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase()
  if (!key) return null
  const mapped = WHATWG_ALIASES.get(key)
  if (mapped) return mapped
  return iconv.encodingExists(key) ? key : null
}

/** True for charsets where one byte is one character, so valid UTF-8 multi-byte runs are a tell. */
export function isSingleByteCharset(name: string): boolean {
  return SINGLE_BYTE.test(name)
}

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|ibm866|windows-874)$/

// WHATWG: every Latin-1 and ASCII label means windows-1252 (servers say iso-8859-1 and send
// € “ ” from Word); gb2312 means GBK; euc-kr means windows-949; utf-16 without BOM means LE.
const WHATWG_ALIASES = new Map<string, string>([
  ...[
    'iso-8859-1',
    'iso8859-1',
    'iso_8859-1',
    'iso-8859-1:1987',
    'iso88591',
    'latin1',
    'l1',
    'us-ascii',
    'ascii',
    'ansi_x3.4-1968',
    'cp1252',
    'x-cp1252',
    'windows-1252',
    'cp819',
    'ibm819',
    'iso-ir-100',
    'csisolatin1',
  ].map((label) => [label, 'windows-1252'] as const),
  ...['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'].map(
    (label) => [label, 'utf-8'] as const,
  ),
  ...['gb2312', 'gbk', 'x-gbk', 'csgb2312', 'chinese', 'gb_2312-80', 'iso-ir-58'].map(
    (label) => [label, 'gbk'] as const,
  ),
  ...['euc-kr', 'ks_c_5601-1987', 'windows-949', 'cseuckr', 'korean'].map(
    (label) => [label, 'cp949'] as const,
  ),
  ...['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'windows-31j', 'csshiftjis'].map(
    (label) => [label, 'shift_jis'] as const,
  ),
  ...['utf-16', 'utf-16le', 'unicode', 'ucs-2', 'unicodefeff'].map(
    (label) => [label, 'utf-16le'] as const,
  ),
  ['utf-16be', 'utf-16be'],
  ['koi8-r', 'koi8-r'],
  ['koi8r', 'koi8-r'],
  ['koi8', 'koi8-r'],
  ['koi8-u', 'koi8-u'],
  ['iso-8859-15', 'iso-8859-15'],
  ['latin9', 'iso-8859-15'],
  ['x-mac-roman', 'macintosh'],
  ['mac', 'macintosh'],
])
