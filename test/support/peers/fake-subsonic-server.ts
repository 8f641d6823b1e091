import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { supportsTokenAuth } from '../../../src/main/core/sources/subsonic/subsonic-client'

export interface FakeSong {
  id: string | number
  title: string
  artist?: string
  [field: string]: unknown
}

/** A handler may take over one method: return true when it answered. */
export type Override = (params: URLSearchParams, response: ServerResponse) => boolean

export interface FakeSubsonic {
  url: string
  /** Every request's method name and query, in order. */
  requests: { method: string; params: URLSearchParams }[]
  songs: FakeSong[]
  version: string
  overrides: Map<string, Override>
  stop(): Promise<void>
}

const USER = 'alice'
export const FAKE_PASSWORD = 'pä55 w0rd!'

export function envelope(fields: object, status = 'ok', version = '1.10.2') {
  return JSON.stringify({ 'subsonic-response': { status, version, ...fields } })
}

export function failed(code: number, message: string, version = '1.10.2') {
  return envelope({ error: { code, message } }, 'failed', version)
}

function authorized(params: URLSearchParams, tokens: boolean): boolean {
  if (params.get('u') !== USER) return false
  const p = params.get('p')
  if (p !== null) return p === `enc:${Buffer.from(FAKE_PASSWORD).toString('hex')}`
  const [t, s] = [params.get('t'), params.get('s')]
  if (!tokens || t === null || s === null) return false
  return (
    t ===
    createHash('md5')
      .update(FAKE_PASSWORD + s)
      .digest('hex')
  )
}

/** A Subsonic server in a few lines, for the edge cases a real one will not produce on demand. */
export async function startFakeSubsonic(version = '1.10.2'): Promise<FakeSubsonic> {
  const fake: Omit<FakeSubsonic, 'url' | 'stop'> = {
    requests: [],
    songs: [],
    version,
    overrides: new Map(),
  }
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const method = url.pathname.replace(/^\/rest\//, '').replace(/\.view$/, '')
    fake.requests.push({ method, params: url.searchParams })
    if (fake.overrides.get(method)?.(url.searchParams, response)) return
    answer(fake, method, url.searchParams, response)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  })
}

function answer(
  fake: Omit<FakeSubsonic, 'url' | 'stop'>,
  method: string,
  params: URLSearchParams,
  response: ServerResponse,
): void {
  const json = (body: string): void => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(body)
  }
  const tokens = supportsTokenAuth(fake.version)
  if (!authorized(params, tokens)) {
    const missing = params.get('p') === null && params.get('t') === null
    json(
      missing
        ? failed(10, 'Required parameter is missing.', fake.version)
        : failed(40, 'Wrong username or password.', fake.version),
    )
    return
  }
  if (method === 'ping') return json(envelope({}, 'ok', fake.version))
  if (method === 'search3') {
    const text = params.get('query') ?? ''
    const song = fake.songs.filter((entry) => String(entry.title).includes(text))
    return json(envelope({ searchResult3: song.length > 0 ? { song } : {} }, 'ok', fake.version))
  }
  if (method === 'download') {
    const song = fake.songs.find((entry) => String(entry.id) === params.get('id'))
    if (!song) return json(failed(70, 'Track or Album not found', fake.version))
    response.writeHead(206, { 'content-type': 'audio/mpeg', 'content-range': 'bytes 0-0/4321' })
    response.end(Buffer.from([0xff]))
    return
  }
  response.writeHead(404, { 'content-type': 'application/json' })
  response.end(JSON.stringify({ error: { code: 0, message: 'Unknown method' } }))
}
