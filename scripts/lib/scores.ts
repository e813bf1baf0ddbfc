/** True/false positives and false negatives of one slice of a benchmark. */
export interface Counts {
  tp: number
  fp: number
  fn: number
}

/** Precision, recall and F1 (0 where undefined). */
export function scores(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp)
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn)
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) }
}

export const fmt = (x: number): string => x.toFixed(3)

/** One printed line: `label  P …  R …  F1 …   (tp, fp, fn)`. */
export function scoreRow(label: string, c: Counts, width: number): string {
  const s = scores(c)
  return `${label.padEnd(width)} P ${fmt(s.p)}  R ${fmt(s.r)}  F1 ${fmt(s.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`
}

export function sumCounts(all: Iterable<Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0 }
  for (const c of all) {
    total.tp += c.tp
    total.fp += c.fp
    total.fn += c.fn
  }
  return total
}

/** Counts one tp, fp or fn for `key` in a per-slice tally (language, kind, ...). */
export function bump(tally: Map<string, Counts>, key: string, field: keyof Counts): void {
  const c = tally.get(key) ?? { tp: 0, fp: 0, fn: 0 }
  c[field]++
  tally.set(key, c)
}
