/** Error codes shared by every stage; the CLI maps them to exit codes (see README). */
export type ErrorCode =
  | 'E_CONFIG'
  | 'E_USAGE'
  | 'E_FETCH'
  | 'E_HTTP_STATUS'
  | 'E_TIMEOUT'
  | 'E_TOO_LARGE'
  | 'E_REDIRECT'
  | 'E_CONTENT_TYPE'
  | 'E_ROBOTS_DISALLOWED'
  | 'E_BLOCKED_ADDRESS'
  | 'E_FEED_PARSE'
  | 'E_DECODE'
  | 'E_EXTRACT'
  | 'E_ENRICH'
  | 'E_STORE'
  | 'E_MIGRATION'
  | 'E_LOCKED'
  | 'E_INPUTS_FAILED'

export class NewshoundError extends Error {
  override name = 'NewshoundError'
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export class ConfigError extends NewshoundError {
  override name = 'ConfigError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_CONFIG', message, options)
  }
}

export class UsageError extends NewshoundError {
  override name = 'UsageError'
  constructor(message: string) {
    super('E_USAGE', message)
  }
}

/** A network-side failure for one URL; `status` is null when no HTTP response arrived. */
export class FetchError extends NewshoundError {
  override name = 'FetchError'
  readonly url: string
  readonly status: number | null
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSeconds: number | null
  constructor(
    code: ErrorCode,
    url: string,
    message: string,
    options?: { cause?: unknown; status?: number | null; retryAfterSeconds?: number | null },
  ) {
    super(code, message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.url = url
    this.status = options?.status ?? null
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null
  }
}

export class FeedParseError extends NewshoundError {
  override name = 'FeedParseError'
  readonly url: string
  constructor(url: string, message: string, options?: { cause?: unknown }) {
    super('E_FEED_PARSE', `feed: ${message} (${url})`, options)
    this.url = url
  }
}

export class ExtractError extends NewshoundError {
  override name = 'ExtractError'
  readonly url: string
  constructor(url: string, message: string, options?: { cause?: unknown }) {
    super('E_EXTRACT', `extract: ${message} (${url})`, options)
    this.url = url
  }
}

export class StoreError extends NewshoundError {
  override name = 'StoreError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_STORE', message, options)
  }
}

/**
 * `feed`, `extract` and `analyze` print a result line for every input, then throw this when any
 * of them failed, so a script or cron job sees exit code 1 instead of a success.
 */
export class InputsFailedError extends NewshoundError {
  override name = 'InputsFailedError'
  readonly failed: number
  constructor(failed: number, total: number) {
    super('E_INPUTS_FAILED', `${failed} of ${total} input(s) failed (see their error lines)`)
    this.failed = failed
  }
}

/** One-line description of any thrown value, with its cause chain (for error rows and logs). */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    if (current instanceof Error) {
      // Causes often repeat the message they were wrapped in ("… ENOTFOUND x: ENOTFOUND x").
      if (!parts.some((p) => p.includes(current instanceof Error ? current.message : '')))
        parts.push(current.message)
      current = (current as { cause?: unknown }).cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(': ')
}
