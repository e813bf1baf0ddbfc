import { existsSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, escapeHtml } from '../../src/export/report-html.js'
import { NOW, openFixtureDb } from '../query/fixture-db.js'

/** Debian's chromium (`.ci/run` installs it); playwright-core never downloads a browser. */
const CHROMIUM = process.env['NEWSHOUND_CHROMIUM'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

describe('HTML report', () => {
  let f: Awaited<ReturnType<typeof openFixtureDb>>
  let html: string
  let file: string
  beforeAll(async () => {
    f = await openFixtureDb({ moves: true })
    // Stored text is hostile until escaped: a name and a headline carrying markup, and an
    // evidence link with a javascript: URL.
    f.sqlite
      .prepare("UPDATE entities SET name = '<img src=x onerror=alert(1)> Labs' WHERE id = 6")
      .run()
    f.sqlite
      .prepare("UPDATE articles SET title = 'Leike <script>alert(1)</script> joins' WHERE id = 6")
      .run()
    f.sqlite.prepare("UPDATE articles SET canonical_url = 'javascript:alert(1)' WHERE id = 9").run()
    html = await buildReport(f, { now: NOW })
    file = join(f.dir, 'report.html')
    await writeFile(file, html)
    if (!hasChromium)
      console.warn(
        `report browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set NEWSHOUND_CHROMIUM)`,
      )
  })
  afterAll(async () => f.cleanup())

  it('is one self-contained page: no scripts, no external resources, a CSP', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\bsrc=["']?https?:/i)
    expect(html).not.toMatch(/<link[^>]+stylesheet/i)
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`)
    expect(html.match(/<svg/g)).toHaveLength(4)
  })

  it('escapes stored text and links only http(s) URLs', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Labs')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('Leike &lt;script&gt;alert(1)&lt;/script&gt; joins')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain(
      '<a href="https://alpha.example/story/5" rel="noopener noreferrer nofollow">Jan Leike joins Anthropic</a>',
    )
  })

  it('has every section with its data', () => {
    for (const id of ['rising', 'timeline', 'flows', 'moves', 'sources'])
      expect(html).toContain(`<section id="${id}">`)
    expect(html).toContain('2026-10-30 – 2026-11-28 (UTC)')
    expect(html).toContain('<q>Jan Leike, formerly of OpenAI, joins Anthropic.</q>')
    expect(html).toContain('<span class="health failing">failing</span>')
  })

  it.skipIf(!hasChromium)(
    `renders in headless Chromium without console errors, charts drawn (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const { chromium } = await import('playwright-core')
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
        const errors: string[] = []
        const requests: string[] = []
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
        })
        page.on('pageerror', (e) => errors.push(String(e)))
        page.on('request', (r) => requests.push(r.url()))
        await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load' })
        expect(errors).toEqual([])
        expect(requests).toEqual([pathToFileURL(file).toString()])
        // A string expression: the test is type-checked without the DOM library.
        const charts =
          (await page.evaluate(`[...document.querySelectorAll('figure.chart svg')].map((svg) => ({
        width: svg.getBoundingClientRect().width,
        marks: svg.querySelectorAll('.mark-rect path, .mark-line path, .mark-symbol path').length,
      }))`)) as { width: number; marks: number }[]
        expect(charts).toHaveLength(4)
        for (const chart of charts) {
          expect(chart.width).toBeGreaterThan(200)
          expect(chart.marks).toBeGreaterThan(0)
        }
        expect(await page.locator('script').count()).toBe(0)
        const shot = join(f.dir, 'report.png')
        await page.screenshot({ path: shot, fullPage: true })
        expect((await stat(shot)).size).toBeGreaterThan(20_000)
      } finally {
        await browser.close()
      }
    },
  )

  it('says so when there are no moves tables and no stories', async () => {
    const bare = await openFixtureDb()
    try {
      bare.sqlite.exec(
        'DROP VIEW IF EXISTS talent_moves; DROP TABLE IF EXISTS move_evidence; DROP TABLE IF EXISTS move_reports; DROP TABLE IF EXISTS moves',
      )
      const empty = await buildReport(bare, { now: new Date('2020-01-01T00:00:00Z') })
      expect(empty).toContain('This database has no talent-move tables yet.')
      expect(empty).toContain('Nothing in this period.')
      expect(empty.match(/<svg/g)).toBeNull()
    } finally {
      await bare.cleanup()
    }
  })
})
