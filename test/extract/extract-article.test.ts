import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ExtractError } from '../../src/errors.js'
import { extractArticle } from '../../src/extract/extract-article.js'

const PAGES = join(import.meta.dirname, '../fixtures/pages')
const page = (name: string): string => readFileSync(join(PAGES, name), 'utf8')
const NOW = new Date('2027-01-15T12:00:00Z')

describe('extractArticle on fixture pages', () => {
  test('a page without <article> keeps the body and drops menus, share bars, newsletter, comments', () => {
    const a = extractArticle(
      page('no-article-div-soup.html'),
      'https://robots.example/news/x?ref=home',
      { now: NOW },
    )
    expect(a.text.split('\n')).toHaveLength(4)
    expect(a.text).toMatch(/^Warehouse-robot maker Gearloft/)
    expect(a.text).toMatch(/grocery chains\.$/)
    expect(a.text).not.toMatch(/Share on|newsletter|Most popular|no-brainer|All rights reserved/i)
    expect(a.title).toBe('Gearloft picks Munich for its European engineering hub')
    expect(a.authors).toEqual(['Helen Marsh'])
    expect(a.canonicalUrl).toBe('https://robots.example/news/gearloft-munich-hub')
    expect(a.siteName).toBe('The Robot Report Weekly')
    expect(a.language).toBe('en')
    expect(a.paywalled).toBe(false)
  })

  test('a broken CSS calc() in <style> and style attributes does not lose the article', () => {
    const a = extractArticle(page('broken-css-calc.html'), 'https://chipwelt.example/a/1', {
      now: NOW,
    })
    expect(a.text).toMatch(/^Der Dresdner Chiphersteller Elbsilizium/)
    expect(a.text.split('\n')).toHaveLength(3)
    expect(a.title).toBe('Elbsilizium holt neuen Finanzvorstand')
    expect(a.authors).toEqual(['Karla Dietrich'])
    expect(a.publishedAt).toBe('2026-11-03T08:15:00.000Z')
    expect(a.publishedFrom).toBe('json-ld')
    expect(a.language).toBe('de')
  })

  test('unclosed tags and a 2 MB inline script', () => {
    const html = page('unclosed-giant-script.html').replace('PADDING', 'x'.repeat(2_000_000))
    const a = extractArticle(html, 'https://devwire.example/quillstore', { now: NOW })
    expect(a.text).toContain('Quillstore, the company behind the open-source time-series database')
    expect(a.text).toContain('Series B: $40 million')
    expect(a.text).not.toContain('not article text')
    expect(a.title).toBe('Quillstore raises $40 million')
    expect(a.publishedAt).toBe('2026-04-08T14:00:00.000Z')
    expect(a.publishedFrom).toBe('meta')
  })

  test.each([
    ['paywall-jsonld.html', true],
    ['paywall-box-de.html', true],
    ['free-with-empty-paywall-shell.html', false],
    ['no-article-div-soup.html', false],
  ])('paywall flag of %s is %s', (name, expected) => {
    expect(extractArticle(page(name), 'https://example.com/a').paywalled).toBe(expected)
  })

  test.each([
    ['paywall-jsonld.html', ['Tom Ashby']],
    ['paywall-box-de.html', ['Lisa Kramer', 'Jonas Pohl']],
    ['free-with-empty-paywall-shell.html', ['Nadia Costa']],
    ['byline-markup.html', ['Alex Kim', 'Maria Lopez']],
    ['broken-css-calc.html', ['Karla Dietrich']],
    ['no-lang-german.html', []],
  ])('authors of %s', (name, expected) => {
    expect(extractArticle(page(name), 'https://example.com/a').authors).toEqual(expected)
  })

  test.each([
    ['no-article-div-soup.html', 'Gearloft picks Munich for its European engineering hub'],
    ['paywall-box-de.html', 'Warenkorb: Neuer Vorstandschef kommt von Zalando'],
    ['byline-markup.html', 'Medibyte names Priya Raman CTO'],
    ['unclosed-giant-script.html', 'Quillstore raises $40 million'],
    ['paywall-jsonld.html', "Inside Vaultline's sales shake-up"],
  ])('title of %s has no site-name suffix', (name, expected) => {
    const html = page(name).replace('PADDING', '')
    expect(extractArticle(html, 'https://example.com/a').title).toBe(expected)
  })

  test.each([
    ['no-lang-german.html', 'de'],
    ['paywall-box-de.html', 'de'],
    ['byline-markup.html', 'en'],
    ['broken-css-calc.html', 'de'],
  ])('language of %s is %s', (name, expected) => {
    expect(extractArticle(page(name), 'https://example.com/a').language).toBe(expected)
  })

  test('source language hint fills in when the page says nothing and has little text', () => {
    const a = extractArticle('<html><body><p>Kurz.</p></body></html>', 'https://example.de/x', {
      sourceLanguage: 'de-AT',
    })
    expect(a.language).toBe('de')
  })

  test('image, description and canonical URL come from OpenGraph, resolved to absolute', () => {
    const a = extractArticle(page('byline-markup.html'), 'https://healthtech.example/feed-item')
    expect(a.imageUrl).toBe('https://cdn.healthtech.example/img/raman.jpg')
    expect(a.description).toBe('The health-data start-up hires a former Google engineer.')
    expect(a.canonicalUrl).toBe(
      'https://healthtech.example/2026/05/14/medibyte-cto?utm_source=feed',
    )
  })

  test('feed hints fill publishedAt and title when the page has none', () => {
    const a = extractArticle(
      '<html><body><div><p>Short note without a date.</p></div></body></html>',
      'https://example.com/n',
      {
        feedPublishedAt: 'Sun, 29 Nov 2026 10:00:00 GMT',
        feedTitle: 'A note',
        now: NOW,
      },
    )
    expect(a.publishedAt).toBe('2026-11-29T10:00:00.000Z')
    expect(a.publishedFrom).toBe('feed')
    expect(a.title).toBe('A note')
  })

  test('an empty document is the one input that throws', () => {
    expect(() => extractArticle('   \n', 'https://example.com/empty')).toThrow(ExtractError)
    expect(() => extractArticle('just text, no markup', 'https://example.com/t')).toThrow(
      /no HTML elements/,
    )
  })

  test('a page with no body text yields text "" rather than throwing', () => {
    const a = extractArticle(
      '<html><head><title>Nothing | Site</title></head><body><nav><a href="/">Home</a></nav></body></html>',
      'https://example.com/x',
    )
    expect(a.text).toBe('')
    expect(a.url).toBe('https://example.com/x')
  })
})
