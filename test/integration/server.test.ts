import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppService } from '../../src/main/core/service/app-service'
import { DEMO_SONGS, demoPlaylistXspf } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'
import { EventBus } from '../../src/main/core/events/event-bus'
import { bindingProblem, isLoopback } from '../../src/main/server/access'
import {
  BindingRefusedError,
  startServer,
  type RunningServer,
  type ServeOptions,
} from '../../src/main/server/start-server'
import { runCli } from '../../src/main/cli/run-cli'
import type { CoreEvents } from '../../src/shared/events'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'

let temp: TempCatalog
let app: AppService
let server: RunningServer | null = null
beforeEach(() => {
  temp = tempCatalog()
  app = new AppService(temp.service, { home: temp.dir, bus: new EventBus<CoreEvents>() })
})
afterEach(async () => {
  await server?.close()
  server = null
  temp.cleanup()
})

async function serve(options: Partial<ServeOptions> = {}): Promise<string> {
  server = await startServer(app, { host: '127.0.0.1', port: 0, ...options })
  return server.url.replace('0.0.0.0', '127.0.0.1')
}

const invoke = (base: string, channel: string, args: unknown, headers: object = {}) =>
  fetch(`${base}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  })

const upload = (name: string, text: string) => ({
  fileName: name,
  contentBase64: Buffer.from(text).toString('base64'),
})

describe('where the server may listen', () => {
  it('needs a token on any address but loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      expect(isLoopback(host)).toBe(true)
      expect(bindingProblem(host, undefined)).toBeNull()
    }
    expect(bindingProblem('0.0.0.0', undefined)).toMatch(/refusing to serve on 0\.0\.0\.0.*token/)
    expect(bindingProblem('192.168.1.5', '')).toMatch(/refusing/)
    expect(bindingProblem('0.0.0.0', 's3cret')).toBeNull()
  })

  it('refuses to start off loopback without a token', async () => {
    await expect(startServer(app, { host: '0.0.0.0', port: 0 })).rejects.toThrow(
      BindingRefusedError,
    )
    const err: string[] = []
    const io = { out: () => {}, err: (t: string) => err.push(t), env: {} }
    expect(await runCli(['--db', temp.path, 'serve', '--host', '0.0.0.0'], io)).toBe(1)
    expect(err.join('\n')).toMatch(/refusing to serve on 0\.0\.0\.0/)
  })

  it('on 0.0.0.0 with a token, answers only requests that carry it', async () => {
    const base = await serve({ host: '0.0.0.0', token: 's3cret' })
    expect((await fetch(`${base}/healthz`)).status).toBe(401)
    expect((await invoke(base, 'status:get', [])).status).toBe(401)
    const wrong = await invoke(base, 'status:get', [], { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    const right = await invoke(base, 'status:get', [], { authorization: 'Bearer s3cret' })
    expect(right.status).toBe(200)
    expect(await right.json()).toMatchObject({ ok: true, value: { catalog: { playlists: 0 } } })
    expect((await fetch(`${base}/%61pi/dashboard`)).status).toBe(401)
    expect((await fetch(`${base}/api/dashboard?token=s3cret`)).status).toBe(200)
    const events = await fetch(`${base}/api/events?token=s3cret`)
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await events.body?.cancel()
  })
})

describe('the HTTP API', () => {
  it('answers healthz and invokes channels, with 400 and 404 for bad calls', async () => {
    const base = await serve()
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true })
    const status = await invoke(base, 'status:get', [])
    expect(await status.json()).toMatchObject({ ok: true, value: { database: temp.path } })
    const bad = await invoke(base, 'playlists:songs', [{ playlistId: 'one' }])
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ ok: false, error: /^playlists:songs: argument 0/ })
    const notArray = await invoke(base, 'jobs:start', { playlistIds: [] })
    expect(notArray.status).toBe(400)
    const unknown = await invoke(base, 'fs:read', ['/etc/passwd'])
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ ok: false, error: 'unknown channel "fs:read"' })
  })

  it('refuses pages of other origins', async () => {
    const base = await serve()
    const response = await invoke(base, 'status:get', [], { origin: 'http://evil.example' })
    expect(response.status).toBe(403)
  })

  it('imports an uploaded export and shows the dashboard in the seed shape', async () => {
    const base = await serve()
    const preview = await invoke(base, 'import:preview', [upload('demo.xspf', demoPlaylistXspf())])
    expect(await preview.json()).toMatchObject({
      ok: true,
      value: { file: 'demo.xspf', playlists: [{ created: true, added: DEMO_SONGS.length }] },
    })
    const applied = await invoke(base, 'import:apply', [upload('demo.xspf', demoPlaylistXspf())])
    expect(await applied.json()).toMatchObject({ ok: true })
    expect(temp.app.status().catalog.songs).toBe(DEMO_SONGS.length)
    const broken = await invoke(base, 'import:apply', [upload('broken.xspf', '<playlist')])
    expect(await broken.json()).toMatchObject({ ok: false, error: /broken\.xspf/ })
    const dashboard = await (await fetch(`${base}/api/dashboard?include_task_rows=false`)).json()
    expect(dashboard).toMatchObject({
      job: null,
      stages: [],
      counts: { pending: 0 },
      workers: [],
      transfer_stats: { download_speed_bytes_per_sec: 0 },
    })
    expect(dashboard).not.toHaveProperty('task_rows')
  })

  it('takes uploads bigger than the default body limit', async () => {
    const base = await serve()
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `#EXTINF:200,Artist ${i} - Title ${i}\n/music/${i}.mp3`,
    )
    const big = upload('big.m3u8', `#EXTM3U\n${lines.join('\n')}\n`)
    expect(big.contentBase64.length).toBeGreaterThan(2 * 1024 * 1024)
    const response = await invoke(base, 'import:preview', [big])
    expect(await response.json()).toMatchObject({
      ok: true,
      value: { playlists: [{ tracks: 30_000 }] },
    })
  })

  it('serves the built renderer with an index.html fallback', async () => {
    const dir = join(temp.dir, 'renderer')
    mkdirSync(dir)
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CatalogSync</title>')
    const base = await serve({ rendererDir: dir })
    expect(await (await fetch(`${base}/`)).text()).toMatch(/CatalogSync/)
    expect(await (await fetch(`${base}/playlists/3`)).text()).toMatch(/CatalogSync/)
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404)
  })
})

describe('the CLI serve command', () => {
  it('prints its address and stops cleanly on Ctrl-C', async () => {
    const err: string[] = []
    let interrupt: (() => void) | undefined
    const io = {
      out: () => {},
      err: (t: string) => err.push(t),
      env: { CATALOGSYNC_HOME: temp.dir },
      onInterrupt: (handler: () => void) => {
        interrupt = handler
        return () => (interrupt = undefined)
      },
    }
    const exit = runCli(['--db', join(temp.dir, 'serve.db'), 'serve', '--port', '0'], io)
    await expect.poll(() => err.join('\n'), { timeout: 10_000 }).toMatch(/CatalogSync serving/)
    const url = /CatalogSync serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(err.join('\n'))![1]!
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    interrupt!()
    expect(await exit).toBe(0)
  })
})

describe('server-sent events during a real sync', () => {
  let demo: DemoServer
  beforeAll(async () => {
    demo = await startDemoServer({ bytesPerSec: 1 << 20, resolveDelayMs: [5, 20] })
  })
  afterAll(() => demo.close())

  /** Reads `event:` names from an SSE stream until `stop` says so. */
  async function readEvents(response: Response, stop: (name: string, data: string) => boolean) {
    const names: string[] = []
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return names
      buffer += value
      const blocks = buffer.split('\n\n')
      buffer = blocks.pop() ?? ''
      for (const block of blocks) {
        const name = /^event: (.+)$/m.exec(block)?.[1]
        if (!name) continue
        names.push(name)
        if (stop(name, /^data: (.*)$/m.exec(block)?.[1] ?? '')) {
          await reader.cancel()
          return names
        }
      }
    }
  }

  it('delivers worker snapshots at most about ten a second', async () => {
    const base = await serve()
    const settings = {
      libraryRoots: [join(temp.dir, 'library')],
      sources: [{ id: 'demo', type: 'subsonic', url: demo.url, user: 'demo', password: 'demo' }],
      downloaders: 3,
    }
    expect(await (await invoke(base, 'settings:set', [settings])).json()).toMatchObject({
      ok: true,
    })
    await invoke(base, 'import:apply', [upload('demo.xspf', demoPlaylistXspf())])
    const stream = await fetch(`${base}/api/events`)
    const started = performance.now()
    const finished = readEvents(stream, (name, data) => {
      return name === 'job' && /"state":"(succeeded|failed|canceled|paused)"/.test(data)
    })
    expect(await (await invoke(base, 'jobs:start', [])).json()).toMatchObject({ ok: true })
    const names = await finished
    const seconds = (performance.now() - started) / 1000
    const workers = names.filter((name) => name === 'workers').length
    expect(workers).toBeGreaterThan(3)
    // Coalesced in the core: ten a second, plus the first and last snapshots and some jitter.
    expect(workers).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 3)
    expect(names).toContain('transfer')
    expect(names).toContain('items')
    const dashboard = await (await fetch(`${base}/api/dashboard?include_task_rows=true`)).json()
    expect(dashboard).toMatchObject({
      job: { state: 'succeeded' },
      counts: { succeeded: DEMO_SONGS.length },
      stages: [{ type: 'download', state: 'succeeded' }],
      transfer_stats: { download_speed_bytes_per_sec: expect.any(Number) },
    })
    expect(dashboard.task_rows).toHaveLength(DEMO_SONGS.length)
  }, 120_000)
})
