import type { KnowledgeBase } from '../knowledge/load-knowledge.js'
import { summarizeEntities } from './entities/analyze.js'
import { recognizeEntities } from './entities/recognize.js'
import { detectLanguage } from './language.js'
import { detectMoves } from './moves/detect-moves.js'
import type { TalentMove } from './moves/types.js'

export interface EnrichInput {
  readonly title: string | null
  readonly text: string
  /** From extraction (html lang, meta, detection); detected here when missing. */
  readonly language: string | null
  readonly publishedAt: string | null
}

export interface EnrichedMention {
  readonly kind: 'person' | 'org'
  readonly kbId: string | null
  readonly canonical: string
  readonly surface: string
  readonly count: number
  readonly firstOffset: number
}

export interface Enrichment {
  readonly language: string | null
  readonly mentions: readonly EnrichedMention[]
  /** Talent moves the text states; evidence offsets refer to enrichmentText(input). */
  readonly moves: readonly TalentMove[]
}

/** The text enrichment reads: the headline, a blank line, the body (offsets refer to it). */
export function enrichmentText(input: Pick<EnrichInput, 'title' | 'text'>): string {
  return input.title ? `${input.title}\n\n${input.text}` : input.text
}

/**
 * Pure enrichment of one article: language, the people and organisations it names (one row per
 * entity with its mention count and first offset), and the talent moves it reports.
 * @example enrichArticle({ title: 'Meta loses AI director', text: '…', language: 'en', publishedAt: null }, kb)
 */
export function enrichArticle(
  input: EnrichInput,
  kb: KnowledgeBase,
  options: { readonly moveReader?: 'rules' | 'learned' } = {},
): Enrichment {
  const text = enrichmentText(input)
  const language = input.language ?? detectLanguage(text)
  const mentions = recognizeEntities(text, language ?? 'en', kb)
  const moves = detectMoves(text, language ?? 'en', mentions, {
    publishedAt: input.publishedAt,
    kb,
    reader: options.moveReader ?? 'rules',
  })
  return {
    language,
    moves,
    mentions: summarizeEntities(mentions).map((m) => ({
      kind: m.kind,
      kbId: m.entityId,
      canonical: m.canonical,
      surface: m.name,
      count: m.count,
      firstOffset: m.firstOffset,
    })),
  }
}
