import { Transform } from 'node:stream'
import {
  Configuration,
  HttpCrawler,
  type HttpCrawlingContext,
  Log,
  LogLevel,
  NonRetryableError,
  RequestList,
} from '@crawlee/cheerio'
import { MemoryStorage } from '@crawlee/memory-storage'
import { describeError } from '../errors.js'
import { guardedLookup, isBlockedHost } from './address-guard.js'

export interface PageRequest {
  readonly url: string
  /** Caller's data, handed back with the page or the failure. */
  readonly key: string
  readonly allowPrivate: boolean
}

export interface FetchedPage {
  readonly key: string
  readonly requestedUrl: string
  /** URL after redirects. */
  readonly url: string
  readonly status: number
  readonly contentType: string | null
  /** Raw bytes: decoding is ours (Crawlee ignores <meta charset>, crawlee#2317). */
  readonly body: Buffer
}

export interface PageFailure {
  readonly key: string
  readonly url: string
  readonly code: string
  readonly reason: string
  readonly httpStatus: number | null
  /** robots.txt said no: a skip, not an error of the site. */
  readonly skipped: boolean
  /** Worth trying again in a later run (network trouble, 5xx, 429), unlike a 404 or a PDF. */
  readonly transient: boolean
}

export interface FetchPagesOptions {
  readonly userAgent: string
  readonly concurrency: number
  readonly hostDelayMs: number
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly maxRetries: number
  readonly maxRedirects: number
  readonly proxy?: string | null
  /** Called inside Crawlee's request handler: the page counts as done only when this resolves. */
  readonly onPage: (page: FetchedPage) => Promise<void>
  readonly onFailure: (failure: PageFailure) => Promise<void>
  readonly log?: Log
  /** Abort: stop taking new pages; in-flight ones finish (Crawlee's graceful stop). */
  readonly signal?: AbortSignal
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])

/**
 * Fetches article pages with Crawlee's HttpCrawler (the raw-body sibling of CheerioCrawler, from
 * @crawlee/cheerio): bounded concurrency, per-host delay, retries with backoff,
 * request timeout, body-size limit, HTML only. Crawlee's request list lives in memory for this call only;
 * what has been seen is the database's job. A new crawler per call (crawlee#1979).
 */
export async function fetchPages(
  all: readonly PageRequest[],
  options: FetchPagesOptions,
): Promise<void> {
  // Refuse private literals before Crawlee sees them: no request for them is even queued.
  const requests: PageRequest[] = []
  for (const request of all) {
    if (!request.allowPrivate && isBlockedHost(hostnameOf(request.url))) {
      await options.onFailure({
        key: request.key,
        url: request.url,
        code: 'E_BLOCKED_ADDRESS',
        reason: `refusing private or local address: ${request.url}`,
        httpStatus: null,
        skipped: false,
        transient: false,
      })
    } else {
      requests.push(request)
    }
  }
  if (requests.length === 0) return
  const config = new Configuration({
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    persistStorage: false,
    purgeOnStart: false,
  })
  const log = options.log ?? new Log({ level: LogLevel.OFF })
  const byKey = new Map(requests.map((r) => [r.key, r]))
  // A RequestList, not a RequestQueue: every URL is known up front, and Crawlee 3.18's queue
  // allocates a 1,000,000-slot dedup cache (two arrays, ~16 MB) per queue. A crawler per run and
  // per politeness group left dozens of them for a late garbage collection: 1.2 GB resident in
  // the 50-source soak for ~100 MB of live data.
  const list = await RequestList.open(
    null,
    requests.map((r) => ({ url: r.url, uniqueKey: r.key, userData: { key: r.key } })),
  )

  const crawler = new HttpCrawler(
    {
      requestList: list,
      log,
      useSessionPool: false,
      persistCookiesPerSession: false,
      maxConcurrency: options.concurrency,
      // Start at full concurrency: crawls are short, and ramping up from 1 costs seconds.
      minConcurrency: options.concurrency,
      autoscaledPoolOptions: { desiredConcurrency: options.concurrency },
      maxRequestRetries: options.maxRetries,
      sameDomainDelaySecs: options.hostDelayMs / 1000,
      navigationTimeoutSecs: Math.max(1, options.timeoutMs / 1000),
      requestHandlerTimeoutSecs: Math.max(30, (options.timeoutMs / 1000) * 3),
      // robots.txt is checked before pages get here (src/pipeline.ts), through our guarded client.
      respectRobotsTxtFile: false,
      // Keep the raw bytes: a Buffer-native encoding makes Crawlee skip its own decoding.
      forceResponseEncoding: 'latin1',
      statusMessageLoggingInterval: 3600,
      onSkippedRequest: async ({ url, reason }) => {
        const key = keyFor(byKey, url)
        await options.onFailure({
          key,
          url,
          code: 'E_SKIPPED',
          reason: `skipped (${reason}): ${url}`,
          httpStatus: null,
          skipped: true,
          transient: false,
        })
      },
      preNavigationHooks: [
        (ctx, gotOptions) => {
          const request = byKey.get(String(ctx.request.userData['key']))
          const allowPrivate = request?.allowPrivate ?? false
          gotOptions.headers = {
            ...gotOptions.headers,
            'user-agent': options.userAgent,
            accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
          }
          // No generated browser headers (got-scraping's default: Chrome's client hints next to
          // our own User-Agent): we say who we are, and generating them cost ~3 % of a crawl's
          // CPU (bench:harvest profile).
          ;(gotOptions as Record<string, unknown>)['useHeaderGenerator'] = false
          gotOptions.maxRedirects = options.maxRedirects
          if (options.proxy) gotOptions.proxyUrl = options.proxy
          if (!allowPrivate) {
            if (isBlockedHost(new URL(ctx.request.url).hostname)) {
              throw new NonRetryableError(`refusing private or local address: ${ctx.request.url}`)
            }
            ;(gotOptions as Record<string, unknown>)['dnsLookup'] = guardedLookup
            gotOptions.hooks = {
              ...gotOptions.hooks,
              beforeRedirect: [
                ...(gotOptions.hooks?.beforeRedirect ?? []),
                (next) => {
                  const target = new URL(String(next.url))
                  if (isBlockedHost(target.hostname)) {
                    throw new NonRetryableError(
                      `refusing redirect to private or local address: ${target}`,
                    )
                  }
                },
              ],
            }
          }
        },
      ],
      postNavigationHooks: [
        (ctx) => {
          const response = ctx.response as unknown as NodeJS.ReadableStream & {
            headers: Record<string, string | string[] | undefined>
            statusCode: number
          }
          const declared = Number(response.headers['content-length'])
          if (
            Number.isFinite(declared) &&
            declared > options.maxBytes &&
            !response.headers['content-encoding']
          ) {
            throw new NonRetryableError(
              `E_TOO_LARGE: page of ${declared} bytes exceeds the ${options.maxBytes}-byte limit`,
            )
          }
          ctx.response = limitResponse(response, options.maxBytes) as unknown as typeof ctx.response
        },
      ],
      requestHandler: async (ctx: HttpCrawlingContext) => {
        const status = ctx.response.statusCode ?? 0
        if (status === 429 || status === 408)
          throw new Error(`HTTP ${status} for ${ctx.request.url}`)
        if (status >= 400) {
          throw new NonRetryableError(`HTTP ${status} for ${ctx.request.url}`)
        }
        const type = ctx.contentType.type.toLowerCase()
        if (!HTML_TYPES.has(type)) {
          throw new NonRetryableError(
            `E_CONTENT_TYPE: expected HTML, got ${type} (${ctx.request.url})`,
          )
        }
        const body = Buffer.isBuffer(ctx.body) ? ctx.body : Buffer.from(ctx.body, 'latin1')
        const rawType = ctx.response.headers['content-type']
        await options.onPage({
          key: String(ctx.request.userData['key']),
          requestedUrl: ctx.request.url,
          url: ctx.request.loadedUrl ?? ctx.request.url,
          status,
          contentType: Array.isArray(rawType) ? (rawType[0] ?? null) : (rawType ?? null),
          body,
        })
      },
      errorHandler: async ({ request }, error) => {
        if (/E_TOO_LARGE|E_CONTENT_TYPE|refusing/.test(error.message)) request.noRetry = true
        // Exponential backoff before the retry: 0.5 s, 1 s, 2 s … capped at 8 s.
        const wait = Math.min(8000, 500 * 2 ** request.retryCount)
        await new Promise((resolve) => setTimeout(resolve, wait))
      },
      failedRequestHandler: async ({ request, response }, error) => {
        await options.onFailure(
          classifyFailure(
            String(request.userData['key']),
            request.url,
            error,
            response?.statusCode,
          ),
        )
      },
    },
    config,
  )
  if (options.signal?.aborted) return
  const onAbort = () => crawler.stop('newshound: shutting down')
  options.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    await crawler.run()
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

function keyFor(byKey: Map<string, PageRequest>, url: string): string {
  for (const [key, request] of byKey) if (request.url === url) return key
  return url
}

/** Wraps the response stream so bodies over the limit (after decompression) fail the request. */
function limitResponse(
  response: NodeJS.ReadableStream & { headers: Record<string, unknown>; statusCode: number },
  maxBytes: number,
): Transform {
  let total = 0
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length
      if (total > maxBytes) {
        callback(new NonRetryableError(`E_TOO_LARGE: page exceeds the ${maxBytes}-byte limit`))
        ;(response as unknown as { destroy?: () => void }).destroy?.()
        return
      }
      callback(null, chunk)
    },
  })
  response.on('error', (error: Error) => limited.destroy(error))
  response.pipe(limited)
  // Crawlee reads these off the response after the hook.
  for (const key of [
    'statusCode',
    'statusMessage',
    'headers',
    'url',
    'redirectUrls',
    'request',
    'timings',
    'ip',
  ]) {
    Object.defineProperty(limited, key, {
      value: (response as unknown as Record<string, unknown>)[key],
      enumerable: true,
    })
  }
  return limited
}

function classifyFailure(
  key: string,
  url: string,
  error: Error,
  statusCode: number | undefined,
): PageFailure {
  const message = describeError(error)
  const statusText = /HTTP (\d{3})/.exec(message)?.[1] ?? /^(\d{3}) - /.exec(message)?.[1]
  const httpStatus = statusText ? Number(statusText) : (statusCode ?? null)
  let code = 'E_FETCH'
  if (/E_TOO_LARGE/.test(message)) code = 'E_TOO_LARGE'
  else if (/E_CONTENT_TYPE|served Content-Type/.test(message)) code = 'E_CONTENT_TYPE'
  else if (/refusing/.test(message)) code = 'E_BLOCKED_ADDRESS'
  else if (/timed? ?out|timeout/i.test(message)) code = 'E_TIMEOUT'
  else if (/redirect/i.test(message)) code = 'E_REDIRECT'
  else if (httpStatus !== null && httpStatus >= 400) code = 'E_HTTP_STATUS'
  const status = httpStatus && httpStatus >= 400 ? httpStatus : null
  const transient =
    code === 'E_FETCH' ||
    code === 'E_TIMEOUT' ||
    (status !== null && (status >= 500 || status === 408 || status === 429))
  return {
    key,
    url,
    code,
    reason: message.replace(/^E_[A-Z_]+: /, ''),
    httpStatus: status,
    skipped: false,
    transient,
  }
}
