import { describe, expect, test } from 'vitest'
import { findTextDates, parseMachineDate, parseTextDate } from '../../src/extract/parse-date.js'
import { urlDate } from '../../src/extract/published-at.js'

describe('parseMachineDate', () => {
  test.each([
    ['2026-11-29T09:30:00Z', '2026-11-29T09:30:00.000Z'],
    ['2026-11-29T09:30:00+01:00', '2026-11-29T08:30:00.000Z'],
    ['2026-11-29T09:30:00+0100', '2026-11-29T08:30:00.000Z'],
    ['2026-11-29T09:30:00.123456', '2026-11-29T09:30:00.123Z'],
    ['2026-11-29', '2026-11-29T00:00:00.000Z'],
    ['20261129', '2026-11-29T00:00:00.000Z'],
    ['Sun, 29 Nov 2026 10:00:00 GMT', '2026-11-29T10:00:00.000Z'],
    ['1795946400', '2026-11-29T10:00:00.000Z'],
    ['not a date', null],
    ['2026-02-30', null],
  ])('%s', (input, expected) => {
    expect(parseMachineDate(input)).toBe(expected)
  })
})

describe('parseTextDate (English and German)', () => {
  test.each([
    ['29. November 2026', '2026-11-29'],
    ['Sonntag, 29. November 2026', '2026-11-29'],
    ['29.11.2026, 14:05 Uhr', '2026-11-29'],
    ['4. Sept. 2026', '2026-09-04'],
    ['12. Aug. 2026 um 18:30 Uhr', '2026-08-12'],
    ['3. März 2026', '2026-03-03'],
    ['November 29, 2026', '2026-11-29'],
    ['Nov. 29, 2026 9:14 a.m. ET', '2026-11-29'],
    ['Sept. 23, 2026', '2026-09-23'],
    ['29 November 2026', '2026-11-29'],
    ['November 29th, 2026', '2026-11-29'],
    ['11/29/2026', '2026-11-29'],
    ['29/11/2026', '2026-11-29'],
    ['Filed 2026-04-16 08:00', '2026-04-16'],
    ['version 2.11.2026a', null],
    ['in 2026', null],
  ])('%s', (input, expected) => {
    expect(parseTextDate(input)?.slice(0, 10) ?? null).toBe(expected)
  })

  test('keeps the wall-clock time of a German timestamp', () => {
    expect(parseTextDate('29.11.2026, 14:05 Uhr')).toBe('2026-11-29T14:05:00.000Z')
    expect(parseTextDate('Nov 29, 2026 2:05 pm')).toBe('2026-11-29T14:05:00.000Z')
  })

  test('finds every date in a line, in order', () => {
    const found = findTextDates('Zuletzt aktualisiert: 9. Mai 2026 | Veröffentlicht: 6. Mai 2026')
    expect(found.map((f) => f.iso.slice(0, 10))).toEqual(['2026-05-09', '2026-05-06'])
  })
})

describe('urlDate', () => {
  test.each([
    ['https://example.com/2026/11/29/acme-cfo/', '2026-11-29'],
    ['https://example.com/news/2026-03-04/x.html', '2026-03-04'],
    ['https://example.com/tech/20260512/x', '2026-05-12'],
    ['https://example.at/w/2026/2/3/x', '2026-02-03'],
    ['https://example.ch/a/2026_11_16_x', '2026-11-16'],
    ['https://example.com/2026/11/only-month', null],
    ['https://example.com/p/12345678901', null],
  ])('%s', (url, expected) => {
    expect(urlDate(url)?.slice(0, 10) ?? null).toBe(expected)
  })
})
