import {
  BOILERPLATE_LINE,
  BOILERPLATE_PHRASE,
  classAndId,
  FURNITURE_TAGS,
  isHidden,
  JUNK_TAGS,
  MAYBE,
  NEGATIVE,
  POSITIVE,
  UNLIKELY,
} from './boilerplate.js'
import type { HtmlElement } from './parse-html.js'

/** Optional evidence from the page's own metadata that helps locate the body. */
export interface MainTextOptions {
  /** JSON-LD `articleBody`, when the page ships one. */
  readonly articleBody?: string | null
  /** The article title, so a repeated headline is not taken for body text. */
  readonly title?: string | null
}

/** Tags that end a line of text (the output keeps one block per line). */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'header',
  'footer',
  'aside',
  'address',
  'hr',
  'br',
  'center',
  'details',
  'summary',
  'form',
  'fieldset',
  'body',
  'html',
  '#root',
  'caption',
  'nav',
])

/** Blocks that contain other blocks; a div without these children scores like a paragraph. */
const DIV_TO_P_BLOCKERS = new Set([
  'div',
  'p',
  'section',
  'article',
  'table',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'form',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'select',
])

/** Containers that are checked as a whole before their text is kept (Readability's cleanConditionally). */
const CONDITIONAL_TAGS = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'table',
  'aside',
  'form',
  'figure',
  'dl',
  'header',
  'footer',
  'span',
  'center',
])

interface Stats {
  text: number
  links: number
  commas: number
  paragraphs: number
  lis: number
  inputs: number
  headings: number
  /** Text in paragraphs that read like prose (long enough, few links). */
  good: number
}

interface LooseRun {
  readonly el: HtmlElement
  readonly text: number
  readonly commas: number
}

interface StatsContext {
  readonly junk: Set<HtmlElement>
  readonly stats: Map<HtmlElement, Stats>
  readonly looseRuns: LooseRun[]
}

/** Containers whose bare text (no <p>) is scored as paragraphs; lists and cells are not. */
const LOOSE_TEXT_HOSTS = new Set([
  'div',
  'section',
  'article',
  'main',
  'body',
  'center',
  'font',
  'blockquote',
])

/** Length from which a low-link paragraph counts as prose when comparing containers. */
const GOOD_PARAGRAPH = 60

interface Context extends StatsContext {
  readonly scores: Map<HtmlElement, number>
  /** Content credit alone (score without the tag and class-name prior). */
  readonly credits: Map<HtmlElement, number>
  readonly bodyEvidence: BodyEvidence | null
}

/**
 * Finds the main article text of a page and returns it as blocks separated by "\n".
 *
 * Readability's idea (score paragraphs, credit their ancestors, pick the best container, merge
 * similar siblings) with stricter cleaning: hidden elements, furniture tags, boilerplate
 * class names, link-heavy lists and boilerplate lines are dropped. When the page ships a JSON-LD
 * `articleBody`, paragraphs it contains are credited more, which steers the choice of container
 * without trusting the (often truncated or teaser-only) JSON text itself.
 *
 * @example
 * extractMainText(parseHtml(html), { articleBody: null, title: 'Acme hires a CFO' })
 */
export function extractMainText(root: HtmlElement, options: MainTextOptions = {}): string {
  const bodyEvidence = makeBodyEvidence(options.articleBody ?? null)
  // First with unlikely-candidate stripping, then without (Readability's retry), so pages whose
  // whole layout is named "content-sidebar" still yield something.
  let best = ''
  for (const stripUnlikely of [true, false]) {
    const text = extractOnce(root, stripUnlikely, bodyEvidence, options.title ?? null)
    if (text.length > best.length) best = text
    if (best.length >= 250) break
  }
  return best
}

function extractOnce(
  root: HtmlElement,
  stripUnlikely: boolean,
  bodyEvidence: BodyEvidence | null,
  title: string | null,
): string {
  const junk = new Set<HtmlElement>()
  markJunk(root, junk, stripUnlikely)
  const ctx: Context = {
    junk,
    stats: new Map(),
    looseRuns: [],
    scores: new Map(),
    credits: new Map(),
    bodyEvidence,
  }
  computeStats(root, ctx)
  scoreParagraphs(root, ctx)
  const top = pickTopCandidate(root, ctx)
  if (top === null) return ''
  const nodes = collectSiblings(top, ctx)
  const lines: string[] = []
  for (const node of nodes) renderBlock(node, ctx, lines, true)
  return postFilter(lines, title).join('\n')
}

function markJunk(el: HtmlElement, junk: Set<HtmlElement>, stripUnlikely: boolean): void {
  for (const child of el.children) {
    if (child.kind !== 'element') continue
    const tag = child.tag
    if (JUNK_TAGS.has(tag) || isHidden(child)) {
      junk.add(child)
      continue
    }
    if (stripUnlikely && tag !== 'body' && tag !== 'article' && tag !== 'main' && tag !== 'a') {
      const ci = classAndId(child)
      const role = child.attrs['role']
      if (
        role === 'navigation' ||
        role === 'complementary' ||
        role === 'dialog' ||
        role === 'alert'
      ) {
        junk.add(child)
        continue
      }
      if (
        ci !== '' &&
        UNLIKELY.test(ci) &&
        !MAYBE.test(ci) &&
        child.attrs['itemprop'] !== 'articleBody'
      ) {
        junk.add(child)
        continue
      }
    }
    markJunk(child, junk, stripUnlikely)
  }
}

function computeStats(el: HtmlElement, ctx: StatsContext): Stats {
  const s: Stats = {
    text: 0,
    links: 0,
    commas: 0,
    paragraphs: 0,
    lis: 0,
    inputs: 0,
    headings: 0,
    good: 0,
  }
  // A run of text and inline elements between blocks: a paragraph without <p> (Blogger-style
  // `text<br><br>text` bodies). Scored like a paragraph of its parent, as Readability does.
  let runText = 0
  let runLinks = 0
  let runCommas = 0
  const endRun = (): void => {
    if (runText >= 25 && runLinks / runText < 0.5)
      ctx.looseRuns.push({ el, text: runText, commas: runCommas })
    if (runText >= GOOD_PARAGRAPH && runLinks / runText < 0.3) s.good += runText
    runText = 0
    runLinks = 0
    runCommas = 0
  }
  for (const child of el.children) {
    if (child.kind === 'text') {
      const t = child.text
      const len = visibleLength(t)
      let commas = 0
      for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 44) commas++
      s.text += len
      s.commas += commas
      runText += len
      runCommas += commas
      continue
    }
    if (ctx.junk.has(child)) {
      if (child.tag === 'input') s.inputs++
      continue
    }
    const c = computeStats(child, ctx)
    const childLinks = child.tag === 'a' ? c.text : c.links
    s.text += c.text
    s.links += childLinks
    s.commas += c.commas
    s.paragraphs += c.paragraphs + (child.tag === 'p' && c.text > 0 ? 1 : 0)
    s.lis += c.lis + (child.tag === 'li' ? 1 : 0)
    s.inputs += c.inputs
    s.headings += c.headings + (/^h[2-6]$/.test(child.tag) ? 1 : 0)
    if (BLOCK_TAGS.has(child.tag)) {
      endRun()
      s.good += c.good
    } else {
      runText += c.text
      runLinks += childLinks
      runCommas += c.commas
    }
  }
  if (isParagraphLike(el)) {
    runText = 0
    s.good = s.text >= GOOD_PARAGRAPH && s.links / s.text < 0.3 ? s.text : s.good
  } else endRun()
  ctx.stats.set(el, s)
  return s
}

/** Character count with whitespace runs counted as one. */
function visibleLength(t: string): number {
  let n = 0
  let space = true
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160
    if (isSpace) {
      if (!space) n++
      space = true
    } else {
      n++
      space = false
    }
  }
  return n
}

function classWeight(el: HtmlElement): number {
  const ci = classAndId(el)
  if (ci === '') return 0
  // Embedded tweets/posts are quoted material of the story ("social-media-embed" would read as
  // both social and media).
  if (/tweet|embed/i.test(ci)) return 0
  let w = 0
  const cls = el.attrs['class'] ?? ''
  const id = el.attrs['id'] ?? ''
  if (cls !== '') {
    if (NEGATIVE.test(cls)) w -= 25
    if (POSITIVE.test(cls)) w += 25
  }
  if (id !== '') {
    if (NEGATIVE.test(id)) w -= 25
    if (POSITIVE.test(id)) w += 25
  }
  if (el.attrs['itemprop'] === 'articleBody') w += 50
  return w
}

function baseScore(el: HtmlElement): number {
  let s = 0
  switch (el.tag) {
    case 'div':
    case 'article':
    case 'main':
      s = 5
      break
    case 'pre':
    case 'td':
    case 'blockquote':
      s = 3
      break
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      s = -3
      break
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      s = -5
      break
  }
  return s + classWeight(el)
}

function isParagraphLike(el: HtmlElement): boolean {
  const tag = el.tag
  if (tag === 'p' || tag === 'pre' || tag === 'td') return true
  if (
    tag === 'div' ||
    tag === 'section' ||
    tag === 'span' ||
    tag === 'font' ||
    tag === 'blockquote'
  ) {
    for (const child of el.children) {
      if (child.kind === 'element' && DIV_TO_P_BLOCKERS.has(child.tag)) return false
    }
    return tag !== 'span' || el.parent?.tag !== 'p'
  }
  return false
}

function scoreParagraphs(root: HtmlElement, ctx: Context): void {
  const stack: HtmlElement[] = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    for (const child of el.children) {
      if (child.kind === 'element' && !ctx.junk.has(child)) stack.push(child)
    }
    if (!isParagraphLike(el)) continue
    const s = ctx.stats.get(el)
    if (s === undefined || s.text < 25) continue
    let score = 1 + s.commas + Math.min(Math.floor(s.text / 100), 3)
    if (ctx.bodyEvidence !== null) score *= ctx.bodyEvidence.weight(el)
    credit(el.parent, score, ctx)
  }
  for (const run of ctx.looseRuns) {
    if (!LOOSE_TEXT_HOSTS.has(run.el.tag) || isParagraphLike(run.el) || ctx.junk.has(run.el))
      continue
    credit(run.el, 1 + run.commas + Math.min(Math.floor(run.text / 100), 3), ctx)
  }
}

/** Adds a paragraph's score to its container and, diminishing, to four more ancestors. */
function credit(first: HtmlElement | null, score: number, ctx: Context): void {
  let ancestor = first
  for (let level = 0; ancestor !== null && ancestor.tag !== '#root' && level < 5; level++) {
    const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
    const current = ctx.scores.get(ancestor) ?? baseScore(ancestor)
    ctx.scores.set(ancestor, current + score / divider)
    ctx.credits.set(ancestor, (ctx.credits.get(ancestor) ?? 0) + score / divider)
    ancestor = ancestor.parent
  }
}

function linkDensity(el: HtmlElement, ctx: Context): number {
  const s = ctx.stats.get(el)
  if (s === undefined || s.text === 0) return 0
  return s.links / s.text
}

function pickTopCandidate(root: HtmlElement, ctx: Context): HtmlElement | null {
  const ranked: Array<[HtmlElement, number]> = []
  let maxCredit = 0
  for (const c of ctx.credits.values()) maxCredit = Math.max(maxCredit, c)
  for (const [el, raw] of ctx.scores) {
    const score = raw * (1 - linkDensity(el, ctx))
    ctx.scores.set(el, score)
    // A class name like id="page" alone must not make a barely-credited wrapper win.
    if ((ctx.credits.get(el) ?? 0) >= 0.2 * maxCredit) ranked.push([el, score])
  }
  ranked.sort((a, b) => b[1] - a[1])
  const first = ranked[0]
  if (first === undefined) return findBody(root)
  let top = first[0]
  const topScore = first[1]

  // Several strong candidates under one ancestor: the article is split into sections.
  const strong = ranked
    .slice(1, 5)
    .filter(([, s]) => s / topScore >= 0.75)
    .map(([el]) => el)
  if (strong.length >= 2) {
    for (
      let parent = top.parent;
      parent !== null && parent.tag !== '#root' && parent.tag !== 'body';
      parent = parent.parent
    ) {
      if (strong.filter((el) => contains(parent!, el)).length >= 2) {
        top = parent
        break
      }
    }
  }

  // Climb while the parent is scored about as well (the body continues in the parent).
  let lastScore = ctx.scores.get(top) ?? 0
  const threshold = lastScore / 3
  for (
    let parent = top.parent;
    parent !== null && parent.tag !== 'body' && parent.tag !== '#root';
    parent = parent.parent
  ) {
    const ps = ctx.scores.get(parent)
    if (ps === undefined) continue
    if (ps < threshold) break
    if (ps > lastScore) {
      top = parent
      break
    }
    lastScore = ps
  }
  // Articles split into several sections (figures, ads and pull quotes between them) leave the
  // best-scored block holding only part of the body: move up while an ancestor adds mostly prose.
  const topStats = (): Stats =>
    ctx.stats.get(top) ?? {
      text: 0,
      links: 0,
      commas: 0,
      paragraphs: 0,
      lis: 0,
      inputs: 0,
      headings: 0,
      good: 0,
    }
  for (
    let parent = top.parent;
    parent !== null && parent.tag !== '#root' && parent.tag !== 'html';
    parent = parent.parent
  ) {
    const ps = ctx.stats.get(parent)
    if (ps === undefined) break
    const ts = topStats()
    const gainGood = ps.good - ts.good
    const gainText = ps.text - ts.text
    if (gainGood >= Math.max(200, 0.3 * ts.good) && gainGood >= 0.5 * gainText) top = parent
  }
  // A wrapper with a single element child adds nothing; use the wrapper for sibling merging.
  while (top.parent !== null && top.parent.tag !== 'body' && top.parent.tag !== '#root') {
    const elementChildren = top.parent.children.filter(
      (c) => c.kind === 'element' && !ctx.junk.has(c),
    )
    if (elementChildren.length !== 1) break
    top = top.parent
  }
  return top
}

function findBody(root: HtmlElement): HtmlElement | null {
  const stack: HtmlElement[] = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    if (el.tag === 'body') return el
    for (const c of el.children) if (c.kind === 'element') stack.push(c)
  }
  return root
}

function contains(ancestor: HtmlElement, el: HtmlElement): boolean {
  for (let p: HtmlElement | null = el; p !== null; p = p.parent) if (p === ancestor) return true
  return false
}

function collectSiblings(top: HtmlElement, ctx: Context): HtmlElement[] {
  const parent = top.parent
  if (parent === null) return [top]
  const topScore = ctx.scores.get(top) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const topClass = top.attrs['class'] ?? ''
  const out: HtmlElement[] = []
  for (const sib of parent.children) {
    if (sib.kind !== 'element' || ctx.junk.has(sib)) continue
    if (sib === top) {
      out.push(sib)
      continue
    }
    let bonus = 0
    if (topClass !== '' && sib.attrs['class'] === topClass) bonus += topScore * 0.2
    const score = ctx.scores.get(sib)
    if (score !== undefined && score + bonus >= threshold) {
      out.push(sib)
      continue
    }
    if (sib.tag === 'p') {
      const s = ctx.stats.get(sib)
      const ld = linkDensity(sib, ctx)
      if (s === undefined) continue
      if (s.text > 80 && ld < 0.25) out.push(sib)
      else if (
        s.text > 0 &&
        s.text <= 80 &&
        ld === 0 &&
        s.commas + 1 > 0 &&
        /\.( |$)/.test(plainText(sib))
      )
        out.push(sib)
    }
  }
  return out
}

function plainText(el: HtmlElement): string {
  let out = ''
  for (const c of el.children) out += c.kind === 'text' ? c.text : plainText(c)
  return out
}

/** Readability's cleanConditionally, on stats computed once. */
function shouldDrop(el: HtmlElement, ctx: Context): boolean {
  if (ctx.junk.has(el)) return true
  const s = ctx.stats.get(el)
  if (s === undefined) return true
  if (s.text === 0) return true
  const tag = el.tag
  // Captions and their credit lines describe pictures, not the story.
  if (tag === 'figcaption') return true
  if (tag === 'p' && s.text < 200 && linkDensity(el, ctx) > 0.8) return true
  if (/^h[1-6]$/.test(tag)) {
    return classWeight(el) < 0 || linkDensity(el, ctx) > 0.33
  }
  if (FURNITURE_TAGS.has(tag)) {
    // <header> and <footer> inside an article hold the headline, byline, tags and share bars.
    if (s.paragraphs < 3 || linkDensity(el, ctx) > 0.3) return true
  }
  if (!CONDITIONAL_TAGS.has(tag)) return false
  // An embedded tweet is short and link-heavy by nature; it is still what the story quotes.
  if (/tweet|embed/i.test(classAndId(el))) return false
  const weight = classWeight(el)
  const score = ctx.scores.get(el) ?? 0
  if (weight + score < 0) return true
  if (s.commas >= 10) return false
  const ld = linkDensity(el, ctx)
  const isList = tag === 'ul' || tag === 'ol'
  if (ld > 0.5 && weight < 25) return true
  if (ld > 0.2 && weight < 25 && !isList && s.text < 300) return true
  if (isList && ld > 0.6) return true
  if (!isList && s.lis > s.paragraphs + 1 && ld > 0.25) return true
  if (s.inputs > Math.floor(s.paragraphs / 3) && s.inputs > 0) return true
  return false
}

function renderBlock(el: HtmlElement, ctx: Context, lines: string[], isRoot: boolean): void {
  const buffer: string[] = []
  renderInto(el, ctx, lines, buffer, isRoot)
  flush(lines, buffer)
}

function flush(lines: string[], buffer: string[]): void {
  if (buffer.length === 0) return
  const line = buffer.join('').replace(/\s+/g, ' ').trim()
  buffer.length = 0
  if (line !== '') lines.push(line)
}

function renderInto(
  el: HtmlElement,
  ctx: Context,
  lines: string[],
  buffer: string[],
  isRoot: boolean,
): void {
  if (!isRoot && shouldDrop(el, ctx)) return
  const block = BLOCK_TAGS.has(el.tag)
  if (block) flush(lines, buffer)
  if (el.tag === 'pre') {
    lines.push(plainText(el).trim())
    return
  }
  for (const child of el.children) {
    if (child.kind === 'text') buffer.push(child.text)
    else if (child.tag === 'br') flush(lines, buffer)
    else renderInto(child, ctx, lines, buffer, false)
  }
  if (block) flush(lines, buffer)
}

/** "Updated 11:21 pm CST, Tuesday, November 19, 2019", "Published: 29.11.2026" and similar stamps. */
const DATE_STAMP_LINE =
  /^(?:updated|published|posted|last updated|first published|aktualisiert|veröffentlicht|erschienen|stand)(?: at| on| am)?:?\s+(?:[\w.,:/-]+\s*){1,8}$/i

/** Drops boilerplate lines (share prompts, ad labels, credits) and a repeated headline. */
function postFilter(lines: string[], title: string | null): string[] {
  const normTitle = title === null ? null : title.toLowerCase().replace(/\W+/g, '')
  return lines.filter((line) => {
    if (BOILERPLATE_LINE.test(line)) return false
    // Escaped markup (tracking pixels inside <noscript> copies) and bare URLs are never prose.
    if (/^<[a-z][\w-]*[\s>]/i.test(line) && line.endsWith('>')) return false
    if (/^https?:\/\/\S+$/.test(line)) return false
    if (line.length < 120 && DATE_STAMP_LINE.test(line)) return false
    if (line.length < 200 && BOILERPLATE_PHRASE.test(line)) return false
    if (
      normTitle !== null &&
      normTitle.length > 10 &&
      line.toLowerCase().replace(/\W+/g, '') === normTitle
    )
      return false
    return true
  })
}

/** Word-level fingerprint of a JSON-LD articleBody, used to credit paragraphs it contains. */
interface BodyEvidence {
  weight(el: HtmlElement): number
}

function makeBodyEvidence(articleBody: string | null): BodyEvidence | null {
  if (articleBody === null) return null
  const words = articleBody.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length < 50) return null
  const trigrams = new Set<string>()
  for (let i = 0; i + 2 < words.length; i++)
    trigrams.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)
  return {
    weight(el) {
      const w =
        plainText(el)
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? []
      if (w.length < 6) return 1
      let hit = 0
      let total = 0
      for (let i = 0; i + 2 < w.length; i++) {
        total++
        if (trigrams.has(`${w[i]} ${w[i + 1]} ${w[i + 2]}`)) hit++
      }
      const share = total === 0 ? 0 : hit / total
      // In the JSON body: strong credit; absent from a body that exists: mild penalty.
      return share > 0.5 ? 3 : share > 0.2 ? 1.5 : 0.5
    },
  }
}
