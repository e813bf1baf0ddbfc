import { createRequire } from 'node:module'
import { type Logger, pino } from 'pino'

export type { Logger }

const require = createRequire(import.meta.url)

export interface CreateLoggerOptions {
  readonly level?: string
  /** Force JSON lines even on a TTY (LOG_FORMAT=json). */
  readonly json?: boolean
}

/**
 * Logs go to stderr only: stdout belongs to --json / CSV output. Pretty on a TTY, JSON otherwise.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info'
  const json = options.json ?? (process.env['LOG_FORMAT'] === 'json' || !process.stderr.isTTY)
  if (json) return pino({ level, base: null }, pino.destination({ dest: 2, sync: true }))
  // pino-pretty as a stream (not a worker transport), loaded only when a person is watching.
  const mod = require('pino-pretty') as { default?: unknown }
  const pretty = (mod.default ?? mod) as (options: Record<string, unknown>) => NodeJS.WritableStream
  return pino(
    { level, base: null },
    pretty({
      destination: 2,
      colorize: !('NO_COLOR' in process.env),
      sync: true,
      ignore: 'pid,hostname',
    }),
  )
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}
