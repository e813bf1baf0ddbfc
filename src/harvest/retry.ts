import { FetchError } from '../errors.js'

export interface RetryOptions {
  readonly retries: number
  /** First backoff in ms; doubles per attempt, with jitter. */
  readonly baseDelayMs?: number
  /** Longest Retry-After we wait for inside one run; longer ones fail now and are retried next run. */
  readonly maxRetryAfterMs?: number
  readonly signal?: AbortSignal
}

/** Network errors, timeouts, 5xx, 408 and 429 are worth another try; 4xx and parse errors are not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof FetchError)) return false
  if (error.code === 'E_FETCH' || error.code === 'E_TIMEOUT') return true
  if (error.code !== 'E_HTTP_STATUS' || error.status === null) return false
  return error.status >= 500 || error.status === 408 || error.status === 429
}

/** Runs `task` with exponential backoff, honouring Retry-After when the server sends one. */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  const base = options.baseDelayMs ?? 500
  for (let attempt = 0; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      if (attempt >= options.retries || !isRetryable(error) || options.signal?.aborted) throw error
      const retryAfterMs =
        error instanceof FetchError && error.retryAfterSeconds !== null
          ? error.retryAfterSeconds * 1000
          : null
      if (retryAfterMs !== null && retryAfterMs > (options.maxRetryAfterMs ?? 30_000)) throw error
      const backoff = base * 2 ** attempt * (0.75 + Math.random() * 0.5)
      await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfterMs ?? 0, backoff)))
    }
  }
}
