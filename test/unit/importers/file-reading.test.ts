import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePlaylistFile } from '../../../src/main/core/importers'
import { formatErrorOf } from '../../support/importers'

describe('parsePlaylistFile', () => {
  let dir = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogsync-importers-'))
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads a regular file', async () => {
    const path = join(dir, 'list.m3u8')
    await writeFile(path, '#EXTM3U\n#EXTINF:10,A - B\nb.mp3\n')
    const parsed = await parsePlaylistFile(path)
    expect(parsed).toMatchObject({ file: path, format: 'm3u8', platform: null })
    expect(parsed.playlists[0]?.tracks).toHaveLength(1)
  })

  it('refuses a missing file', async () => {
    const path = join(dir, 'missing.m3u8')
    const error = await formatErrorOf(() => parsePlaylistFile(path), path)
    expect(error.problem).toBe('no such file')
  })

  it('refuses a directory', async () => {
    const error = await formatErrorOf(() => parsePlaylistFile(dir), dir)
    expect(error.problem).toBe('not a regular file')
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO without blocking on it', async () => {
    const path = join(dir, 'pipe.m3u8')
    expect(spawnSync('mkfifo', [path]).status).toBe(0)
    const error = await formatErrorOf(() => parsePlaylistFile(path), path)
    expect(error.problem).toBe('not a regular file')
  })

  it('refuses a file over the size cap without reading it', async () => {
    const path = join(dir, 'huge.csv')
    await writeFile(path, '')
    // A sparse file: the cap is checked on its size, so nothing is read.
    await truncate(path, 64 * 1024 * 1024 + 1)
    const error = await formatErrorOf(() => parsePlaylistFile(path), path)
    expect(error.problem).toBe('file is larger than 64 MB')
  })
})
