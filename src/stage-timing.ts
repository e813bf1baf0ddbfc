import { AsyncLocalStorage } from 'node:async_hooks'

/** The pipeline's CPU stages after the fetch, as `npm run bench:harvest` reports them. */
export const STAGES = ['decode+extract', 'dedup', 'store', 'enrich'] as const
export type Stage = (typeof STAGES)[number]

/** Milliseconds spent per stage, summed over every article of a run. */
export type StageTimes = Record<Stage, number>

export function createStageTimes(): StageTimes {
  return { 'decode+extract': 0, dedup: 0, store: 0, enrich: 0 }
}

interface StageContext {
  readonly times: StageTimes
  readonly stage: Stage
}

// Which stage an SQL statement runs for: pages are processed concurrently and every query goes
// through awaits, so a module-level "current stage" would be wrong; the async context is not.
const context = new AsyncLocalStorage<StageContext>()

/** Runs `fn` with its work counted into `times` (default stage: store); without times, just runs it. */
export function withStageTimes<T>(times: StageTimes | undefined, fn: () => T): T {
  return times ? context.run({ times, stage: 'store' }, fn) : fn()
}

/** Counts the SQL that `fn` runs into `stage` (only inside {@link withStageTimes}). */
export function inStage<T>(stage: Stage, fn: () => T): T {
  const current = context.getStore()
  return current ? context.run({ times: current.times, stage }, fn) : fn()
}

/** Runs a synchronous `fn` and counts its time into `stage` (only inside {@link withStageTimes}). */
export function timeSync<T>(stage: Stage, fn: () => T): T {
  const current = context.getStore()
  if (!current) return fn()
  const started = performance.now()
  try {
    return fn()
  } finally {
    current.times[stage] += performance.now() - started
  }
}

/** Adds the time of one SQL statement to the stage it ran for, if any. */
export function countStatement(ms: number): void {
  const current = context.getStore()
  if (current) current.times[current.stage] += ms
}

/** Whether statement times are being counted (saves the clock reads when not). */
export function countingStatements(): boolean {
  return context.getStore() !== undefined
}
