import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SubsonicClient } from '../../src/main/core/sources/subsonic/subsonic-client'
import { SubsonicSource } from '../../src/main/core/sources/subsonic/subsonic-source'
import type { ResolvedSong, ResolveOutcome } from '../../src/main/core/sources/types'
import { LIBRARY, sharedLibrary } from '../support/peers/audio'
import { noAbort, songQuery } from '../support/peers/song-query'
import { startSupysonic, type Supysonic } from '../support/peers/supysonic'

// Every kind of character a password meets in the wild, to prove it survives p=enc:<hex>.
const USER = 'alice'
const PASSWORD = 's3cr3t-Pw! ü&='
const PASSWORD_HEX = Buffer.from(PASSWORD).toString('hex')

let server: Supysonic
let musicDir: string
beforeAll(async () => {
  musicDir = await sharedLibrary()
  server = await startSupysonic({ musicDir, user: USER, password: PASSWORD })
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

function source(password = PASSWORD): SubsonicSource {
  const config = {
    id: 'supysonic',
    type: 'subsonic' as const,
    url: server.url,
    user: USER,
    password,
  }
  return new SubsonicSource({ ...config, maxConcurrency: 2 })
}

function matched(outcome: ResolveOutcome): ResolvedSong {
  if (outcome.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(outcome)}`)
  return outcome.song
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const fileOf = (title: string, artist: string) =>
  join(musicDir, LIBRARY.find((song) => song.title === title && song.artist === artist)!.path)

describe('subsonic source against supysonic (API 1.10.2)', () => {
  it('resolves the two "Hello" songs to the right artists, and downloads the right files', async () => {
    const subject = source()
    for (const artist of ['Adele', 'Lionel Richie']) {
      const song = matched(
        await subject.resolve(songQuery('Hello', [artist]), { signal: noAbort() }),
      )
      expect(song).toMatchObject({ matchedTitle: 'Hello', matchedArtists: [artist], ext: 'mp3' })
      const response = await fetch(song.url!)
      expect(response.headers.get('content-type')).toBe('audio/mpeg')
      const body = new Uint8Array(await response.arrayBuffer())
      expect(body.length).toBe(song.sizeBytes)
      expect(sha256(body)).toBe(sha256(readFileSync(fileOf('Hello', artist))))
    }
  })

  it('authenticates with p=enc:<hex>: the server is older than token auth', async () => {
    const song = matched(
      await source().resolve(songQuery('Creep', ['Radiohead']), { signal: noAbort() }),
    )
    const params = new URL(song.url!).searchParams
    expect(params.get('p')).toBe(`enc:${PASSWORD_HEX}`)
    expect(params.has('t')).toBe(false)
    expect([params.get('u'), params.get('c'), params.get('f')]).toEqual([
      USER,
      'catalogsync',
      'json',
    ])
    expect(song).toMatchObject({ ext: 'ogg', headers: {}, filePath: null, expiresAt: null })
  })

  it('finds non-ASCII titles as the server stores them', async () => {
    const subject = source()
    const cases = [
      ['晴天', '周杰伦', 'mp3'],
      ['Jóga', 'Björk', 'flac'],
      ['Hoppípolla', 'Sigur Rós', 'ogg'],
      ["What's Up?", '4 Non Blondes', 'mp3'],
      ['T.N.T.', 'AC/DC', 'ogg'],
    ] as const
    for (const [title, artist, ext] of cases) {
      const song = matched(await subject.resolve(songQuery(title, [artist]), { signal: noAbort() }))
      expect(song).toMatchObject({ matchedTitle: title, matchedArtists: [artist], ext })
      expect(song.sizeBytes).toBe(readFileSync(fileOf(title, artist)).length)
    }
  })

  it('reports the search and download steps as progress, without secrets', async () => {
    const progress: string[] = []
    await source().resolve(songQuery('Halo', ['Beyoncé']), {
      signal: noAbort(),
      onProgress: (text) => progress.push(text),
    })
    expect(progress[0]).toBe('connecting to subsonic')
    expect(progress).toContain('searching subsonic (1/2)')
    expect(progress.at(-1)).toBe('checking subsonic download')
    expect(progress.join('\n')).not.toContain(PASSWORD_HEX)
  })

  it('sends a title alone, which two songs share, to review', async () => {
    const outcome = await source().resolve(songQuery('Hello', []), { signal: noAbort() })
    expect(outcome.kind).toBe('review')
    if (outcome.kind === 'review') {
      expect(outcome.candidates.map((c) => c.artists[0]).sort()).toEqual(['Adele', 'Lionel Richie'])
    }
  })

  it('says none for a song the server does not have', async () => {
    const outcome = await source().resolve(songQuery('Paranoid Android', ['Radiohead']), {
      signal: noAbort(),
    })
    expect(outcome).toEqual({ kind: 'none', reason: 'no candidates found' })
  })

  it('fails clearly on a wrong password, never showing it', async () => {
    const error = await source('not-the-password')
      .resolve(songQuery('Hello', ['Adele']), { signal: noAbort() })
      .then(
        () => null,
        (caught: unknown) => caught as Error,
      )
    expect(error?.message).toBe('subsonic: wrong username or password (error 40)')
    expect(error?.message).not.toContain('not-the-password')
  })

  it('turns the "not found" envelope of a download into an error, not audio', async () => {
    const client = new SubsonicClient({ url: server.url, user: USER, password: PASSWORD })
    const url = await client.downloadUrl('00000000-0000-0000-0000-000000000000', noAbort())
    await expect(client.checkDownload(url, noAbort())).rejects.toThrow(
      'subsonic: not found: Track or Album not found (error 70)',
    )
  })
})
