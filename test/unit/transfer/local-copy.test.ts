import { existsSync, statSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TransferEngine } from '../../../src/main/core/transfer/transfer-engine'
import type { TransferProgress } from '../../../src/main/core/transfer/transfer-types'
import { fakeAudio } from '../../support/peers/fake-audio'
import { xxh3Of } from '../../support/content-hash'

let dir: string
let engine: TransferEngine
const song = fakeAudio(3 * 2 ** 20, 'flac')
const contentHash = xxh3Of(song)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalogsync-copy-'))
  engine = new TransferEngine()
  await writeFile(join(dir, 'source.flac'), song)
})
afterEach(async () => {
  await engine.close()
  await rm(dir, { recursive: true, force: true })
})

describe('TransferEngine.copyLocal', () => {
  it('copies through a .part, hashing the file and reporting progress', async () => {
    const targetPath = join(dir, 'lib', 'A', 'song.flac')
    const progress: TransferProgress[] = []
    const result = await engine.copyLocal({
      filePath: join(dir, 'source.flac'),
      targetPath,
      link: false,
      onProgress: (p) => progress.push(p),
    })
    expect(result).toMatchObject({ path: targetPath, sizeBytes: song.length, contentHash })
    expect((await readFile(targetPath)).equals(song)).toBe(true)
    expect(statSync(targetPath).ino).not.toBe(statSync(join(dir, 'source.flac')).ino)
    expect(existsSync(`${targetPath}.part`)).toBe(false)
    expect(progress.at(-1)).toMatchObject({ percent: 100, downloadedBytes: song.length })
  })

  it('hard-links when asked and on the same device', async () => {
    const targetPath = join(dir, 'lib', 'linked.flac')
    const result = await engine.copyLocal({
      filePath: join(dir, 'source.flac'),
      targetPath,
      link: true,
    })
    expect(result.contentHash).toBe(contentHash)
    expect(statSync(targetPath).ino).toBe(statSync(join(dir, 'source.flac')).ino)
  })

  it('refuses a file that is not audio, leaving nothing behind', async () => {
    await writeFile(join(dir, 'page.mp3'), '<!doctype html><p>nope</p>')
    const targetPath = join(dir, 'lib', 'page.mp3')
    await expect(
      engine.copyLocal({ filePath: join(dir, 'page.mp3'), targetPath, link: true }),
    ).rejects.toThrow(/not an audio file: .*page\.mp3 starts with bytes 3c 21/)
    expect(existsSync(targetPath)).toBe(false)
    expect(existsSync(`${targetPath}.part`)).toBe(false)
  })

  it('copies a real WavPack file and refuses a video-only WebM, leaving nothing behind', async () => {
    const containers = join(__dirname, '../../fixtures/audio/containers')
    const wavpack = join(containers, 'wavpack.wv')
    const copied = await engine.copyLocal({
      filePath: wavpack,
      targetPath: join(dir, 'lib', 'song.wv'),
      link: false,
    })
    expect(copied.sizeBytes).toBe(statSync(wavpack).size)
    const targetPath = join(dir, 'lib', 'clip.webm')
    await expect(
      engine.copyLocal({ filePath: join(containers, 'video.webm'), targetPath, link: false }),
    ).rejects.toThrow(
      /not an audio file: .*video\.webm starts with bytes 1a 45 df a3 .*\(expected mp3, .* or dff\)/,
    )
    expect(existsSync(targetPath)).toBe(false)
    expect(existsSync(`${targetPath}.part`)).toBe(false)
  })

  it('fails clearly on a missing source', async () => {
    await expect(
      engine.copyLocal({
        filePath: join(dir, 'missing.mp3'),
        targetPath: join(dir, 'x.mp3'),
        link: false,
      }),
    ).rejects.toThrow(/cannot copy .*missing\.mp3: ENOENT/)
  })

  it('honours an abort', async () => {
    const controller = new AbortController()
    controller.abort()
    const targetPath = join(dir, 'lib', 'aborted.flac')
    await expect(
      engine.copyLocal({
        filePath: join(dir, 'source.flac'),
        targetPath,
        link: false,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(existsSync(targetPath)).toBe(false)
  })
})
