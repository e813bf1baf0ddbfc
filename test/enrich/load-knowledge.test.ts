import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { knowledgeDataDir, loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js'

describe('loadKnowledgeBase', () => {
  it('finds the shipped data from the package root', () => {
    expect(knowledgeDataDir()).toMatch(/src[/\\]knowledge[/\\]data$/)
  })

  it('loads organisations, people and word lists, and caches the default instance', () => {
    const kb = loadKnowledgeBase()
    expect(kb.entities.get('org:openai')?.name).toBe('OpenAI')
    expect(kb.entities.get('person:sam-altman')?.kind).toBe('person')
    expect([...kb.entities.values()].filter((e) => e.kind === 'org').length).toBeGreaterThan(400)
    expect([...kb.entities.values()].filter((e) => e.kind === 'person').length).toBeGreaterThan(300)
    expect(kb.firstNames.has('priya')).toBe(true)
    expect(kb.stopNames.has('faq')).toBe(true)
    expect(kb.surnames.get('altman')).toEqual(['person:sam-altman'])
    expect(loadKnowledgeBase()).toBe(kb)
  })

  it('indexes aliases and former names by their first word', () => {
    const kb = loadKnowledgeBase()
    const facebook = kb.aliases.get('facebook')?.find((e) => e.phrase === 'Facebook')
    expect(facebook?.value.entityId).toBe('org:meta')
    const platforms = kb.aliases.get('meta')?.find((e) => e.phrase === 'Meta Platforms')
    expect(platforms?.lowers).toEqual(['meta', 'platforms'])
  })

  it('classifies legal forms (dropped from names) and brand suffixes (kept)', () => {
    const kb = loadKnowledgeBase()
    expect(kb.legalSuffixes.get('gmbh')?.[0]?.value).toEqual({ legalForm: true, strong: true })
    expect(kb.legalSuffixes.get('labs')?.[0]?.value).toEqual({ legalForm: false, strong: true })
    expect(kb.legalSuffixes.get('ai')?.[0]?.value).toEqual({ legalForm: false, strong: false })
  })

  it('adds user entities and extends the aliases of known ones', () => {
    const kb = loadKnowledgeBase({
      extraEntities: [
        { id: 'org:quibble', name: 'Quibble Systems', kind: 'org', aliases: ['Quibble'] },
        { id: 'org:openai', name: 'OpenAI', kind: 'org', aliases: ['Open AI Lab'] },
      ],
    })
    expect(kb).not.toBe(loadKnowledgeBase())
    expect(kb.entities.get('org:quibble')?.name).toBe('Quibble Systems')
    const openai = kb.entities.get('org:openai')
    expect(openai?.aliases).toContain('Open AI Lab')
    expect(openai?.aliases).toContain('OpenAI Inc.')
    expect(kb.aliases.get('open')?.some((e) => e.phrase === 'Open AI Lab')).toBe(true)
    // the shared default instance is untouched
    expect(loadKnowledgeBase().entities.has('org:quibble')).toBe(false)
  })

  it('reads user entity files (an array, or { entities })', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newshound-kb-'))
    const arrayFile = join(dir, 'a.json')
    const objectFile = join(dir, 'b.json')
    writeFileSync(
      arrayFile,
      JSON.stringify([{ id: 'person:ada', name: 'Ada Quell', kind: 'person' }]),
    )
    writeFileSync(
      objectFile,
      JSON.stringify({ entities: [{ id: 'org:zed', name: 'Zed', kind: 'org' }] }),
    )
    const kb = loadKnowledgeBase({ extraFiles: [arrayFile, objectFile] })
    expect(kb.entities.get('person:ada')?.name).toBe('Ada Quell')
    expect(kb.surnames.get('quell')).toEqual(['person:ada'])
    expect(kb.entities.get('org:zed')?.kind).toBe('org')
  })

  it('rejects a user entity without id, name or kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newshound-kb-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify([{ id: 'org:nokind', name: 'No Kind' }]))
    expect(() => loadKnowledgeBase({ extraFiles: [file] })).toThrow(/kind/)
  })
})
