import { Parser } from 'htmlparser2'

/**
 * A deliberately small DOM: element, text, and nothing else. The extractor only reads tags,
 * attributes and text, so building our own tree straight from htmlparser2's callbacks is several
 * times cheaper than linkedom or domhandler + domutils, and it never throws on broken markup
 * (unclosed tags, stray `</div>`, a CSS `calc(` that never closes inside a `style` attribute).
 */
export interface HtmlElement {
  readonly kind: 'element'
  readonly tag: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: HtmlNode[]
  readonly parent: HtmlElement | null
}

export interface HtmlText {
  readonly kind: 'text'
  readonly text: string
  readonly parent: HtmlElement
}

export type HtmlNode = HtmlElement | HtmlText

/** Raw-text elements we keep the contents of (JSON-LD); all other scripts are dropped. */
const SKIP_CONTENT_TAGS = new Set(['style', 'noscript', 'template', 'svg', 'math', 'canvas'])

/**
 * Parses HTML into a small tree rooted at a synthetic `#root` element.
 *
 * Script bodies are discarded except `application/ld+json` (giant inline bundles cost memory and
 * are never article text); `<style>`, `<svg>`, `<noscript>` and `<template>` are dropped too.
 *
 * @example
 * const root = parseHtml('<p>Hello <b>world</b></p>')
 * // root.children[0].tag === 'p'
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [], parent: null }
  let current: HtmlElement = root
  // Depth inside a dropped subtree: while > 0 we build nothing.
  let skipDepth = 0
  let keepScriptText = false
  let inScript = false

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++
          return
        }
        if (SKIP_CONTENT_TAGS.has(name)) {
          skipDepth = 1
          return
        }
        if (name === 'script') {
          inScript = true
          keepScriptText = /ld\+json/i.test(attribs['type'] ?? '')
        }
        const el: HtmlElement = {
          kind: 'element',
          tag: name,
          attrs: attribs,
          children: [],
          parent: current,
        }
        current.children.push(el)
        current = el
      },
      ontext(text) {
        if (skipDepth > 0) return
        if (inScript && !keepScriptText) return
        const last = current.children[current.children.length - 1]
        if (last !== undefined && last.kind === 'text') {
          // htmlparser2 delivers text in chunks; merge them so each run is one node.
          current.children[current.children.length - 1] = {
            kind: 'text',
            text: last.text + text,
            parent: current,
          }
          return
        }
        current.children.push({ kind: 'text', text, parent: current })
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--
          return
        }
        if (name === 'script') {
          inScript = false
          keepScriptText = false
        }
        // htmlparser2 reports implied closes too, so the stack stays balanced.
        if (current.parent !== null && current.tag === name) current = current.parent
        else if (current.parent !== null) {
          // Defensive: walk up to the matching element if the parser's view and ours diverge.
          let el: HtmlElement | null = current
          while (el !== null && el.tag !== name) el = el.parent
          if (el?.parent) current = el.parent
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return root
}

/** Concatenated text of a subtree (no layout; see `main-text.ts` for block-aware text). */
export function textOf(node: HtmlNode): string {
  if (node.kind === 'text') return node.text
  let out = ''
  for (const child of node.children) out += textOf(child)
  return out
}

/** Depth-first list of every element under `root` (root excluded). */
export function allElements(root: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = []
  const stack: HtmlElement[] = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i]!
      if (child.kind === 'element') stack.push(child)
    }
    if (el !== root) out.push(el)
  }
  return out
}

/** Collapses whitespace runs to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
