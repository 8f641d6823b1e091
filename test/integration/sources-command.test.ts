import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CommandSource } from '../../src/main/core/sources/command/command-source'
import type { ResolvedSong, ResolveOutcome } from '../../src/main/core/sources/types'
import { LIBRARY, sharedLibrary } from '../support/peers/audio'
import { noAbort, songQuery } from '../support/peers/song-query'
import { startStaticServer, type StaticServer } from '../support/peers/static-server'

// The real yt-dlp; --ignore-config keeps a user's config (proxies, downloaders) out of the test.
const YT_DLP = ['yt-dlp', '--ignore-config', '--no-playlist', '-j']

let root: string
let server: StaticServer
beforeAll(async () => {
  const musicDir = await sharedLibrary()
  // Files named "Artist - Title.ext": yt-dlp's generic extractor takes the name as the title.
  root = mkdtempSync(join(tmpdir(), 'catalogsync-ytdlp-'))
  mkdirSync(join(root, 'flat'))
  for (const song of LIBRARY.filter((entry) => entry.path.endsWith('.mp3'))) {
    copyFileSync(
      join(musicDir, song.path),
      join(root, 'flat', `${song.artist} - ${song.title}.mp3`),
    )
  }
  copyFileSync(join(musicDir, LIBRARY[2]!.path), join(root, 'song.mp3'))
  server = await startStaticServer(root)
}, 60_000)
afterAll(async () => {
  await server?.stop()
  rmSync(root, { recursive: true, force: true })
})

function source(command: string[]): CommandSource {
  return new CommandSource({
    id: 'yt',
    type: 'command',
    command,
    timeoutMs: 30_000,
    maxConcurrency: 1,
  })
}

function matched(outcome: ResolveOutcome): ResolvedSong {
  if (outcome.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(outcome)}`)
  return outcome.song
}

describe('command source with the real yt-dlp', () => {
  it('turns the track location into a URL with headers, under the export names', async () => {
    const subject = source([...YT_DLP, '--', '{location}'])
    const location = `${server.url}/song.mp3`
    const song = matched(
      await subject.resolve(songQuery('Hello', ['Adele'], { location }), { signal: noAbort() }),
    )
    expect(song).toMatchObject({
      sourceId: 'yt',
      sourceType: 'command',
      url: location,
      ext: 'mp3',
      score: 1,
      matchedTitle: 'Hello',
      matchedArtists: ['Adele'],
      sizeBytes: null,
    })
    expect(song.headers['User-Agent']).toMatch(/Mozilla/)
    const body = Buffer.from(
      await (await fetch(song.url!, { headers: song.headers })).arrayBuffer(),
    )
    expect(body.equals(readFileSync(join(root, 'song.mp3')))).toBe(true)
  })

  it('matches searched results by title and artist, non-ASCII included', async () => {
    const subject = source([...YT_DLP, `${server.url}/flat/{query}.mp3`])
    const cases = [
      ['Hello', 'Lionel Richie'],
      ['Hello', 'Adele'],
      ['晴天', '周杰伦'],
    ] as const
    // One yt-dlp each, side by side: the interpreter's start-up is most of their time.
    const outcomes = await Promise.all(
      cases.map(([title, artist]) =>
        subject.resolve(songQuery(title, [artist]), { signal: noAbort() }),
      ),
    )
    outcomes.forEach((outcome, index) => {
      const [title, artist] = cases[index]!
      const song = matched(outcome)
      expect(song).toMatchObject({ matchedTitle: title, matchedArtists: [artist], ext: 'mp3' })
      expect(decodeURIComponent(new URL(song.url!).pathname)).toBe(`/flat/${artist} - ${title}.mp3`)
    })
  })

  it('fails with yt-dlp’s own error line when the location is gone', async () => {
    const subject = source([...YT_DLP, '--', '{location}'])
    const query = songQuery('Hello', ['Adele'], { location: `${server.url}/missing.mp3` })
    await expect(subject.resolve(query, { signal: noAbort() })).rejects.toThrow(
      /"yt-dlp" exited with code 1: ERROR: .*HTTP Error 404/,
    )
  })

  it('hands a hostile title to yt-dlp as a plain argument, which it refuses as a URL', async () => {
    const marker = join(root, 'pwned')
    const subject = source([...YT_DLP, '--', '{title}'])
    const query = songQuery(`--exec=touch ${marker}`, ['$(touch x)'])
    await expect(subject.resolve(query, { signal: noAbort() })).rejects.toThrow(
      /is not a valid URL/,
    )
    expect(existsSync(marker)).toBe(false)
    const unguarded = source([...YT_DLP, '{title}'])
    expect(await unguarded.resolve(query, { signal: noAbort() })).toMatchObject({ kind: 'none' })
    expect(existsSync(marker)).toBe(false)
  })

  it('only ever talked to the loopback server', () => {
    expect(server.requests.length).toBeGreaterThan(0)
  })
})
