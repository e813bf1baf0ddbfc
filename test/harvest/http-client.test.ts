import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server.js'
import { FetchError } from '../../src/errors.js'
import { guardedLookup } from '../../src/harvest/address-guard.js'
import { createHttpClient, parseRetryAfter } from '../../src/harvest/http-client.js'

describe('http client against a local server', () => {
  let server: FixtureServer
  const client = createHttpClient({
    userAgent: 'newshound-test/1',
    timeoutMs: 1000,
    maxRedirects: 3,
  })
  const opts = { maxBytes: 100_000, allowPrivate: true }

  beforeAll(async () => {
    server = await startFixtureServer({
      routes: {
        '/etag': (req, res) => {
          res.setHeader('etag', '"v1"')
          if (req.headers['if-none-match'] === '"v1"') {
            res.statusCode = 304
            res.end()
            return
          }
          res.end('fresh')
        },
        '/gzip': (_req, res) => {
          res.setHeader('content-encoding', 'gzip')
          res.end(gzipSync('zipped body'))
        },
        '/br': (_req, res) => {
          res.setHeader('content-encoding', 'br')
          res.end(brotliCompressSync('brotli body'))
        },
        '/bomb': (_req, res) => {
          res.setHeader('content-encoding', 'gzip')
          res.end(gzipSync(Buffer.alloc(50_000_000)))
        },
        '/big': (_req, res) => {
          res.setHeader('content-length', '5000000')
          res.end(Buffer.alloc(5_000_000))
        },
        '/chunked-big': (_req, res) => {
          for (let i = 0; i < 30; i++) res.write(Buffer.alloc(10_000))
          res.end()
        },
        '/r1': (_req, res) => {
          res.statusCode = 301
          res.setHeader('location', '/r2')
          res.end()
        },
        '/r2': (_req, res) => {
          res.statusCode = 302
          res.setHeader('location', '/etag')
          res.end()
        },
        '/loop': (_req, res) => {
          res.statusCode = 302
          res.setHeader('location', '/loop')
          res.end()
        },
        '/many': (req, res) => {
          const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0)
          res.statusCode = 302
          res.setHeader('location', `/many?n=${n + 1}`)
          res.end()
        },
        '/busy': (_req, res) => {
          res.statusCode = 429
          res.setHeader('retry-after', '7')
          res.end()
        },
        '/hang': () => new Promise<void>(() => undefined),
      },
    })
  })
  afterAll(async () => {
    await client.close()
    await server.close()
  })

  it('sends conditional headers and reports 304 as not modified', async () => {
    const fresh = await client.fetch(server.url('/etag'), opts)
    expect(fresh.body.toString()).toBe('fresh')
    expect(fresh.headers['etag']).toBe('"v1"')
    const again = await client.fetch(server.url('/etag'), {
      ...opts,
      headers: { 'if-none-match': '"v1"' },
    })
    expect(again.notModified).toBe(true)
    expect(again.status).toBe(304)
  })

  it('decompresses gzip and brotli', async () => {
    expect((await client.fetch(server.url('/gzip'), opts)).body.toString()).toBe('zipped body')
    expect((await client.fetch(server.url('/br'), opts)).body.toString()).toBe('brotli body')
  })

  it('refuses a gzip bomb and oversized bodies', async () => {
    await expect(client.fetch(server.url('/bomb'), opts)).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    })
    await expect(client.fetch(server.url('/big'), opts)).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    })
    await expect(client.fetch(server.url('/chunked-big'), opts)).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    })
  })

  it('follows redirects, bounded, and detects loops', async () => {
    const res = await client.fetch(server.url('/r1'), opts)
    expect(res.url).toBe(server.url('/etag'))
    expect(res.redirects).toEqual([server.url('/r1'), server.url('/r2')])
    await expect(client.fetch(server.url('/loop'), opts)).rejects.toMatchObject({
      code: 'E_REDIRECT',
    })
    await expect(client.fetch(server.url('/many'), opts)).rejects.toMatchObject({
      code: 'E_REDIRECT',
    })
  })

  it('carries the status and Retry-After of an error response', async () => {
    const error = await client.fetch(server.url('/busy'), opts).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FetchError)
    expect((error as FetchError).status).toBe(429)
    expect((error as FetchError).retryAfterSeconds).toBe(7)
  })

  it('times out', async () => {
    await expect(client.fetch(server.url('/hang'), opts)).rejects.toMatchObject({
      code: 'E_TIMEOUT',
    })
  })

  it('refuses loopback addresses unless allowed, and non-http schemes', async () => {
    await expect(client.fetch(server.url('/etag'), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'E_BLOCKED_ADDRESS',
    })
    await expect(client.fetch('http://localhost:1/x', { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'E_BLOCKED_ADDRESS',
    })
    await expect(
      client.fetch('file:///etc/passwd', { maxBytes: 1000, allowPrivate: true }),
    ).rejects.toMatchObject({ code: 'E_FETCH' })
  })

  it('the guarded DNS lookup refuses names that resolve to loopback', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup('localhost', {}, (e) => resolve(e)),
    )
    expect(error?.code).toBe('E_BLOCKED_ADDRESS')
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120)
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')),
    ).toBe(60)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(undefined)).toBeNull()
  })
})
