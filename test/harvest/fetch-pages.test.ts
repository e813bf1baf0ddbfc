import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { type FetchedPage, fetchPages } from '../../src/harvest/fetch-pages.js'

describe('fetchPages', () => {
  it('asks for HTML as newshound, with no generated browser headers', async () => {
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((req, res) => {
      seen.push(req.headers)
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end('<html><body><p>Story</p></body></html>')
    })
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story.html`
    const pages: FetchedPage[] = []
    try {
      await fetchPages([{ url, key: 'story', allowPrivate: true }], {
        userAgent: 'newshound-test/1.0',
        concurrency: 1,
        hostDelayMs: 0,
        timeoutMs: 5000,
        maxBytes: 100_000,
        maxRetries: 0,
        maxRedirects: 2,
        onPage: async (page) => {
          pages.push(page)
        },
        onFailure: async (failure) => {
          throw new Error(failure.reason)
        },
      })
    } finally {
      server.close()
    }
    expect(pages.map((p) => p.body.toString('utf8'))).toEqual([
      '<html><body><p>Story</p></body></html>',
    ])
    const [headers] = seen
    expect(headers?.['user-agent']).toBe('newshound-test/1.0')
    expect(headers?.accept).toMatch(/^text\/html/)
    expect(Object.keys(headers ?? {}).filter((h) => h.startsWith('sec-'))).toEqual([])
  })
})
