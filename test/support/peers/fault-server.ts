import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server saw it, for asserting on what the client asked and got. */
export interface LoggedRequest {
  path: string
  range: string | null
  ifRange: string | null
  status: number
  /** Body bytes the server handed to the socket. */
  sentBytes: number
}

export interface FaultServer {
  url: string
  requests: LoggedRequest[]
  /** TCP connections accepted so far. */
  connections(): number
  etag(name: string): string | undefined
  /** Adds or replaces a file; replacing gives it a new ETag and Last-Modified. */
  setFile(name: string, body: Buffer, contentType?: string): void
  close(): Promise<void>
}

interface StoredFile {
  body: Buffer
  type: string
  etag: string
  lastModified: string
}

const TYPES: Record<string, string> = { mp3: 'audio/mpeg', flac: 'audio/flac', ogg: 'audio/ogg' }

/**
 * A loopback HTTP server that misbehaves on request, for what nginx cannot do:
 * `/files/NAME` serves a file with Range and If-Range (and, like supysonic, `Accept-Ranges`
 * only on 206); `?reset=N`, `?stall=N`, `?short=N` cut the body after N bytes with a TCP
 * reset, silence or an early close; `?type=` overrides the Content-Type. `/norange/NAME`
 * ignores Range; `/status/CODE?retryAfter=S` answers CODE; `/hops/N/REST` redirects N times
 * then to `/REST`; `/loop` redirects forever; `/html` and `/json` answer 200 with a page.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const files = new Map<string, StoredFile>()
  const requests: LoggedRequest[] = []
  let version = 0
  const server = createServer((req, res) => {
    const entry: LoggedRequest = {
      path: req.url ?? '/',
      range: req.headers.range ?? null,
      ifRange: (req.headers['if-range'] as string | undefined) ?? null,
      status: 0,
      sentBytes: 0,
    }
    requests.push(entry)
    route(req, res, files, entry)
  })
  let connections = 0
  server.on('connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    etag: (name) => files.get(name)?.etag,
    setFile(name, body, contentType) {
      version += 1
      files.set(name, {
        body,
        type: contentType ?? TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}-${version}"`,
        lastModified: new Date(Date.UTC(2026, 0, 1, 0, 0, version)).toUTCString(),
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  files: Map<string, StoredFile>,
  entry: LoggedRequest,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const [, head = '', ...rest] = url.pathname.split('/')
  const name = decodeURIComponent(rest.join('/'))
  const file = files.get(name)
  if ((head === 'files' || head === 'norange') && file) {
    serveFile(req, res, file, url.searchParams, head === 'files', entry)
  } else if (head === 'status') {
    const retryAfter = url.searchParams.get('retryAfter')
    answer(res, entry, Number(rest[0]), 'text/html', '<html>busy</html>', {
      ...(retryAfter ? { 'retry-after': retryAfter } : {}),
    })
  } else if (head === 'hops') {
    const [count = '0', ...target] = rest
    const next =
      Number(count) > 0 ? `/hops/${Number(count) - 1}/${target.join('/')}` : `/${target.join('/')}`
    answer(res, entry, 302, 'text/html', 'moved', { location: next + url.search })
  } else if (head === 'loop') {
    answer(res, entry, 302, 'text/html', 'moved', { location: '/loop' })
  } else if (head === 'html') {
    answer(res, entry, 200, 'text/html; charset=utf-8', '<!doctype html><title>Log in</title>')
  } else if (head === 'json') {
    answer(res, entry, 200, 'application/json', '{"subsonic-response":{"status":"failed"}}')
  } else {
    answer(res, entry, 404, 'text/html', '<html>not found</html>')
  }
}

function answer(
  res: ServerResponse,
  entry: LoggedRequest,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  entry.status = status
  entry.sentBytes = Buffer.byteLength(body)
  res.writeHead(status, { 'content-type': type, 'content-length': entry.sentBytes, ...headers })
  res.end(body)
}

/** The first byte to send: honours `bytes=N-` unless If-Range names another version. */
function rangeStart(req: IncomingMessage, file: StoredFile): number | null {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
  const ifRange = req.headers['if-range']
  if (!match) return null
  if (ifRange !== undefined && ifRange !== file.etag && ifRange !== file.lastModified) return null
  return Number(match[1])
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: StoredFile,
  query: URLSearchParams,
  honourRange: boolean,
  entry: LoggedRequest,
): void {
  const size = file.body.length
  const start = honourRange ? rangeStart(req, file) : null
  const headers: Record<string, string | number> = {
    'content-type': query.get('type') ?? file.type,
    etag: file.etag,
    'last-modified': file.lastModified,
  }
  if (start !== null && start >= size) {
    entry.status = 416
    res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-length': 0 }).end()
    return
  }
  if (start !== null) {
    headers['content-range'] = `bytes ${start}-${size - 1}/${size}`
    headers['accept-ranges'] = 'bytes'
  }
  entry.status = start === null ? 200 : 206
  res.writeHead(entry.status, { ...headers, 'content-length': size - (start ?? 0) })
  sendBody(req, res, file.body.subarray(start ?? 0), query, entry)
}

/** Sends the body, or its first N bytes followed by the fault the query asks for. */
function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  query: URLSearchParams,
  entry: LoggedRequest,
): void {
  const fault = (['reset', 'stall', 'short'] as const).find((kind) => query.has(kind))
  if (!fault) {
    entry.sentBytes = body.length
    res.end(body)
    return
  }
  const cut = body.subarray(0, Number(query.get(fault)))
  entry.sentBytes = cut.length
  res.write(cut, () => {
    if (fault === 'reset') req.socket.resetAndDestroy()
    if (fault === 'short') req.socket.end()
  })
}
