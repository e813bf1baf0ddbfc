import { describe, expect, test } from 'vitest'
import { cleanAuthor } from '../../src/extract/authors.js'

describe('cleanAuthor', () => {
  test.each([
    ['By Jane Doe', ['Jane Doe']],
    ['BY JANE DOE', ['JANE DOE']],
    ['Von Max Mustermann und Erika Musterfrau', ['Max Mustermann', 'Erika Musterfrau']],
    ['By Jane Doe and John Roe, Staff Writers', ['Jane Doe', 'John Roe']],
    ['Jane Doe, Senior Reporter', ['Jane Doe']],
    ['Jane Doe | Email the author', ['Jane Doe']],
    ['Text: Lisa Kramer', ['Lisa Kramer']],
    ['Jane Doe (@janedoe)', ['Jane Doe']],
    ['@janedoe', []],
    ['https://www.facebook.com/janedoe', []],
    ['jane@example.com', []],
    ['Staff', []],
    ['Senior Reporter', []],
    ['Email the author', []],
    ['By', []],
    ['dpa', []],
    ['Redaktion', []],
    ['Jane Doe, 29.11.2026, 14:05', ['Jane Doe']],
    ["Dana O'Neil", ["Dana O'Neil"]],
    ['José Álvarez-Ruiz', ['José Álvarez-Ruiz']],
  ])('%s', (raw, expected) => {
    expect(cleanAuthor(raw)).toEqual(expected)
  })
})
