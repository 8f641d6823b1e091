import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DirectSource } from '../../../src/main/core/sources/direct/direct-source'
import type { SongQuery } from '../../../src/main/core/matching/candidate'

const dir = mkdtempSync(join(tmpdir(), 'catalogsync-direct-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
mkdirSync(join(dir, 'Music'))
writeFileSync(join(dir, 'Music', 'Jóga 晴天.flac'), Buffer.alloc(10))

const source = new DirectSource('own', 4)
const resolve = (location: string | null, playlistDir: string | null = dir) =>
  source.resolve(
    {
      title: 'Jóga',
      artists: ['Björk'],
      album: null,
      durationMs: null,
      isrc: null,
      sourceId: null,
      platform: null,
      location,
      playlistDir,
    } satisfies SongQuery,
    { signal: new AbortController().signal },
  )

describe('direct source', () => {
  it('matches an http(s) URL as the track itself', async () => {
    expect(await resolve('https://127.0.0.1:9/a/song.MP3?x=1')).toEqual({
      kind: 'match',
      song: expect.objectContaining({
        sourceId: 'own',
        sourceType: 'direct',
        url: 'https://127.0.0.1:9/a/song.MP3?x=1',
        filePath: null,
        ext: 'mp3',
        score: 1,
        matchedTitle: 'Jóga',
        matchedArtists: ['Björk'],
      }),
    })
  })

  it('finds a relative path from the playlist folder, and a file: URI', async () => {
    const path = join(dir, 'Music', 'Jóga 晴天.flac')
    for (const location of ['Music/Jóga 晴天.flac', pathToFileURL(path).href, path]) {
      expect(await resolve(location)).toEqual({
        kind: 'match',
        song: expect.objectContaining({ filePath: path, url: null, ext: 'flac', sizeBytes: 10 }),
      })
    }
  })

  it('says none, with the reason, when there is nothing to take', async () => {
    expect(await resolve(null)).toEqual({ kind: 'none', reason: 'the track has no location' })
    expect(await resolve('Music/missing.mp3')).toEqual({
      kind: 'none',
      reason: `file not found: ${join(dir, 'Music', 'missing.mp3')}`,
    })
    expect(await resolve('Music', dir)).toMatchObject({ kind: 'none' })
    expect(await resolve('a.mp3', null)).toEqual({
      kind: 'none',
      reason: 'relative path "a.mp3" but no playlist folder to resolve it',
    })
    expect(await resolve('spotify:track:123')).toEqual({
      kind: 'none',
      reason: 'unsupported location spotify:track:123',
    })
  })

  it('keeps credentials out of its reasons', async () => {
    const outcome = await resolve('ftp://alice:secret@127.0.0.1/a.mp3')
    expect(JSON.stringify(outcome)).not.toContain('secret')
  })
})
