/**
 * Per-host politeness for our own requests (feeds, sitemaps, robots.txt): one request at a time
 * per host and at least `delayMs` between the end of one and the start of the next. Crawlee does
 * the same for pages with sameDomainDelaySecs.
 */
export interface HostLimiter {
  run<T>(url: string, delayMs: number, task: () => Promise<T>): Promise<T>
  /** Push the next request to a host back (Retry-After, robots.txt crawl-delay). */
  deferHost(url: string, untilMs: number): void
}

export function createHostLimiter(): HostLimiter {
  const tails = new Map<string, Promise<void>>()
  const nextAllowed = new Map<string, number>()

  return {
    run<T>(url: string, delayMs: number, task: () => Promise<T>): Promise<T> {
      const host = hostOf(url)
      const previous = tails.get(host) ?? Promise.resolve()
      const result = previous.then(async () => {
        const wait = (nextAllowed.get(host) ?? 0) - Date.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        try {
          return await task()
        } finally {
          nextAllowed.set(host, Math.max(nextAllowed.get(host) ?? 0, Date.now() + delayMs))
        }
      })
      tails.set(
        host,
        result.then(
          () => undefined,
          () => undefined,
        ),
      )
      return result
    },
    deferHost(url: string, untilMs: number): void {
      const host = hostOf(url)
      nextAllowed.set(host, Math.max(nextAllowed.get(host) ?? 0, untilMs))
    },
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return url
  }
}
