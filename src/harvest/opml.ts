/**
 * OPML import and export for source lists (`newshound sources import feeds.opml`, `sources export`).
 *
 * Import reads what feed readers export (Feedly, Inoreader, Miniflux, NetNewsWire: folders of
 * `<outline type="rss" xmlUrl htmlUrl text title>`) and what {@link writeOpml} writes. Newshound's
 * own settings live in attributes of the `newshound` namespace, the way Miniflux keeps its
 * settings out of the standard attributes, so a reader that does not know them ignores them:
 *
 * | attribute                           | SourceDefinition field                | fallback                     |
 * |-------------------------------------|---------------------------------------|------------------------------|
 * | `newshound:id`                      | `id`                                  | slug of the name, made unique |
 * | `text` (then `title`)               | `name`                                | `title`, then the feed host  |
 * | `xmlUrl`                            | one entry of `feeds`                  | —                            |
 * | `htmlUrl`                           | `homepage`                            | origin of `xmlUrl`           |
 * | `newshound:language`, `language`    | `language` (primary subtag, "de-DE" → "de") | `'en'`                 |
 * | `newshound:schedule`                | `schedule`                            | {@link DEFAULT_OPML_SCHEDULE} |
 * | `newshound:sitemaps`                | `sitemaps` (space-separated URLs)     | none                         |
 * | `newshound:delayMs`, `newshound:maxConcurrencyPerHost`, `newshound:respectRobotsTxt` | `politeness` | none |
 * | `newshound:local`                   | `local` (only with `allowLocal`)      | none                         |
 * | enclosing folders, `category`       | `tags` (slugs, folders first)         | none                         |
 *
 * Decisions:
 * - **Several outlines, one source.** Outlines that carry the same `newshound:id` are one source
 *   (that is how {@link writeOpml} writes a source with several feeds: one outline per feed, so a
 *   feed reader importing the file still sees every feed). Outlines without `newshound:id` are
 *   merged when their `htmlUrl` is the same page (scheme, `www.` and trailing slash ignored): a
 *   reader export of "heise online" and "heise online – Top News" that both point to
 *   https://www.heise.de/ becomes one source with two feeds, polled under one politeness budget.
 *   Outlines on the same host but with different `htmlUrl`s stay separate sources (a site's
 *   section feeds are often curated as separate subscriptions). The first outline of a group sets
 *   name, language, schedule and politeness; later ones add feeds, sitemaps and tags.
 * - **Errors, not exceptions.** An outline that cannot become (part of) a source is reported in
 *   `errors` with the reason and the rest of the file is imported. Folders without children and
 *   without any feed attribute (empty folders in reader exports) are skipped silently. Only a
 *   document that is not OPML at all throws `NewshoundError('E_USAGE')`.
 * - **No entity expansion.** The XML is parsed with entity processing off; only the five
 *   predefined entities and numeric character references are decoded. Entities declared in a DTD
 *   stay literal text (`&xxe;`), so an OPML file can neither read files nor blow up memory.
 * - **`local` is refused by default.** `newshound:local="true"` lets the crawler reach loopback
 *   and private addresses; honouring it from a downloaded OPML file would be an SSRF switch. It is
 *   only accepted with `{ allowLocal: true }` (the demo and tests); otherwise the outline is an error.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { NewshoundError } from '../errors.js'
import type { SourceDefinition, SourcePoliteness } from '../sources.js'
import { defineSource } from '../sources.js'

/** Namespace URI of newshound's own outline attributes. */
export const OPML_NAMESPACE = 'https://github.com/newshound/newshound/opml'
/** Schedule given to imported outlines that do not carry `newshound:schedule`. */
export const DEFAULT_OPML_SCHEDULE = '*/30 * * * *'
/** Language given to imported outlines that carry neither `newshound:language` nor `language`. */
export const DEFAULT_OPML_LANGUAGE = 'en'

export interface OpmlOutlineError {
  /** Where the outline sits and what it is called: "Tech / AI / Some Feed". */
  readonly outline: string
  readonly reason: string
}

export interface OpmlImport {
  /** `<head><title>`, or null when the file has none. */
  readonly title: string | null
  /** Validated, frozen definitions (the same shape crawlers/*.ts produce). */
  readonly sources: readonly SourceDefinition[]
  readonly errors: readonly OpmlOutlineError[]
}

export interface ParseOpmlOptions {
  /** Honour `newshound:local="true"` (default false: such outlines are reported as errors). */
  readonly allowLocal?: boolean
}

interface PositionedError extends OpmlOutlineError {
  readonly position: number
}

type Attributes = Readonly<Record<string, string>>

interface OutlineNode {
  readonly attributes: Attributes
  readonly children: readonly OutlineNode[]
}

/** One feed-bearing outline, read but not yet merged into a source. */
interface OutlineEntry {
  /** Position of the outline in the document, so errors can be reported in reading order. */
  readonly position: number
  readonly label: string
  readonly key: string
  readonly explicitId: string | null
  readonly name: string | null
  readonly homepage: string
  readonly language: string
  readonly schedule: string
  readonly feed: string | null
  readonly sitemaps: readonly string[]
  readonly politeness: SourcePoliteness | null
  /** null when the outline has no `newshound:local` attribute. */
  readonly local: boolean | null
  readonly tags: readonly string[]
}

const ATTRIBUTES_KEY = '@'
const ID_MAX_LENGTH = 63

/**
 * Reads an OPML document into source definitions.
 *
 * @example
 * const { sources, errors } = parseOpml(readFileSync('feeds.opml', 'utf8'))
 * for (const e of errors) log.warn(e, 'opml outline skipped')
 */
export function parseOpml(xml: string, options: ParseOpmlOptions = {}): OpmlImport {
  const root = readOpmlRoot(xml)
  const prefix = namespacePrefix(root.attributes)
  const head = asRecord(root.element['head'])
  const title = head === null ? null : textOf(head['title'])
  const body = asRecord(root.element['body'])
  const outlines = body === null ? [] : toOutlineNodes(body['outline'])

  const errors: PositionedError[] = []
  const entries: OutlineEntry[] = []
  let position = 0
  const visit = (nodes: readonly OutlineNode[], folders: readonly string[]): void => {
    for (const node of nodes) {
      position++
      const label = [...folders, outlineName(node.attributes) ?? '(untitled outline)'].join(' / ')
      if (node.children.length > 0 && !isFeedOutline(node.attributes, prefix)) {
        visit(node.children, [...folders, outlineName(node.attributes) ?? ''].filter(Boolean))
        continue
      }
      if (!isFeedOutline(node.attributes, prefix)) {
        if (hasOnlyFolderAttributes(node.attributes)) continue // empty folder in a reader export
        errors.push({ position, outline: label, reason: 'outline has no xmlUrl (not a feed)' })
        continue
      }
      const result = readEntry(node.attributes, prefix, folders, label, position, options)
      if (typeof result === 'string') errors.push({ position, outline: label, reason: result })
      else entries.push(result)
      // A feed outline with children (rare, some readers nest "related" feeds): read them too.
      if (node.children.length > 0) visit(node.children, folders)
    }
  }
  visit(outlines, [])

  const sources = mergeEntries(entries, errors)
  errors.sort((a, b) => a.position - b.position)
  return { title, sources, errors: errors.map(({ outline, reason }) => ({ outline, reason })) }
}

/**
 * Writes sources as OPML 2.0: one folder per first tag, one `type="rss"` outline per feed (a
 * sitemap-only source gets one outline without `xmlUrl`), every outline carrying the source's
 * `newshound:*` attributes so that {@link parseOpml} gives the same definitions back. Output is
 * deterministic (no dateCreated), so exports diff cleanly.
 *
 * @example
 * writeFileSync('newshound.opml', writeOpml(sources, 'newshound sources'))
 */
export function writeOpml(
  sources: readonly SourceDefinition[],
  title = 'newshound sources',
): string {
  const folders = new Map<string, SourceDefinition[]>()
  for (const source of sources) {
    const folder = source.tags?.[0] ?? ''
    const list = folders.get(folder) ?? []
    list.push(source)
    folders.set(folder, list)
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:newshound="${escapeXml(OPML_NAMESPACE)}">`,
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    '  </head>',
    '  <body>',
  ]
  for (const [folder, members] of folders) {
    const indent = folder === '' ? '    ' : '      '
    if (folder !== '') {
      lines.push(`    <outline text="${escapeXml(folder)}" title="${escapeXml(folder)}">`)
    }
    for (const source of members) {
      for (const outline of sourceOutlines(source)) lines.push(`${indent}${outline}`)
    }
    if (folder !== '') lines.push('    </outline>')
  }
  lines.push('  </body>', '</opml>', '')
  return lines.join('\n')
}

function sourceOutlines(source: SourceDefinition): string[] {
  const shared: [string, string][] = [
    ['text', source.name],
    ['title', source.name],
  ]
  const own: [string, string][] = [
    ['htmlUrl', source.homepage],
    ['language', source.language],
  ]
  if (source.tags !== undefined && source.tags.length > 0)
    own.push(['category', source.tags.join(',')])
  own.push(
    ['newshound:id', source.id],
    ['newshound:language', source.language],
    ['newshound:schedule', source.schedule],
  )
  if (source.sitemaps !== undefined && source.sitemaps.length > 0) {
    own.push(['newshound:sitemaps', source.sitemaps.join(' ')])
  }
  const politeness = source.politeness
  if (politeness?.delayMs !== undefined) own.push(['newshound:delayMs', String(politeness.delayMs)])
  if (politeness?.maxConcurrencyPerHost !== undefined) {
    own.push(['newshound:maxConcurrencyPerHost', String(politeness.maxConcurrencyPerHost)])
  }
  if (politeness?.respectRobotsTxt !== undefined) {
    own.push(['newshound:respectRobotsTxt', String(politeness.respectRobotsTxt)])
  }
  if (source.local !== undefined) own.push(['newshound:local', String(source.local)])

  const render = (attributes: readonly [string, string][]): string =>
    `<outline ${attributes.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ')}/>`
  if (source.feeds.length === 0) return [render([...shared, ...own])]
  return source.feeds.map((feed) => render([['type', 'rss'], ...shared, ['xmlUrl', feed], ...own]))
}

// ---------------------------------------------------------------------------------------------
// reading

interface OpmlRoot {
  readonly element: Record<string, unknown>
  readonly attributes: Attributes
}

function readOpmlRoot(xml: string): OpmlRoot {
  const text = xml.replace(/^\uFEFF/, '')
  const validation = XMLValidator.validate(text)
  if (validation !== true) {
    const { msg, line, col } = validation.err
    throw new NewshoundError('E_USAGE', `not an OPML file: invalid XML at ${line}:${col}: ${msg}`)
  }
  let document: unknown
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      attributesGroupName: ATTRIBUTES_KEY,
      // Never expand entities: DTD-declared ones stay literal; decodeXml handles the predefined.
      processEntities: false,
      parseAttributeValue: false,
      parseTagValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      trimValues: true,
      isArray: (name) => name === 'outline',
    }).parse(text)
  } catch (error) {
    throw new NewshoundError('E_USAGE', `not an OPML file: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const top = asRecord(document) ?? {}
  const element = asRecord(top['opml'])
  if (element === null) {
    const found = Object.keys(top).find((key) => !key.startsWith('?') && !key.startsWith('!'))
    throw new NewshoundError(
      'E_USAGE',
      `not an OPML file: root element is <${found ?? 'none'}>, expected <opml>`,
    )
  }
  if (!('body' in element)) {
    throw new NewshoundError('E_USAGE', 'not an OPML file: <opml> has no <body>')
  }
  return { element, attributes: attributesOf(element) }
}

/** The prefix bound to {@link OPML_NAMESPACE} on <opml> ("newshound:" when undeclared). */
function namespacePrefix(attributes: Attributes): string {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('xmlns:') && value === OPML_NAMESPACE) return `${name.slice(6)}:`
  }
  return 'newshound:'
}

function toOutlineNodes(value: unknown): OutlineNode[] {
  if (!Array.isArray(value)) return []
  const nodes: OutlineNode[] = []
  for (const item of value) {
    // `<outline>text</outline>` parses to a string; it has no attributes and no children.
    const record = asRecord(item) ?? {}
    nodes.push({ attributes: attributesOf(record), children: toOutlineNodes(record['outline']) })
  }
  return nodes
}

function attributesOf(element: Record<string, unknown>): Attributes {
  const raw = asRecord(element[ATTRIBUTES_KEY])
  // No prototype: an attribute called "__proto__" or "constructor" is just a key here.
  const attributes: Record<string, string> = Object.create(null)
  if (raw === null) return attributes
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') attributes[name] = decodeXml(value)
  }
  return attributes
}

/** Standard attributes are looked up case-insensitively: old exporters write `xmlurl`, `htmlURL`. */
function standard(attributes: Attributes, name: string): string | null {
  const exact = attributes[name]
  if (exact !== undefined) return nonEmpty(exact)
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(attributes)) {
    if (key.toLowerCase() === lower) return nonEmpty(value)
  }
  return null
}

function own(attributes: Attributes, prefix: string, name: string): string | null {
  const value = attributes[`${prefix}${name}`]
  return value === undefined ? null : nonEmpty(value)
}

function outlineName(attributes: Attributes): string | null {
  return standard(attributes, 'text') ?? standard(attributes, 'title')
}

function isFeedOutline(attributes: Attributes, prefix: string): boolean {
  const type = standard(attributes, 'type')?.toLowerCase()
  return (
    standard(attributes, 'xmlUrl') !== null ||
    type === 'rss' ||
    type === 'atom' ||
    own(attributes, prefix, 'id') !== null ||
    own(attributes, prefix, 'sitemaps') !== null
  )
}

function hasOnlyFolderAttributes(attributes: Attributes): boolean {
  return Object.keys(attributes).every((name) =>
    ['text', 'title', 'description', 'category', 'isopen', 'isclosed'].includes(name.toLowerCase()),
  )
}

function readEntry(
  attributes: Attributes,
  prefix: string,
  folders: readonly string[],
  label: string,
  position: number,
  options: ParseOpmlOptions,
): OutlineEntry | string {
  const feed = standard(attributes, 'xmlUrl')
  if (feed !== null) {
    const problem = checkHttpUrl(feed)
    if (problem !== null) return `xmlUrl ${problem}: ${feed}`
  }
  const sitemaps = (own(attributes, prefix, 'sitemaps') ?? '').split(/\s+/).filter(Boolean)
  for (const sitemap of sitemaps) {
    const problem = checkHttpUrl(sitemap)
    if (problem !== null) return `${prefix}sitemaps entry ${problem}: ${sitemap}`
  }
  if (feed === null && sitemaps.length === 0) {
    return 'outline has no xmlUrl and no sitemaps'
  }

  const htmlUrl = standard(attributes, 'htmlUrl')
  let homepage: string
  if (htmlUrl !== null && checkHttpUrl(htmlUrl) === null) {
    homepage = htmlUrl
  } else if (htmlUrl !== null) {
    return `htmlUrl ${checkHttpUrl(htmlUrl)}: ${htmlUrl}`
  } else {
    // Feed readers often leave htmlUrl out; the feed's site is the best guess we have.
    homepage = `${new URL(feed ?? sitemaps[0] ?? '').origin}/`
  }

  const politeness = readPoliteness(attributes, prefix)
  if (typeof politeness === 'string') return politeness

  const localValue = own(attributes, prefix, 'local')
  const local = localValue === null ? null : parseBoolean(localValue)
  if (localValue !== null && local === null) {
    return `${prefix}local must be true or false, got ${JSON.stringify(localValue)}`
  }
  if (local === true && options.allowLocal !== true) {
    return `${prefix}local="true" is refused on import (it lets the crawler reach private addresses)`
  }

  const languageValue =
    own(attributes, prefix, 'language') ?? standard(attributes, 'language') ?? DEFAULT_OPML_LANGUAGE
  const explicitId = own(attributes, prefix, 'id')
  const tags = [
    ...folders,
    ...(standard(attributes, 'category') ?? '').split(',').flatMap((path) => path.split('/')),
  ]
    .map(slugifyTag)
    .filter(Boolean)

  return {
    position,
    label,
    key: explicitId !== null ? `id:${explicitId}` : `page:${pageKey(homepage)}`,
    explicitId,
    name: outlineName(attributes),
    homepage,
    language: languageValue.toLowerCase().split(/[-_]/)[0] ?? '',
    schedule: own(attributes, prefix, 'schedule') ?? DEFAULT_OPML_SCHEDULE,
    feed,
    sitemaps,
    politeness,
    local,
    tags,
  }
}

function readPoliteness(attributes: Attributes, prefix: string): SourcePoliteness | null | string {
  const politeness: {
    delayMs?: number
    maxConcurrencyPerHost?: number
    respectRobotsTxt?: boolean
  } = {}
  const delay = own(attributes, prefix, 'delayMs')
  if (delay !== null) {
    if (!/^\d{1,7}$/.test(delay))
      return `${prefix}delayMs must be a whole number of ms, got ${delay}`
    politeness.delayMs = Number(delay)
  }
  const concurrency = own(attributes, prefix, 'maxConcurrencyPerHost')
  if (concurrency !== null) {
    if (!/^[1-9]\d{0,2}$/.test(concurrency)) {
      return `${prefix}maxConcurrencyPerHost must be a positive whole number, got ${concurrency}`
    }
    politeness.maxConcurrencyPerHost = Number(concurrency)
  }
  const robots = own(attributes, prefix, 'respectRobotsTxt')
  if (robots !== null) {
    const value = parseBoolean(robots)
    if (value === null) return `${prefix}respectRobotsTxt must be true or false, got ${robots}`
    politeness.respectRobotsTxt = value
  }
  return Object.keys(politeness).length === 0 ? null : politeness
}

/**
 * Groups entries into sources (see the module comment for the rules), derives missing ids and
 * validates each result with defineSource; a source that fails validation becomes one error
 * naming its first outline.
 */
function mergeEntries(
  entries: readonly OutlineEntry[],
  errors: PositionedError[],
): SourceDefinition[] {
  const groups = new Map<string, OutlineEntry[]>()
  for (const entry of entries) {
    const group = groups.get(entry.key)
    if (group === undefined) groups.set(entry.key, [entry])
    else group.push(entry)
  }

  // Explicit ids are reserved first so a derived id never takes one a later outline asks for.
  const used = new Set(
    entries.flatMap((entry) => (entry.explicitId === null ? [] : [entry.explicitId])),
  )
  const sources: SourceDefinition[] = []
  for (const group of groups.values()) {
    const first = group[0]
    if (first === undefined) continue
    const name = first.name ?? new URL(first.homepage).hostname
    const id =
      first.explicitId ??
      uniqueId(slugifyId(name) || slugifyId(new URL(first.homepage).hostname), used)
    const feeds = unique(group.flatMap((entry) => (entry.feed === null ? [] : [entry.feed])))
    const sitemaps = unique(group.flatMap((entry) => entry.sitemaps))
    const tags = unique(group.flatMap((entry) => entry.tags))
    const definition: {
      -readonly [K in keyof SourceDefinition]: SourceDefinition[K]
    } = {
      id,
      name,
      homepage: first.homepage,
      language: first.language,
      feeds,
      schedule: first.schedule,
    }
    if (sitemaps.length > 0) definition.sitemaps = sitemaps
    if (first.politeness !== null) definition.politeness = first.politeness
    if (first.local !== null) definition.local = first.local
    if (tags.length > 0) definition.tags = tags
    try {
      sources.push(defineSource(definition))
    } catch (error) {
      errors.push({
        position: first.position,
        outline: first.label,
        reason: (error as Error).message,
      })
    }
  }
  return sources
}

function uniqueId(base: string, used: Set<string>): string {
  const stem = base || 'source'
  let candidate = stem
  for (let n = 2; used.has(candidate); n++) {
    const suffix = `-${n}`
    candidate = `${stem.slice(0, ID_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
  }
  used.add(candidate)
  return candidate
}

const GERMAN_LETTERS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/** "Golem.de – IT-News für Profis" → "golem-de-it-news-fuer-profis" (the SourceDefinition id rule). */
function slugifyId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, ID_MAX_LENGTH)
    .replace(/-+$/, '')
}

/** Folder and category names as tags: lower case, words joined by dashes, letters kept ("KI & Daten" → "ki-daten"). */
function slugifyTag(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** Same page regardless of scheme, "www.", trailing slash and fragment. */
function pageKey(url: string): string {
  const parsed = new URL(url)
  const host = parsed.hostname.replace(/^www\./, '')
  return `${host}${parsed.port === '' ? '' : `:${parsed.port}`}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`
}

function checkHttpUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not a URL'
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be http(s)'
}

function parseBoolean(value: string): boolean | null {
  const lower = value.toLowerCase()
  if (lower === 'true') return true
  if (lower === 'false') return false
  return null
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function nonEmpty(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** Text content of a parsed element (`<title>x</title>` or `<title lang="en">x</title>`). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return nonEmpty(decodeXml(value))
  const record = asRecord(value)
  const text = record?.['#text']
  return typeof text === 'string' ? nonEmpty(decodeXml(text)) : null
}

// ---------------------------------------------------------------------------------------------
// XML text

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

/**
 * Decodes the five predefined entities and numeric character references. Anything else
 * (`&xxe;` declared in a DTD, HTML's `&nbsp;`) is left as written: never expanded.
 */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole
    }
    return PREDEFINED_ENTITIES[ref] ?? whole
  })
}

/**
 * Escapes text for element content and double-quoted attributes. Tabs and line breaks become
 * character references so attribute-value normalization does not turn them into spaces; other
 * control characters are not allowed in XML 1.0 at all and are dropped.
 */
function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

/** XML 1.0 allows tab, LF, CR and everything from U+0020 up, except U+FFFE and U+FFFF. */
function stripInvalidXmlChars(text: string): string {
  let result = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
    if (allowed) result += char
  }
  return result
}
