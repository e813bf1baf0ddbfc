/** One sentence of a text with UTF-16 offsets (`end` exclusive, trailing whitespace excluded). */
export interface SentenceSpan {
  readonly start: number
  readonly end: number
  readonly text: string
}

// Intl.Segmenter breaks after every "word." followed by a capital: "Dr. Müller", "am 15. Mai",
// "SAP Inc. und", "z. B. bei". These endings never close a sentence in news prose.
const ABBREVIATION_END =
  /(?:\b(?:Dr|Prof|Mr|Mrs|Ms|Mx|St|Sr|Jr|Inc|Corp|Co|Ltd|Nr|No|bzw|ca|vgl|etc|evtl|ggf|inkl|zzgl|Abs|Str|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez|vs|gen|sog|u|z|B|a|d|v|o|S|Hr|Fr|Dipl|Ing|rer|nat|phil|med)\.|\b\p{Lu}\.|\b\d{1,2}\.)\s*$/u

/**
 * Splits text into sentences: `Intl.Segmenter` plus a guard that re-joins breaks after
 * abbreviations, initials and German ordinals ("am 15. Mai 2024").
 *
 * @example
 * splitSentences('Am 15. Mai 2024 ging Dr. Weber. Er gründete Quantiq.', 'de').map((s) => s.text)
 * // ['Am 15. Mai 2024 ging Dr. Weber.', 'Er gründete Quantiq.']
 */
export function splitSentences(text: string, lang: string): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(lang === 'de' ? 'de' : 'en', { granularity: 'sentence' })
  const pieces: { start: number; end: number }[] = []
  for (const seg of segmenter.segment(text)) {
    const start = seg.index
    const end = start + seg.segment.length
    const last = pieces.at(-1)
    const previous = last === undefined ? '' : text.slice(last.start, last.end)
    // A paragraph break always ends a sentence, even after an abbreviation.
    const joined = last !== undefined && !/\n\s*$/.test(previous) && ABBREVIATION_END.test(previous)
    if (joined && last !== undefined) last.end = end
    else pieces.push({ start, end })
  }
  const sentences: SentenceSpan[] = []
  for (const piece of pieces) {
    const raw = text.slice(piece.start, piece.end)
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const start = piece.start + lead
    sentences.push({ start, end: start + trimmed.length, text: trimmed })
  }
  return sentences
}
