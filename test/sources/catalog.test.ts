import cron from 'node-cron'
import { describe, expect, it } from 'vitest'
import { sources } from '../../crawlers/index.js'
import { defineSource } from '../../src/sources.js'

const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

describe('crawlers/ catalog', () => {
  it('ships at least 20 sources with unique ids', () => {
    expect(sources.length).toBeGreaterThanOrEqual(20)
    const ids = sources.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('covers English and German, with at least five German sources', () => {
    const languages = new Set(sources.map((s) => s.language))
    expect([...languages].sort()).toEqual(['de', 'en'])
    expect(sources.filter((s) => s.language === 'de').length).toBeGreaterThanOrEqual(5)
  })

  it('includes sitemaps for at least two sources', () => {
    expect(sources.filter((s) => (s.sitemaps?.length ?? 0) > 0).length).toBeGreaterThanOrEqual(2)
  })

  // One test per source so a failure names the source.
  describe.each(sources.map((s) => [s.id, s] as const))('%s', (_id, source) => {
    it('validates with defineSource and is frozen', () => {
      expect(Object.isFrozen(source)).toBe(true)
      expect(defineSource(source)).toEqual(source)
    })

    it('uses https for homepage, feeds and sitemaps, with no duplicates', () => {
      const urls = [source.homepage, ...source.feeds, ...(source.sitemaps ?? [])]
      for (const url of urls) expect(new URL(url).protocol, url).toBe('https:')
      expect(source.feeds.length).toBeGreaterThan(0)
      expect(new Set(source.feeds).size).toBe(source.feeds.length)
    })

    it('has a valid schedule and polite settings', () => {
      expect(cron.validate(source.schedule)).toBe(true)
      // Not at :00 — that minute is where every other cron job on the machine runs.
      expect(source.schedule).not.toMatch(/^(0|\*\/\d+) /)
      const delay = source.politeness?.delayMs
      expect(delay).toBeGreaterThanOrEqual(2000)
      expect(delay).toBeLessThanOrEqual(5000)
    })

    it('is a real source (never local) with slug tags', () => {
      expect(source.local).toBeUndefined()
      expect(source.tags?.length ?? 0).toBeGreaterThan(0)
      for (const tag of source.tags ?? []) expect(tag).toMatch(TAG_PATTERN)
    })
  })

  it('staggers schedules: no two sources share the same expression', () => {
    const schedules = sources.map((s) => s.schedule)
    expect(new Set(schedules).size).toBe(schedules.length)
  })
})
