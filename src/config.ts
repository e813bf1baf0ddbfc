import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { ConfigError } from './errors.js'

/**
 * The single table of settings: key, env var, default, description. Precedence:
 * defaults < .env < process env < CLI flags. `.env.example` lists every key (a test checks).
 */
export const CONFIG_KEYS = {
  db: {
    env: 'NEWSHOUND_DB',
    default: 'storage/newshound.db',
    description: 'SQLite database file',
  },
  storageDir: {
    env: 'NEWSHOUND_STORAGE_DIR',
    default: 'storage',
    description: 'data directory for crawl state (Crawlee scratch space)',
  },
  userAgent: {
    env: 'NEWSHOUND_USER_AGENT',
    default: 'newshound/0.1 (+https://github.com/newshound/newshound; news research crawler)',
    description: 'User-Agent sent with every request; include a contact URL',
  },
  concurrency: {
    env: 'NEWSHOUND_CONCURRENCY',
    default: '8',
    description: 'parallel page fetches across all hosts',
  },
  feedConcurrency: {
    env: 'NEWSHOUND_FEED_CONCURRENCY',
    default: '4',
    description: 'parallel feed polls across all hosts',
  },
  hostDelayMs: {
    env: 'NEWSHOUND_HOST_DELAY_MS',
    default: '2000',
    description: 'minimum delay between two requests to the same host, in ms',
  },
  timeoutMs: {
    env: 'NEWSHOUND_TIMEOUT_MS',
    default: '20000',
    description: 'timeout for one HTTP request, in ms',
  },
  maxPageBytes: {
    env: 'NEWSHOUND_MAX_PAGE_BYTES',
    default: '5242880',
    description: 'largest article page accepted (decompressed bytes)',
  },
  maxFeedBytes: {
    env: 'NEWSHOUND_MAX_FEED_BYTES',
    default: '10485760',
    description: 'largest feed or sitemap accepted (decompressed bytes)',
  },
  maxRedirects: {
    env: 'NEWSHOUND_MAX_REDIRECTS',
    default: '5',
    description: 'redirects followed per request',
  },
  maxRetries: {
    env: 'NEWSHOUND_MAX_RETRIES',
    default: '2',
    description: 'retries per request after a network error, timeout or 5xx',
  },
  maxItemsPerFeed: {
    env: 'NEWSHOUND_MAX_ITEMS_PER_FEED',
    default: '500',
    description: 'items taken from one feed poll',
  },
  respectRobotsTxt: {
    env: 'NEWSHOUND_RESPECT_ROBOTS_TXT',
    default: 'true',
    description: 'honour robots.txt for feeds and pages (true/false)',
  },
  proxy: {
    env: 'NEWSHOUND_PROXY',
    default: '',
    description: 'HTTP(S) proxy URL for all requests (empty: none)',
  },
  schedulerHeapMb: {
    env: 'NEWSHOUND_SCHEDULER_HEAP_MB',
    default: '384',
    description:
      'V8 heap cap (MB) `schedule` starts itself with when NODE_OPTIONS gives none; 0: V8 default',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    default: 'info',
    description: 'trace, debug, info, warn, error, silent',
  },
} as const

export type ConfigKey = keyof typeof CONFIG_KEYS

const boolean = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'expected true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

const schema = z.object({
  db: z.string().trim().min(1, 'must not be empty'),
  storageDir: z.string().trim().min(1, 'must not be empty'),
  userAgent: z.string().trim().min(3, 'too short'),
  concurrency: int(1, 256),
  feedConcurrency: int(1, 64),
  hostDelayMs: int(0, 600_000),
  timeoutMs: int(100, 600_000),
  maxPageBytes: int(1024, 1024 * 1024 * 1024),
  maxFeedBytes: int(1024, 1024 * 1024 * 1024),
  maxRedirects: int(0, 20),
  maxRetries: int(0, 10),
  maxItemsPerFeed: int(1, 100_000),
  respectRobotsTxt: boolean,
  proxy: z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), 'expected an http(s):// URL or empty')
    .transform((v) => (v === '' ? null : v)),
  schedulerHeapMb: int(0, 1024 * 1024),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
})

export type Config = Readonly<z.infer<typeof schema>>
export type ConfigOrigin = 'default' | '.env' | 'env' | 'flag'

export interface LoadedConfig {
  readonly config: Config
  readonly origins: Readonly<Record<ConfigKey, ConfigOrigin>>
}

/** Reads KEY=VALUE lines (the subset of dotenv syntax .env.example uses). */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) continue
    let value = match[2] ?? ''
    if (/^".*"$/.test(value) || /^'.*'$/.test(value)) value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    out[match[1] as string] = value
  }
  return out
}

export interface LoadConfigOptions {
  /** Process environment (defaults to process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Path of the .env file; read when it exists. */
  readonly envFile?: string | null
  /** Values from CLI flags (already strings or numbers). */
  readonly flags?: Partial<Record<ConfigKey, string | number | boolean | undefined>>
  readonly cwd?: string
}

/** Builds the frozen config once at start; bad values fail with one message naming the key. */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  const envFile = options.envFile === undefined ? resolve(cwd, '.env') : options.envFile
  let dotenv: Record<string, string> = {}
  if (envFile && existsSync(envFile)) {
    dotenv = parseDotenv(readFileSync(envFile, 'utf8'))
  }
  const raw: Record<string, string> = {}
  const origins = {} as Record<ConfigKey, ConfigOrigin>
  for (const [key, spec] of Object.entries(CONFIG_KEYS) as [
    ConfigKey,
    (typeof CONFIG_KEYS)[ConfigKey],
  ][]) {
    let value: string = spec.default
    let origin: ConfigOrigin = 'default'
    if (dotenv[spec.env] !== undefined) {
      value = dotenv[spec.env] as string
      origin = '.env'
    }
    const fromEnv = env[spec.env]
    if (fromEnv !== undefined && fromEnv !== '') {
      value = fromEnv
      origin = 'env'
    }
    const flag = options.flags?.[key]
    if (flag !== undefined) {
      value = String(flag)
      origin = 'flag'
    }
    raw[key] = value
    origins[key] = origin
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as ConfigKey
      const spec = CONFIG_KEYS[key]
      const where = origins[key] === 'flag' ? `--${kebab(key)}` : spec.env
      return `${where}=${JSON.stringify(raw[key])}: ${issue.message}`
    })
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const config = Object.freeze({
    ...parsed.data,
    db: resolve(cwd, parsed.data.db),
    storageDir: resolve(cwd, parsed.data.storageDir),
  })
  return { config, origins: Object.freeze(origins) }
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}
