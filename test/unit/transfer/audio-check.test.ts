import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { audioRejection, durationToleranceMs } from '../../../src/main/core/transfer/audio-check'
import { TransferEngine } from '../../../src/main/core/transfer/transfer-engine'
import { RejectedFileError } from '../../../src/main/core/transfer/transfer-errors'
import { truncateTo, writeTone } from '../../support/ffmpeg-audio'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalogsync-audio-check-'))
  await writeTone(join(dir, 'two.mp3'), 2)
  await writeTone(join(dir, 'two.ogg'), 2)
  await writeTone(join(dir, 'thirty.flac'), 30)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('durationToleranceMs', () => {
  it('allows 10 s for short songs and 10 % for long ones', () => {
    expect(durationToleranceMs(60_000)).toBe(10_000)
    expect(durationToleranceMs(225_000)).toBe(22_500)
  })
})

describe('audioRejection', () => {
  it('accepts a file whose duration is near the expected one', async () => {
    expect(await audioRejection(join(dir, 'two.mp3'), 2000)).toBeNull()
    expect(await audioRejection(join(dir, 'two.ogg'), 11_000)).toBeNull()
  })

  it('only checks that the file parses when no duration is expected', async () => {
    expect(await audioRejection(join(dir, 'thirty.flac'), null)).toBeNull()
  })

  it('refuses a preview far shorter than the song', async () => {
    expect(await audioRejection(join(dir, 'thirty.flac'), 225_000)).toBe(
      'duration 0:30 is far from the expected 3:45',
    )
  })

  it('refuses a file far longer than the song', async () => {
    expect(await audioRejection(join(dir, 'thirty.flac'), 2000)).toBe(
      'duration 0:30 is far from the expected 0:02',
    )
  })

  it('refuses a truncated file as not playable', async () => {
    const path = join(dir, 'cut.ogg')
    await writeFile(path, await readFile(join(dir, 'two.ogg')))
    await truncateTo(path, 200)
    expect(await audioRejection(path, 2000)).toMatch(/^not playable audio: /)
  })

  it('refuses garbage behind a valid header as not playable', async () => {
    const path = join(dir, 'garbage.flac')
    const head = (await readFile(join(dir, 'thirty.flac'))).subarray(0, 50)
    await writeFile(path, Buffer.concat([head, randomBytes(5000)]))
    expect(await audioRejection(path, null)).toMatch(/^not playable audio: /)
  })
})

describe('a transfer with an audio check', () => {
  it('deletes a refused file instead of renaming it into place', async () => {
    const engine = new TransferEngine()
    const targetPath = join(dir, 'lib', 'Preview.flac')
    try {
      const copy = engine.copyLocal({
        filePath: join(dir, 'thirty.flac'),
        targetPath,
        link: false,
        audioCheck: { expectedDurationMs: 225_000 },
      })
      await expect(copy).rejects.toThrow(RejectedFileError)
      await expect(copy).rejects.toThrow('duration 0:30 is far from the expected 3:45')
    } finally {
      await engine.close()
    }
    expect(existsSync(targetPath)).toBe(false)
    expect(existsSync(`${targetPath}.part`)).toBe(false)
  })
})
