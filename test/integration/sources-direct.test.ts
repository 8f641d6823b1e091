import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DirectSource } from '../../src/main/core/sources/direct/direct-source'
import type { ResolvedSong, ResolveOutcome } from '../../src/main/core/sources/types'
import { LIBRARY, sharedLibrary } from '../support/peers/audio'
import { noAbort, songQuery } from '../support/peers/song-query'
import { startStaticServer, type StaticServer } from '../support/peers/static-server'

let musicDir: string
let server: StaticServer
beforeAll(async () => {
  musicDir = await sharedLibrary()
  server = await startStaticServer(musicDir)
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

const source = new DirectSource('own', 4)
const joga = LIBRARY.find((song) => song.title === 'Jóga')!

function matched(outcome: ResolveOutcome): ResolvedSong {
  if (outcome.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(outcome)}`)
  return outcome.song
}

describe('direct source on real files and a real server', () => {
  it('takes a track URL as it is, and the URL serves the file', async () => {
    const url = `${server.url}/${joga.path.split('/').map(encodeURIComponent).join('/')}`
    const song = matched(
      await source.resolve(songQuery('Jóga', ['Björk'], { location: url }), { signal: noAbort() }),
    )
    expect(song).toMatchObject({ url, filePath: null, ext: 'flac', headers: {} })
    const response = await fetch(song.url!)
    expect(response.headers.get('content-type')).toBe('audio/flac')
    expect(
      Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(musicDir, joga.path))),
    ).toBe(true)
  })

  it('finds a path relative to the playlist folder, and a file: URI', async () => {
    // A playlist saved in the artist folder names the track relative to it.
    const playlistDir = join(musicDir, dirname(dirname(joga.path)))
    const expected = join(musicDir, joga.path)
    const size = readFileSync(expected).length
    for (const location of ['Homogenic/02 - Jóga.flac', pathToFileURL(expected).href]) {
      const song = matched(
        await source.resolve(songQuery('Jóga', ['Björk'], { location, playlistDir }), {
          signal: noAbort(),
        }),
      )
      expect(song).toMatchObject({ filePath: expected, url: null, ext: 'flac', sizeBytes: size })
    }
  })

  it('says none for a relative path that is not there', async () => {
    const outcome = await source.resolve(
      songQuery('Jóga', ['Björk'], { location: '../nowhere/Jóga.flac', playlistDir: musicDir }),
      { signal: noAbort() },
    )
    expect(outcome).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/^file not found: /),
    })
  })
})
