import { describe, expect, it } from 'vitest'
import { itemKeyOf } from '../../src/harvest/item-key.js'

describe('itemKeyOf', () => {
  it.each([
    [{ guid: ' g-1 ', link: 'https://a.example/1', title: 'T', summary: null }, 'g-1'],
    [{ guid: '', link: 'https://a.example/1', title: 'T', summary: null }, 'https://a.example/1'],
    [{ guid: null, link: null, title: 'T', summary: 'S' }, /^sha256:[0-9a-f]{64}$/],
  ])('%j', (item, expected) => {
    if (typeof expected === 'string') expect(itemKeyOf(item)).toBe(expected)
    else expect(itemKeyOf(item)).toMatch(expected)
  })

  it('hashes title and summary so that either one changes the key', () => {
    const base = { guid: null, link: null, title: 'T', summary: 'S' }
    expect(itemKeyOf(base)).toBe(itemKeyOf({ ...base }))
    expect(itemKeyOf(base)).not.toBe(itemKeyOf({ ...base, summary: 'S2' }))
    expect(itemKeyOf(base)).not.toBe(itemKeyOf({ ...base, title: 'T2' }))
  })
})
