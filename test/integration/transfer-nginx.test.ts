import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HttpStatusError, RateLimitedError } from '../../src/main/core/net/http-errors'
import { SpeedLimiter } from '../../src/main/core/transfer/speed-limiter'
import { TransferEngine } from '../../src/main/core/transfer/transfer-engine'
import type { TransferResult } from '../../src/main/core/transfer/transfer-types'
import { fakeAudio } from '../support/peers/fake-audio'
import { startNginx, type AccessEntry, type Nginx } from '../support/peers/nginx'
import { xxh3Of } from '../support/content-hash'

const MiB = 2 ** 20
const files = {
  // Large enough that bytes still in socket buffers at the interruption stay well under 10 %.
  'big.mp3': fakeAudio(8 * MiB, 'mp3'),
  'song.flac': fakeAudio(2 * MiB, 'flac'),
  'a.ogg': fakeAudio(2 * MiB, 'ogg'),
  'b.m4a': fakeAudio(2 * MiB, 'm4a'),
  'c.wav': fakeAudio(2 * MiB, 'wav'),
}

let work: string
let nginx: Nginx
let out: string
let engine: TransferEngine

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'catalogsync-nginx-test-'))
  await mkdir(join(work, 'root'))
  for (const [name, body] of Object.entries(files)) await writeFile(join(work, 'root', name), body)
  await writeFile(join(work, 'root', 'page.html'), '<!doctype html><title>Log in</title>')
  nginx = await startNginx({ root: join(work, 'root'), rateLimit: '1m' })
})
afterAll(async () => {
  await nginx?.stop()
  await rm(work, { recursive: true, force: true })
})
beforeEach(async () => {
  out = await mkdtemp(join(work, 'out-'))
  engine = new TransferEngine({ stallTimeoutMs: 5000 })
})
afterEach(async () => {
  await engine.close()
  await rm(out, { recursive: true, force: true })
})

/** Access-log lines for `uri`, waiting until nginx has logged `count` of them. */
async function logged(uri: string, count: number): Promise<AccessEntry[]> {
  const deadline = Date.now() + 5000
  for (;;) {
    const entries = (await nginx.accessLog()).filter((entry) => entry.uri === uri)
    if (entries.length >= count) return entries
    if (Date.now() > deadline)
      throw new Error(`nginx logged ${entries.length} of ${count} for ${uri}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Starts a throttled download and aborts it once about half the file is in the .part. */
async function interruptHalfway(path: string, targetPath: string): Promise<void> {
  const controller = new AbortController()
  const download = engine.download({
    url: `${nginx.url}${path}`,
    targetPath,
    signal: controller.signal,
    onProgress: (p) => {
      if ((p.percent ?? 0) >= 50) controller.abort()
    },
  })
  await expect(download).rejects.toMatchObject({ name: 'AbortError' })
  expect(existsSync(`${targetPath}.part`)).toBe(true)
  expect(existsSync(targetPath)).toBe(false)
}

describe('TransferEngine against nginx', () => {
  it('downloads every format byte-identical over one kept-alive connection', async () => {
    const results: TransferResult[] = []
    for (const name of ['song.flac', 'a.ogg', 'b.m4a', 'c.wav']) {
      const body = files[name as keyof typeof files]
      const result = await engine.download({
        url: `${nginx.url}/${name}`,
        targetPath: join(out, name),
      })
      expect(result.contentHash).toBe(xxh3Of(body))
      expect((await readFile(join(out, name))).equals(body)).toBe(true)
      results.push(result)
    }
    expect(results[0]).toMatchObject({
      contentType: 'audio/flac',
      etag: expect.stringMatching(/^"/),
    })
    const connections = new Set(
      (await nginx.accessLog()).slice(-4).map((entry) => entry.connection),
    )
    expect(connections.size).toBe(1)
  })

  it('resumes an interrupted download with Range, re-downloading under 10 %', async () => {
    const target = join(out, 'big.mp3')
    await interruptHalfway('/slow/big.mp3', target)
    const result = await engine.download({ url: `${nginx.url}/slow/big.mp3`, targetPath: target })
    const body = files['big.mp3']
    expect(result.contentHash).toBe(xxh3Of(body))
    expect((await readFile(target)).equals(body)).toBe(true)
    expect(result.resumedFromBytes).toBeGreaterThan(body.length * 0.4)
    const [first, second] = await logged('/slow/big.mp3', 2)
    expect(second).toMatchObject({ status: 206, range: `bytes=${result.resumedFromBytes}-` })
    const redownloaded = first!.bodyBytes + second!.bodyBytes - body.length
    expect(redownloaded).toBeLessThan(body.length * 0.1)
  })

  it('starts over cleanly when the server ignores Range', async () => {
    const target = join(out, 'big.mp3')
    await interruptHalfway('/slow/big.mp3', target)
    const result = await engine.download({
      url: `${nginx.url}/norange/big.mp3`,
      targetPath: target,
    })
    expect(result).toMatchObject({ resumedFromBytes: 0, contentHash: xxh3Of(files['big.mp3']) })
    const [entry] = await logged('/norange/big.mp3', 1)
    expect(entry).toMatchObject({ status: 200, range: expect.stringMatching(/^bytes=\d+-$/) })
  })

  it('rejects at once when aborted mid-transfer, keeping the .part', async () => {
    const target = join(out, 'big.mp3')
    const controller = new AbortController()
    let abortedAt = 0
    const download = engine.download({
      url: `${nginx.url}/slow/big.mp3`,
      targetPath: target,
      signal: controller.signal,
      onProgress: (p) => {
        if ((p.percent ?? 0) < 30 || abortedAt) return
        abortedAt = performance.now()
        controller.abort()
      },
    })
    await expect(download).rejects.toMatchObject({ name: 'AbortError' })
    expect(performance.now() - abortedAt).toBeLessThan(500)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(`${target}.part`)).toBe(true)
  })

  it('turns 429 and 503 from /flaky/ into RateLimitedError with Retry-After', async () => {
    const seen = new Set<number>()
    for (let i = 0; i < 200 && seen.size < 2; i += 1) {
      const target = join(out, `flaky-${i}.flac`)
      const outcome = await engine
        .download({ url: `${nginx.url}/flaky/song.flac`, targetPath: target })
        .then(
          () => null,
          (error: unknown) => error,
        )
      if (outcome === null) continue
      expect(outcome).toBeInstanceOf(RateLimitedError)
      expect(outcome).toMatchObject({ retryAfterMs: 1000 })
      expect(existsSync(target)).toBe(false)
      seen.add((outcome as RateLimitedError).status)
    }
    expect([...seen].sort()).toEqual([429, 503])
  })

  it('follows a redirect, and fails 404 and HTML clearly with no file', async () => {
    const redirected = await engine.download({
      url: `${nginx.url}/redirect/song.flac`,
      targetPath: join(out, 'r.flac'),
    })
    expect(redirected.contentHash).toBe(xxh3Of(files['song.flac']))
    const missing = engine.download({
      url: `${nginx.url}/nope.mp3`,
      targetPath: join(out, 'n.mp3'),
    })
    await expect(missing).rejects.toThrow(HttpStatusError)
    await expect(missing).rejects.toThrow(/^HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/nope\.mp3$/)
    const page = engine.download({ url: `${nginx.url}/page.html`, targetPath: join(out, 'p.mp3') })
    await expect(page).rejects.toThrow(/not audio: .* Content-Type text\/html/)
    expect(existsSync(join(out, 'n.mp3')) || existsSync(join(out, 'p.mp3'))).toBe(false)
  })

  it('caps the aggregate throughput of concurrent downloads with one SpeedLimiter', async () => {
    const limiter = new SpeedLimiter(4 * MiB)
    const limited = new TransferEngine({ speedLimiter: limiter })
    try {
      const started = performance.now()
      await Promise.all(
        ['song.flac', 'a.ogg', 'b.m4a'].map((name) =>
          limited.download({ url: `${nginx.url}/${name}`, targetPath: join(out, name) }),
        ),
      )
      const seconds = (performance.now() - started) / 1000
      // 6 MiB at 4 MiB/s, less the quarter-second burst: about 1.25 s. Loosely:
      expect(seconds).toBeGreaterThan(1)
      expect(6 / seconds).toBeLessThan(6)
    } finally {
      await limited.close()
    }
  })
})
