import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_SONGS, type DemoSong } from './demo-catalogue'
import { SpeedLimiter } from '../transfer'
import { toneWav } from './tone-wav'

export const DEMO_USER = 'demo'
export const DEMO_PASSWORD = 'demo'

export interface DemoServerOptions {
  songs?: readonly DemoSong[]
  /** All transfers together never go faster than this (a shared link). */
  linkBytesPerSec?: number
  /** Per-connection transfer rate, so downloads take a visible while. */
  bytesPerSec?: number
  /** Search answers take between these, like a real remote service. */
  resolveDelayMs?: [number, number]
}

export interface DemoServer {
  url: string
  /** How long each search answer was held back, in order (for benchmarks). */
  searchDelaysMs: number[]
  close(): Promise<void>
}

const CHUNK = 16 * 1024

function envelope(res: ServerResponse, body: Record<string, unknown>, status = 'ok'): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ 'subsonic-response': { status, version: '1.16.1', ...body } }))
}

function authorised(params: URLSearchParams): boolean {
  if (params.get('u') !== DEMO_USER) return false
  const token = params.get('t')
  const salt = params.get('s')
  if (token && salt)
    return (
      createHash('md5')
        .update(DEMO_PASSWORD + salt)
        .digest('hex') === token
    )
  const password = params.get('p') ?? ''
  const hex = password.startsWith('enc:')
    ? Buffer.from(password.slice(4), 'hex').toString()
    : password
  return hex === DEMO_PASSWORD
}

function songEntry(song: DemoSong, size: number) {
  return {
    id: song.id,
    isDir: false,
    type: 'music',
    title: song.title,
    artist: song.artist,
    album: song.album,
    duration: song.durationSec,
    size,
    suffix: 'wav',
    contentType: 'audio/wav',
  }
}

/**
 * A small Subsonic-compatible server for `catalogsync demo`: search3 with realistic delays,
 * and download of generated tones at a throttled rate, with Range support. Loopback only.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const rate = options.bytesPerSec ?? 160 * 1024
  const [minDelay, maxDelay] = options.resolveDelayMs ?? [200, 1500]
  const catalogue = options.songs ?? DEMO_SONGS
  const audio = new Map(
    catalogue.map((song) => [song.id, toneWav(song.frequencyHz, song.durationSec)]),
  )
  const link = new SpeedLimiter(options.linkBytesPerSec ?? null)
  let searches = 0
  const searchDelaysMs: number[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = url.pathname.replace(/^\/rest\//, '').replace(/\.view$/, '')
    if (!authorised(url.searchParams)) {
      return envelope(
        res,
        { error: { code: 40, message: 'Wrong username or password.' } },
        'failed',
      )
    }
    if (method === 'ping') return envelope(res, {})
    if (method === 'search3') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      const hits = catalogue.filter((song) => {
        const text = `${song.title} ${song.artist} ${song.album}`.toLowerCase()
        return query.every((word) => text.includes(word))
      })
      const delay = minDelay + (((searches++ * 7919) % 1000) / 1000) * (maxDelay - minDelay)
      searchDelaysMs.push(delay)
      const songs = hits.map((song) => songEntry(song, audio.get(song.id)?.length ?? 0))
      setTimeout(() => envelope(res, { searchResult3: songs.length ? { song: songs } : {} }), delay)
      return
    }
    const file =
      method === 'download' || method === 'stream'
        ? audio.get(url.searchParams.get('id') ?? '')
        : undefined
    if (!file) return envelope(res, { error: { code: 70, message: 'Song not found' } }, 'failed')
    sendThrottled(req, res, file, rate, link)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, searchDelaysMs, close: () => closeServer(server) }
}

function sendThrottled(
  req: IncomingMessage,
  res: ServerResponse,
  file: Buffer,
  rate: number,
  link: SpeedLimiter,
): void {
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
  const start = range ? Number(range[1]) : 0
  const end = range?.[2] ? Math.min(Number(range[2]), file.length - 1) : file.length - 1
  if (start > end) {
    res.writeHead(416, { 'content-range': `bytes */${file.length}` })
    return void res.end()
  }
  res.writeHead(range ? 206 : 200, {
    'content-type': 'audio/wav',
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    etag: `"${file.length}"`,
    ...(range ? { 'content-range': `bytes ${start}-${end}/${file.length}` } : {}),
  })
  let offset = start
  const tick = async () => {
    if (res.destroyed) return
    const next = Math.min(offset + CHUNK, end + 1)
    await link.take(next - offset)
    const more = res.write(file.subarray(offset, next))
    offset = next
    if (offset > end) return void res.end()
    const wait = (CHUNK / rate) * 1000
    if (more) setTimeout(tick, wait)
    else res.once('drain', () => setTimeout(tick, wait))
  }
  void tick()
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
