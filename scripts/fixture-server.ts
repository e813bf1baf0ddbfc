import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * A real HTTP server on 127.0.0.1 for tests, the demo and benchmarks: serves a folder of fixture
 * files with ETag/Last-Modified and 304s like a real site, replaces `{{ORIGIN}}` in text files
 * with its own origin, and lets callers add routes that misbehave on purpose.
 */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  server: FixtureServer,
) => void | Promise<void>

export interface RequestRecord {
  readonly method: string
  readonly path: string
  readonly headers: IncomingMessage['headers']
}

export interface FixtureServer {
  readonly origin: string
  readonly port: number
  readonly requests: RequestRecord[]
  url(path: string): string
  /** Replace or add a route at run time. */
  route(path: string, handler: RouteHandler): void
  close(): Promise<void>
}

export interface FixtureServerOptions {
  /** Folder whose files are served by path. */
  readonly root?: string
  readonly routes?: Readonly<Record<string, RouteHandler>>
  readonly port?: number
  /** Send Last-Modified / ETag and honour conditional requests (default true). */
  readonly validators?: boolean
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/feed+json',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
}

const FIXED_LAST_MODIFIED = 'Sat, 28 Nov 2026 12:00:00 GMT'

export async function startFixtureServer(
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>(Object.entries(options.routes ?? {}))
  const requests: RequestRecord[] = []
  const root = options.root ? resolve(options.root) : null
  let origin = ''
  const cache = new Map<string, Buffer>()

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers })
    const handler = routes.get(req.url ?? '/') ?? routes.get(path)
    const done = (error?: unknown) => {
      if (error && !res.headersSent) {
        res.statusCode = 500
        res.end(String(error))
      }
    }
    if (handler) {
      Promise.resolve(handler(req, res, api)).then(() => done(), done)
      return
    }
    serveFile(path, req, res).then(() => done(), done)
  })

  async function serveFile(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!root) return notFound(res)
    const decoded = decodeURIComponent(path)
    const file = normalize(join(root, decoded))
    if (!file.startsWith(root)) return notFound(res)
    let body = cache.get(file)
    if (!body) {
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) return notFound(res)
      const raw = await readFile(file)
      // Text files carry {{ORIGIN}} placeholders; the replacement is ASCII, so it is safe on
      // legacy-encoded bytes too.
      body = raw.includes('{{ORIGIN}}')
        ? Buffer.from(raw.toString('latin1').replaceAll('{{ORIGIN}}', origin), 'latin1')
        : raw
      cache.set(file, body)
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
    res.setHeader('content-type', type)
    if (options.validators !== false) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
      res.setHeader('etag', etag)
      res.setHeader('last-modified', FIXED_LAST_MODIFIED)
      if (
        req.headers['if-none-match'] === etag ||
        (!req.headers['if-none-match'] && req.headers['if-modified-since'] === FIXED_LAST_MODIFIED)
      ) {
        res.statusCode = 304
        res.end()
        return
      }
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    if (acceptsGzip && body.length > 1024 && !type.startsWith('image/')) {
      res.setHeader('content-encoding', 'gzip')
      res.end(gzipSync(body))
      return
    }
    res.end(body)
  }

  function notFound(res: ServerResponse): void {
    res.statusCode = 404
    res.setHeader('content-type', 'text/html')
    res.end('<html><body><h1>Not found</h1></body></html>')
  }

  await new Promise<void>((resolveListen) =>
    server.listen(options.port ?? 0, '127.0.0.1', resolveListen),
  )
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  const api: FixtureServer = {
    origin,
    port,
    requests,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => {
      routes.set(path, handler)
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
  return api
}

// Run directly: serve a folder until Ctrl-C (`tsx scripts/fixture-server.ts demo/corpus 8080`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'demo/corpus', port = '8080'] = process.argv.slice(2)
  const server = await startFixtureServer({ root, port: Number(port) })
  process.stderr.write(`serving ${root} at ${server.origin}\n`)
}
