import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HttpStatusError, RateLimitedError } from '../../../src/main/core/net/http-errors'
import { SpeedLimiter } from '../../../src/main/core/transfer/speed-limiter'
import { TransferEngine } from '../../../src/main/core/transfer/transfer-engine'
import type { TransferProgress } from '../../../src/main/core/transfer/transfer-types'
import { fakeAudio } from '../../support/peers/fake-audio'
import { startFaultServer, type FaultServer } from '../../support/peers/fault-server'
import { xxh3Of } from '../../support/content-hash'

const CONTAINERS = join(__dirname, '../../fixtures/audio/containers')

let server: FaultServer
let engine: TransferEngine
let dir: string
const song = fakeAudio(2 * 1024 * 1024)

beforeAll(async () => {
  server = await startFaultServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalogsync-transfer-'))
  engine = new TransferEngine({ stallTimeoutMs: 500 })
  server.setFile('song.mp3', song)
  server.requests.length = 0
})
afterEach(async () => {
  await engine.close()
  await rm(dir, { recursive: true, force: true })
})

const target = (): string => join(dir, 'Artist', 'Album', 'Song.mp3')
const download = (path: string, extra: { signal?: AbortSignal } = {}) =>
  engine.download({ url: `${server.url}${path}`, targetPath: target(), ...extra })

async function expectFailure(path: string, message: RegExp): Promise<Error> {
  const error = await download(path).then(
    () => null,
    (caught: unknown) => caught as Error,
  )
  expect(error?.message).toMatch(message)
  expect(existsSync(target())).toBe(false)
  return error as Error
}

describe('TransferEngine.download', () => {
  it('streams a file to its final name with its content hash, leaving no .part behind', async () => {
    const progress: TransferProgress[] = []
    const result = await engine.download({
      url: `${server.url}/files/song.mp3`,
      targetPath: target(),
      onProgress: (p) => progress.push(p),
    })
    expect(result).toMatchObject({
      path: target(),
      sizeBytes: song.length,
      contentHash: xxh3Of(song),
      resumedFromBytes: 0,
      contentType: 'audio/mpeg',
    })
    expect(result.etag).toMatch(/^"/)
    expect((await readFile(target())).equals(song)).toBe(true)
    expect(await readdir(join(dir, 'Artist', 'Album'))).toEqual(['Song.mp3'])
    expect(progress.at(-1)).toMatchObject({ downloadedBytes: song.length, percent: 100 })
  })

  it('resumes an interrupted download with Range, re-downloading under 10 %', async () => {
    const cut = Math.floor(song.length * 0.6)
    await expectFailure(`/files/song.mp3?short=${cut}`, /connection lost after \d+ of \d+ bytes/)
    expect(existsSync(`${target()}.part`)).toBe(true)
    const result = await download('/files/song.mp3')
    expect(result.contentHash).toBe(xxh3Of(song))
    expect((await readFile(target())).equals(song)).toBe(true)
    const [first, second] = server.requests
    expect(second).toMatchObject({ status: 206, range: `bytes=${result.resumedFromBytes}-` })
    expect(second!.ifRange).toBe(result.etag)
    const redownloaded = first!.sentBytes + second!.sentBytes - song.length
    expect(redownloaded).toBeLessThan(song.length * 0.1)
    expect(existsSync(`${target()}.part.json`)).toBe(false)
  })

  it('fails a connection reset mid-body clearly, and a retry ends byte-identical', async () => {
    await expectFailure(`/files/song.mp3?reset=${song.length / 2}`, /connection lost after \d+ of/)
    const result = await download('/files/song.mp3')
    expect(result.contentHash).toBe(xxh3Of(song))
  })

  it('starts over cleanly when the server ignores Range', async () => {
    await expectFailure(`/norange/song.mp3?short=${song.length / 2}`, /connection lost/)
    const result = await download('/norange/song.mp3')
    expect(server.requests[1]!.status).toBe(200)
    expect(result.resumedFromBytes).toBe(0)
    expect(result.contentHash).toBe(xxh3Of(song))
  })

  it('starts over when the file changed between attempts (ETag mismatch on If-Range)', async () => {
    await expectFailure(`/files/song.mp3?reset=${song.length / 2}`, /connection lost/)
    const changed = fakeAudio(song.length + 1000)
    server.setFile('song.mp3', changed)
    const result = await download('/files/song.mp3')
    expect(server.requests[1]).toMatchObject({
      status: 200,
      range: expect.stringMatching(/^bytes=/),
    })
    expect(result).toMatchObject({ resumedFromBytes: 0, contentHash: xxh3Of(changed) })
  })

  it('starts over when the .part is longer than the file (416)', async () => {
    const shorter = fakeAudio(1000)
    server.setFile('short.mp3', shorter)
    await mkdir(join(dir, 'Artist', 'Album'), { recursive: true })
    await writeFile(`${target()}.part`, fakeAudio(5000))
    const meta = { etag: server.etag('short.mp3'), lastModified: null, totalBytes: 5000 }
    await writeFile(`${target()}.part.json`, JSON.stringify(meta))
    const result = await download('/files/short.mp3')
    expect(server.requests.map((request) => request.status)).toEqual([416, 200])
    expect(result).toMatchObject({ resumedFromBytes: 0, contentHash: xxh3Of(shorter) })
  })

  it('fails a short body clearly and keeps the .part for a resume', async () => {
    await expectFailure(`/files/song.mp3?short=1000`, /connection lost after 1000 of 2097152 bytes/)
    expect(existsSync(`${target()}.part`)).toBe(true)
  })

  it('fails a stalled body after the stall timeout', async () => {
    const started = Date.now()
    await expectFailure('/files/song.mp3?stall=1000', /stalled: no data for 0.5s/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it.each([
    ['/html', /not audio: .* Content-Type text\/html/],
    ['/json', /not audio: .* Content-Type application\/json/],
    ['/files/song.mp3?type=text/xml', /not audio: .* Content-Type text\/xml/],
  ])('refuses %s answered with 200', async (path, message) => {
    await expectFailure(path, message)
    expect(existsSync(`${target()}.part`)).toBe(false)
  })

  it('refuses a body whose magic bytes are not audio, deleting the .part', async () => {
    server.setFile('fake.mp3', Buffer.from('<!doctype html>'.padEnd(4096, ' ')), 'audio/mpeg')
    await expectFailure('/files/fake.mp3', /not an audio file: .* sent bytes 3c 21 64 6f/)
    expect(existsSync(`${target()}.part`)).toBe(false)
  })

  it.each(['wavpack.wv', 'aac-isom.mp4', 'opus.webm'])(
    'accepts %s, a real audio file, whatever its Content-Type says',
    async (name) => {
      const file = await readFile(join(CONTAINERS, name))
      server.setFile(name, file, 'application/octet-stream')
      const result = await engine.download({
        url: `${server.url}/files/${name}`,
        targetPath: join(dir, name),
      })
      expect(result.sizeBytes).toBe(file.length)
      expect((await readFile(join(dir, name))).equals(file)).toBe(true)
    },
  )

  it('refuses a video-only MP4 served as audio, naming every accepted container', async () => {
    server.setFile('video.mp4', await readFile(join(CONTAINERS, 'video.mp4')), 'audio/mp4')
    await expectFailure(
      '/files/video.mp4',
      /not an audio file: .* sent bytes 00 00 00 20 66 74 79 70 \(expected mp3, aac, flac, ogg, m4a, webm, mka, wav, aiff, wma, ape, wv, mpc, dsf or dff\)/,
    )
    expect(existsSync(`${target()}.part`)).toBe(false)
  })

  it.each([429, 503])('turns %i with Retry-After into a RateLimitedError', async (status) => {
    const error = await expectFailure(
      `/status/${status}?retryAfter=7`,
      /rate limited \(retry after 7s\)/,
    )
    expect(error).toBeInstanceOf(RateLimitedError)
    expect((error as RateLimitedError).retryAfterMs).toBe(7000)
  })

  it('turns other statuses into HttpStatusError', async () => {
    const error = await expectFailure('/files/missing.mp3', /^HTTP 404 from http/)
    expect(error).toBeInstanceOf(HttpStatusError)
  })

  it('follows redirects, and refuses loops and long chains', async () => {
    const result = await engine.download({
      url: `${server.url}/hops/3/files/song.mp3`,
      targetPath: join(dir, 'redirected.mp3'),
    })
    expect(result.contentHash).toBe(xxh3Of(song))
    await expectFailure('/loop', /redirect loop at http:\/\/127\.0\.0\.1:\d+\/loop/)
    await expectFailure('/hops/9/files/song.mp3', /too many redirects \(more than 5\)/)
  })

  it('never puts credentials in an error', async () => {
    const url = `${server.url.replace('//', '//alice:s3cret@')}/status/404?u=alice&p=enc:7333&t=tok`
    const error = await engine.download({ url, targetPath: target() }).then(
      () => new Error('resolved'),
      (caught: Error) => caught,
    )
    expect(error.message).not.toMatch(/s3cret|7333|tok/)
  })

  it('rejects with an AbortError mid-transfer, keeping the .part unless asked not to', async () => {
    const controller = new AbortController()
    const pending = download('/files/song.mp3?stall=100000', { signal: controller.signal })
    await waitFor(() => existsSync(`${target()}.part`))
    controller.abort()
    const error = await pending.catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/aborted/) })
    expect(existsSync(target())).toBe(false)
    expect(existsSync(`${target()}.part`)).toBe(true)

    const again = new AbortController()
    const discarded = engine.download({
      url: `${server.url}/files/song.mp3?stall=100000`,
      targetPath: target(),
      signal: again.signal,
      keepPartOnAbort: false,
      resume: false,
    })
    await waitFor(() => server.requests.length === 2)
    again.abort()
    await expect(discarded).rejects.toMatchObject({ name: 'AbortError' })
    expect(existsSync(`${target()}.part`)).toBe(false)
  })

  it('does not take waiting on its own speed limit for a stall', async () => {
    const limited = new TransferEngine({
      stallTimeoutMs: 300,
      speedLimiter: new SpeedLimiter(64 * 1024),
    })
    try {
      server.setFile('small.ogg', fakeAudio(128 * 1024, 'ogg'))
      const started = Date.now()
      const result = await limited.download({
        url: `${server.url}/files/small.ogg`,
        targetPath: join(dir, 'small.ogg'),
      })
      expect(result.sizeBytes).toBe(128 * 1024)
      expect(Date.now() - started).toBeGreaterThan(1000)
    } finally {
      await limited.close()
    }
  })

  it('reuses one kept-alive connection for consecutive downloads', async () => {
    const before = server.connections()
    for (const name of ['a.mp3', 'b.mp3', 'c.mp3']) {
      server.setFile(name, fakeAudio(10_000))
      await engine.download({ url: `${server.url}/files/${name}`, targetPath: join(dir, name) })
    }
    expect(server.connections() - before).toBe(1)
  })

  it('does not trust a .part without validators: it starts over', async () => {
    await mkdir(join(dir, 'Artist', 'Album'), { recursive: true })
    await writeFile(`${target()}.part`, fakeAudio(5000))
    const result = await download('/files/song.mp3')
    expect(server.requests[0]!.range).toBeNull()
    expect(result).toMatchObject({ resumedFromBytes: 0, contentHash: xxh3Of(song) })
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
