import { createRequire } from 'node:module'
import type { HttpClient } from './http-client.js'

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined
  getCrawlDelay(ua?: string): number | undefined
}
// robots-parser is CommonJS with a default-export typing that does not match under nodenext.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  text: string,
) => Robots

export interface RobotsVerdict {
  readonly allowed: boolean
  /** robots.txt Crawl-delay for our agent, in ms, when set. */
  readonly crawlDelayMs: number | null
}

export interface RobotsCache {
  check(url: string, options: { allowPrivate: boolean }): Promise<RobotsVerdict>
}

const MAX_ROBOTS_BYTES = 512 * 1024

/**
 * robots.txt per origin, fetched once per cache (one crawl run). Missing (4xx) means everything is
 * allowed (RFC 9309 §2.3.1.3); unreachable or 5xx is treated as allowed for this run too, logged
 * by the caller — a site that is down will fail its own requests anyway.
 */
export function createRobotsCache(client: HttpClient, userAgent: string): RobotsCache {
  const cache = new Map<string, Promise<Robots | null>>()
  const agentToken = userAgent.split(/[\s/]/)[0] ?? userAgent

  function load(origin: string, allowPrivate: boolean) {
    let entry = cache.get(origin)
    if (!entry) {
      const robotsUrl = `${origin}/robots.txt`
      entry = client
        .fetch(robotsUrl, { maxBytes: MAX_ROBOTS_BYTES, allowPrivate, accept: 'text/plain' })
        .then((res) => robotsParser(robotsUrl, res.body.toString('utf8')))
        .catch(() => null)
      cache.set(origin, entry)
    }
    return entry
  }

  return {
    async check(url, { allowPrivate }) {
      const origin = new URL(url).origin
      const robots = await load(origin, allowPrivate)
      if (!robots) return { allowed: true, crawlDelayMs: null }
      const allowed = robots.isAllowed(url, agentToken) ?? true
      const delay = robots.getCrawlDelay(agentToken)
      return {
        allowed,
        crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay, 120) * 1000 : null,
      }
    },
  }
}
