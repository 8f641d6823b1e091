import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  algorithmOf,
  createContentHasher,
  hashFile,
} from '../../../src/main/core/transfer/content-hash'
import { xxh3Of } from '../../support/content-hash'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalogsync-content-hash-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('content hash', () => {
  it('is XXH3-64 as xxhsum prints it, prefixed with its name', () => {
    // Reference values of XXH3_64bits with seed 0.
    expect(createContentHasher().digest()).toBe('xxh3:2d06800538d394c2')
    const abc = createContentHasher()
    abc.update(Buffer.from('abc'))
    expect(abc.digest()).toBe('xxh3:78af5f94892f3950')
  })

  it('gives the same value however the bytes are split into chunks', () => {
    const body = randomBytes(300_000)
    const hasher = createContentHasher()
    for (let at = 0; at < body.length; at += 7_777) hasher.update(body.subarray(at, at + 7_777))
    expect(hasher.digest()).toBe(xxh3Of(body))
  })

  it('hashes a file larger than one read like the streaming hasher does', async () => {
    const body = randomBytes(3 * 2 ** 20 + 123)
    const path = join(dir, 'song.mp3')
    await writeFile(path, body)
    expect(await hashFile(path)).toBe(xxh3Of(body))
  })

  it('still computes the sha256 that older catalog rows hold', async () => {
    const path = join(dir, 'old.mp3')
    await writeFile(path, 'abc')
    const expected = `sha256:${createHash('sha256').update('abc').digest('hex')}`
    expect(await hashFile(path, 'sha256')).toBe(expected)
  })

  it('reads the algorithm from a stored value', () => {
    expect(algorithmOf('xxh3:78af5f94892f3950')).toBe('xxh3')
    expect(algorithmOf('sha256:ba78')).toBe('sha256')
    expect(algorithmOf('md5:900150983cd24fb0')).toBeNull()
    expect(algorithmOf('no prefix')).toBeNull()
  })
})
