import cron from 'node-cron'
import { ConfigError } from './errors.js'

/** Per-source overrides of the global politeness settings. */
export interface SourcePoliteness {
  /** Minimum delay between two requests to this source's hosts, in milliseconds. */
  readonly delayMs?: number
  /** Parallel requests to one host (default 1). */
  readonly maxConcurrencyPerHost?: number
  /** Honour robots.txt (default true). */
  readonly respectRobotsTxt?: boolean
}

export interface SourceDefinition {
  /** Stable id: lower-case letters, digits and dashes ("heise", "the-verge"). */
  readonly id: string
  readonly name: string
  readonly homepage: string
  /** ISO 639-1 language the source mostly publishes in. */
  readonly language: string
  readonly feeds: readonly string[]
  readonly sitemaps?: readonly string[]
  /** Cron expression (node-cron syntax, 5 or 6 fields) for `newshound schedule`. */
  readonly schedule: string
  readonly politeness?: SourcePoliteness
  /**
   * Allow loopback/private addresses for this source (demo corpus and tests on 127.0.0.1).
   * Off for every real source: the crawler refuses such addresses otherwise.
   */
  readonly local?: boolean
  readonly tags?: readonly string[]
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

function checkUrl(id: string, field: string, value: string): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`source ${id}: ${field} is not a URL: ${value}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`source ${id}: ${field} must be http(s): ${value}`)
  }
}

/** Validates and freezes one source definition (crawlers/*.ts call this). */
export function defineSource(definition: SourceDefinition): SourceDefinition {
  const { id } = definition
  if (!ID_PATTERN.test(id)) {
    throw new ConfigError(
      `source id must be lower-case letters, digits and dashes: ${JSON.stringify(id)}`,
    )
  }
  if (definition.name.trim() === '') throw new ConfigError(`source ${id}: name is empty`)
  checkUrl(id, 'homepage', definition.homepage)
  if (!/^[a-z]{2}$/.test(definition.language)) {
    throw new ConfigError(
      `source ${id}: language must be an ISO 639-1 code, got ${definition.language}`,
    )
  }
  if (definition.feeds.length === 0 && (definition.sitemaps?.length ?? 0) === 0) {
    throw new ConfigError(`source ${id}: needs at least one feed or sitemap`)
  }
  for (const feed of definition.feeds) checkUrl(id, 'feed', feed)
  for (const sitemap of definition.sitemaps ?? []) checkUrl(id, 'sitemap', sitemap)
  if (!cron.validate(definition.schedule)) {
    throw new ConfigError(
      `source ${id}: invalid cron expression ${JSON.stringify(definition.schedule)}`,
    )
  }
  return Object.freeze({ ...definition })
}
