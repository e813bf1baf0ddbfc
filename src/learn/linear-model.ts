/**
 * A sparse multinomial logistic regression: the scorer behind the talent-move reader. Features are
 * strings (templates filled in by the caller), weights a dense row per feature. Training is
 * deterministic: examples in the given order, AdaGrad steps, L2 shrinkage, no randomness, so the
 * same corpus gives the same weights bit for bit.
 */

/** One training or scoring instance: its active (binary) features and, for training, its class. */
export interface Example {
  readonly features: readonly string[]
  readonly label: string
  /** Per-example weight (default 1). */
  readonly weight?: number
}

export interface TrainOptions {
  readonly epochs?: number
  readonly learningRate?: number
  /** L2 penalty per example step. */
  readonly l2?: number
  /** Features seen in fewer examples are dropped (rare words overfit). */
  readonly minCount?: number
}

/** The stored form: classes, and for each feature its weight per class (rounded, zeros pruned). */
export interface LinearModelData {
  readonly classes: readonly string[]
  readonly bias: readonly number[]
  readonly weights: Readonly<Record<string, readonly number[]>>
}

export class LinearModel {
  readonly classes: readonly string[]
  private readonly bias: Float64Array
  private readonly weights: Map<string, Float64Array>

  constructor(data: LinearModelData) {
    this.classes = data.classes
    this.bias = Float64Array.from(data.bias)
    this.weights = new Map()
    for (const [feature, row] of Object.entries(data.weights)) {
      this.weights.set(feature, Float64Array.from(row))
    }
  }

  /** Class probabilities in `classes` order. */
  probabilities(features: readonly string[]): number[] {
    const scores = Array.from(this.bias)
    for (const f of features) {
      const row = this.weights.get(f)
      if (row === undefined) continue
      for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (row[c] as number)
    }
    return softmax(scores)
  }

  /** Probability of one class. */
  probability(features: readonly string[], label: string): number {
    const index = this.classes.indexOf(label)
    return index < 0 ? 0 : (this.probabilities(features)[index] as number)
  }

  /** The weights as stored: rounded to 4 decimals, features whose row rounds to zero dropped. */
  toData(): LinearModelData {
    const weights: Record<string, number[]> = {}
    for (const feature of [...this.weights.keys()].sort()) {
      const row = Array.from(this.weights.get(feature) as Float64Array, round4)
      if (row.some((w) => w !== 0)) weights[feature] = row
    }
    return { classes: this.classes, bias: Array.from(this.bias, round4), weights }
  }
}

/**
 * Trains a model on `examples`. `classes` fixes the class order (the first is usually "none").
 *
 * @example
 * const model = trainLinearModel([{ features: ['w:joins'], label: 'hire' }, { features: ['w:said'], label: 'none' }], ['none', 'hire'])
 * model.probability(['w:joins'], 'hire') // > 0.5
 */
export function trainLinearModel(
  examples: readonly Example[],
  classes: readonly string[],
  options: TrainOptions = {},
): LinearModel {
  const epochs = options.epochs ?? 30
  const rate = options.learningRate ?? 0.3
  const l2 = options.l2 ?? 1e-4
  const minCount = options.minCount ?? 2
  const k = classes.length
  const classIndex = new Map(classes.map((c, i) => [c, i]))

  const counts = new Map<string, number>()
  for (const ex of examples) {
    for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1)
  }
  const kept = [...counts.keys()].filter((f) => (counts.get(f) as number) >= minCount).sort()
  const featureIndex = new Map(kept.map((f, i) => [f, i]))
  const rows = examples.map((ex) => {
    const ids = [...new Set(ex.features)]
      .map((f) => featureIndex.get(f))
      .filter((i): i is number => i !== undefined)
    return Int32Array.from(ids.sort((a, b) => a - b))
  })

  const w = new Float64Array(kept.length * k)
  const g2 = new Float64Array(kept.length * k)
  const bias = new Float64Array(k)
  const biasG2 = new Float64Array(k)
  const scores = new Float64Array(k)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let e = 0; e < examples.length; e++) {
      const ex = examples[e] as Example
      const ids = rows[e] as Int32Array
      const gold = classIndex.get(ex.label)
      if (gold === undefined) throw new Error(`unknown class: ${ex.label}`)
      const weight = ex.weight ?? 1
      for (let c = 0; c < k; c++) {
        let s = bias[c] as number
        for (const id of ids) s += w[id * k + c] as number
        scores[c] = s
      }
      const p = softmax(Array.from(scores))
      for (let c = 0; c < k; c++) {
        const grad = weight * ((p[c] as number) - (c === gold ? 1 : 0))
        biasG2[c] = (biasG2[c] as number) + grad * grad
        bias[c] = (bias[c] as number) - (rate * grad) / Math.sqrt((biasG2[c] as number) + 1e-8)
        for (const id of ids) {
          const at = id * k + c
          const g = grad + l2 * (w[at] as number)
          g2[at] = (g2[at] as number) + g * g
          w[at] = (w[at] as number) - (rate * g) / Math.sqrt((g2[at] as number) + 1e-8)
        }
      }
    }
  }
  const weights: Record<string, number[]> = {}
  kept.forEach((f, i) => {
    weights[f] = Array.from(w.subarray(i * k, i * k + k))
  })
  return new LinearModel({ classes, bias: Array.from(bias), weights })
}

function softmax(scores: number[]): number[] {
  let max = Number.NEGATIVE_INFINITY
  for (const s of scores) if (s > max) max = s
  let sum = 0
  const out = scores.map((s) => {
    const e = Math.exp(s - max)
    sum += e
    return e
  })
  return out.map((e) => e / sum)
}

function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4
  return r === 0 ? 0 : r
}
