import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici'
import { describeError, FetchError } from '../errors.js'
import { guardedLookup, isBlockedHost } from './address-guard.js'

export interface HttpClientOptions {
  readonly userAgent: string
  readonly timeoutMs: number
  readonly maxRedirects: number
  readonly proxy?: string | null
}

export interface FetchOptions {
  readonly headers?: Readonly<Record<string, string>>
  /** Largest body accepted, after decompression. */
  readonly maxBytes: number
  /** Allow loopback/private addresses (sources marked local, --allow-private). */
  readonly allowPrivate?: boolean
  readonly accept?: string
  readonly signal?: AbortSignal
}

export interface FetchedResource {
  readonly status: number
  /** Final URL after redirects. */
  readonly url: string
  readonly redirects: readonly string[]
  readonly headers: Readonly<Record<string, string>>
  readonly body: Buffer
  readonly notModified: boolean
}

export interface HttpClient {
  fetch(url: string, options: FetchOptions): Promise<FetchedResource>
  close(): Promise<void>
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * Our HTTP layer for feeds, sitemaps, robots.txt and ad-hoc commands: bounded redirects (checked
 * hop by hop against private addresses), decompression with a decompressed-size limit (a gzip bomb
 * is refused), one overall timeout, conditional GET headers passed through. Status >= 400 throws a
 * FetchError carrying Retry-After.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const connect = { lookup: guardedLookup }
  const guarded: Dispatcher = options.proxy
    ? new ProxyAgent({ uri: options.proxy, connect })
    : new Agent({ connect, keepAliveTimeout: 4_000 })
  // Private addresses are allowed only for sources explicitly marked local.
  const open: Dispatcher = options.proxy
    ? new ProxyAgent({ uri: options.proxy })
    : new Agent({ keepAliveTimeout: 4_000 })

  async function fetchOnce(url: string, fetchOptions: FetchOptions): Promise<FetchedResource> {
    const redirects: string[] = []
    let current = url
    const signal = fetchOptions.signal
      ? AbortSignal.any([fetchOptions.signal, AbortSignal.timeout(options.timeoutMs)])
      : AbortSignal.timeout(options.timeoutMs)
    for (;;) {
      let parsed: URL
      try {
        parsed = new URL(current)
      } catch {
        throw new FetchError('E_FETCH', current, `invalid URL: ${current}`)
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new FetchError(
          'E_FETCH',
          current,
          `only http(s) URLs are fetched, not ${parsed.protocol} (${current})`,
        )
      }
      if (!fetchOptions.allowPrivate && isBlockedHost(parsed.hostname)) {
        throw new FetchError(
          'E_BLOCKED_ADDRESS',
          current,
          `refusing private or local address ${parsed.hostname} (${current}); mark the source local or pass --allow-private`,
        )
      }
      let response: Dispatcher.ResponseData
      try {
        response = await request(parsed, {
          method: 'GET',
          dispatcher: fetchOptions.allowPrivate ? open : guarded,
          signal,
          headers: {
            'user-agent': options.userAgent,
            accept: fetchOptions.accept ?? '*/*',
            'accept-encoding': 'gzip, deflate, br',
            ...fetchOptions.headers,
          },
        })
      } catch (error) {
        throw toFetchError(current, error, signal)
      }
      const headers = flattenHeaders(response.headers)
      if (REDIRECT_STATUSES.has(response.statusCode) && headers['location']) {
        response.body.resume()
        if (redirects.length >= options.maxRedirects) {
          throw new FetchError(
            'E_REDIRECT',
            url,
            `too many redirects (${options.maxRedirects}) starting at ${url}`,
          )
        }
        const next = new URL(headers['location'], current).toString()
        if (next === current || redirects.includes(next) || next === url) {
          throw new FetchError('E_REDIRECT', url, `redirect loop at ${next}`)
        }
        redirects.push(current)
        current = next
        continue
      }
      if (response.statusCode === 304) {
        response.body.resume()
        return {
          status: 304,
          url: current,
          redirects,
          headers,
          body: Buffer.alloc(0),
          notModified: true,
        }
      }
      if (response.statusCode >= 400) {
        response.body.resume()
        throw new FetchError(
          'E_HTTP_STATUS',
          current,
          `HTTP ${response.statusCode} for ${current}`,
          {
            status: response.statusCode,
            retryAfterSeconds: parseRetryAfter(headers['retry-after']),
          },
        )
      }
      const declared = Number(headers['content-length'])
      if (
        !headers['content-encoding'] &&
        Number.isFinite(declared) &&
        declared > fetchOptions.maxBytes
      ) {
        response.body.destroy()
        throw new FetchError(
          'E_TOO_LARGE',
          current,
          `body of ${declared} bytes exceeds the ${fetchOptions.maxBytes}-byte limit (${current})`,
        )
      }
      let body: Buffer
      try {
        body = await readBody(
          response.body,
          headers['content-encoding'],
          fetchOptions.maxBytes,
          current,
        )
      } catch (error) {
        if (error instanceof FetchError) throw error
        throw toFetchError(current, error, signal)
      }
      return {
        status: response.statusCode,
        url: current,
        redirects,
        headers,
        body,
        notModified: false,
      }
    }
  }

  return {
    fetch: fetchOnce,
    close: async () => {
      await Promise.allSettled([guarded.close(), open.close()])
    },
  }
}

function toFetchError(url: string, error: unknown, signal: AbortSignal): FetchError {
  const code = (error as { code?: string })?.code
  if (
    code === 'E_BLOCKED_ADDRESS' ||
    (error as { cause?: { code?: string } })?.cause?.code === 'E_BLOCKED_ADDRESS'
  ) {
    return new FetchError(
      'E_BLOCKED_ADDRESS',
      url,
      `refusing private or local address for ${url}`,
      { cause: error },
    )
  }
  if (signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new FetchError('E_TIMEOUT', url, `timed out fetching ${url}`, { cause: error })
  }
  return new FetchError('E_FETCH', url, `network error for ${url}: ${describeError(error)}`, {
    cause: error,
  })
}

function flattenHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** Retry-After as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.round((date - now) / 1000))
}

async function readBody(
  stream: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  let source: Readable = stream
  const enc = (encoding ?? '').trim().toLowerCase()
  if (enc === 'gzip' || enc === 'x-gzip') source = stream.pipe(createGunzip())
  else if (enc === 'deflate') source = stream.pipe(createInflate())
  else if (enc === 'br') source = stream.pipe(createBrotliDecompress())
  if (source !== stream) stream.on('error', (e) => source.destroy(e))
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of source as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      stream.destroy()
      source.destroy()
      throw new FetchError(
        'E_TOO_LARGE',
        url,
        `body exceeds the ${maxBytes}-byte limit${enc ? ' after decompression' : ''} (${url})`,
      )
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, total)
}
