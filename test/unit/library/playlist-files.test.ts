import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, win32 } from 'node:path'
import {
  playlistFileNames,
  playlistLocation,
  rewriteLibraryPlaylists,
  writePlaylistFile,
  writePlaylistFiles,
} from '../../../src/main/core/library/playlist-files'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
let root: string
beforeEach(() => {
  temp = tempCatalog()
  root = join(temp.dir, 'library')
})
afterEach(() => temp.cleanup())

interface SongSpec {
  title: string
  artist: string
  durationMs?: number | null
  /** Library-relative path of its file; no file when left out. */
  path?: string
  /** Another library root for the file. */
  otherRoot?: string
}

/** A playlist of these songs, in order, with the files given recorded as active. */
function playlistOf(name: string, specs: readonly SongSpec[]): number {
  const { catalog, playlists, library } = temp.service
  const home = library.ensureLocalBackend(root)
  const ids = specs.map((spec) => {
    const { song } = catalog.upsertSong({
      name: spec.title,
      artists: [spec.artist],
      durationMs: spec.durationMs ?? null,
    })
    if (spec.path) {
      const backend = spec.otherRoot ? library.ensureLocalBackend(spec.otherRoot) : home
      library.recordLocalFile({
        songId: song.id,
        backendId: backend.id,
        relativePath: spec.path,
        sizeBytes: 10,
      })
    }
    return song.id
  })
  const playlist = playlists.createPlaylist({ name })
  playlists.setSongs(playlist.id, ids)
  return playlist.id
}

describe('playlist files', () => {
  it('lists the songs in playlist order with EXTINF lines and paths relative to the file', async () => {
    const id = playlistOf('Road Trip', [
      { title: 'Zebra', artist: 'Band', durationMs: 201_400, path: 'Band/Album/Zebra.wav' },
      { title: 'Apple', artist: 'Act', durationMs: null, path: 'Act/Other/Apple.mp3' },
    ])
    const result = await writePlaylistFile(temp.service, id, { root })
    expect(result).toEqual({
      playlistId: id,
      path: join(root, 'Playlists', 'Road Trip.m3u8'),
      written: 2,
      missing: [],
    })
    expect(readFileSync(result.path, 'utf8')).toBe(
      [
        '#EXTM3U',
        '#EXTINF:201,Band - Zebra',
        '../Band/Album/Zebra.wav',
        '#EXTINF:-1,Act - Apple',
        '../Act/Other/Apple.mp3',
        '',
      ].join('\n'),
    )
  })

  it('leaves out and lists the songs without a file', async () => {
    const id = playlistOf('Mix', [
      { title: 'Here', artist: 'A', durationMs: 60_000, path: 'A/Here.wav' },
      { title: 'Not Yet', artist: 'B' },
    ])
    const result = await writePlaylistFile(temp.service, id, { root })
    expect(result.written).toBe(1)
    expect(result.missing).toEqual([{ songId: expect.any(Number), display: 'B - Not Yet' }])
    expect(readFileSync(result.path, 'utf8')).not.toContain('Not Yet')
  })

  it('sanitises the playlist name like a file name and keeps unicode', async () => {
    const id = playlistOf('Café: 夜/曲 ♫', [
      { title: 'Ünïcode ☕', artist: 'Sigur Rós', path: 'Sigur Rós/Ágætis byrjun/Ünïcode ☕.flac' },
    ])
    const result = await writePlaylistFile(temp.service, id, { root, folder: 'Lists' })
    expect(result.path).toBe(join(root, 'Lists', 'Café_ 夜_曲 ♫.m3u8'))
    expect(readFileSync(result.path, 'utf8')).toContain(
      '#EXTINF:-1,Sigur Rós - Ünïcode ☕\n../Sigur Rós/Ágætis byrjun/Ünïcode ☕.flac\n',
    )
  })

  it('points at files in another library root', async () => {
    const other = join(temp.dir, 'nas', 'music')
    const id = playlistOf('Split', [
      { title: 'Far', artist: 'X', path: 'X/Far.wav', otherRoot: other },
    ])
    const result = await writePlaylistFile(temp.service, id, { root })
    expect(readFileSync(result.path, 'utf8')).toContain('\n../../nas/music/X/Far.wav\n')
  })

  it('replaces the file atomically, leaving no temporary file behind', async () => {
    const id = playlistOf('Again', [{ title: 'One', artist: 'A', path: 'A/One.wav' }])
    await writePlaylistFile(temp.service, id, { root })
    temp.service.playlists.setSongs(id, [])
    const result = await writePlaylistFile(temp.service, id, { root })
    expect(readFileSync(result.path, 'utf8')).toBe('#EXTM3U\n')
    expect(readdirSync(join(root, 'Playlists'))).toEqual(['Again.m3u8'])
  })

  it('reports, rather than throws, a playlist file it cannot write', async () => {
    const id = playlistOf('Blocked', [{ title: 'One', artist: 'A', path: 'A/One.wav' }])
    mkdirSync(root, { recursive: true })
    writeFileSync(join(root, 'Playlists'), 'a file where the folder should be')
    const result = await writePlaylistFile(temp.service, id, { root })
    expect(result).toMatchObject({ written: 0, missing: [], error: expect.any(String) })
  })

  it('rewrites every playlist in the default library root on demand', async () => {
    playlistOf('First', [{ title: 'One', artist: 'A', path: 'A/One.wav' }])
    playlistOf('Second', [{ title: 'Two', artist: 'B' }])
    const results = await rewriteLibraryPlaylists(temp.service)
    expect(results.map((r) => [r.written, r.missing.length])).toEqual([
      [1, 0],
      [0, 1],
    ])
    expect(existsSync(join(root, 'Playlists', 'Second.m3u8'))).toBe(true)
  })
})

describe('playlist file names', () => {
  it('give clashing names to the oldest playlist and the id to the others', () => {
    const names = playlistFileNames([
      { id: 7, name: 'a_b' },
      { id: 2, name: 'A/B' },
      { id: 4, name: 'A_B' },
      { id: 5, name: 'Other' },
    ])
    expect(names).toEqual(
      new Map([
        [2, 'A_B.m3u8'],
        [4, 'A_B (4).m3u8'],
        [5, 'Other.m3u8'],
        [7, 'a_b (7).m3u8'],
      ]),
    )
  })

  it('keep two playlists whose names clash from overwriting each other, in any sync', async () => {
    const first = playlistOf('Road: Trip', [{ title: 'One', artist: 'A', path: 'A/One.wav' }])
    const second = playlistOf('Road/ Trip', [{ title: 'Two', artist: 'B', path: 'B/Two.wav' }])
    const all = await writePlaylistFiles(temp.service, [], { root })
    const pathOf = (id: number) => all.find((result) => result.playlistId === id)?.path ?? ''
    expect(pathOf(first)).toBe(join(root, 'Playlists', 'Road_ Trip.m3u8'))
    expect(pathOf(second)).toBe(join(root, 'Playlists', `Road_ Trip (${second}).m3u8`))
    expect(readFileSync(pathOf(first), 'utf8')).toContain('A/One.wav')
    expect(readFileSync(pathOf(second), 'utf8')).toContain('B/Two.wav')
    const alone = await writePlaylistFile(temp.service, second, { root })
    expect(alone.path).toBe(pathOf(second))
    expect(first).toBeLessThan(second)
  })

  it('go to an absolute playlist folder when one is set', async () => {
    const id = playlistOf('Mix', [{ title: 'One', artist: 'A', path: 'A/One.wav' }])
    const elsewhere = join(temp.dir, 'navidrome-playlists')
    const result = await writePlaylistFile(temp.service, id, { root, folder: elsewhere })
    expect(result.path).toBe(join(elsewhere, 'Mix.m3u8'))
    expect(readFileSync(result.path, 'utf8')).toContain('../library/A/One.wav')
  })
})

describe('playlistLocation', () => {
  it('is relative with forward slashes on the same root', () => {
    expect(playlistLocation('/lib/Playlists', '/lib/A/B/x.wav')).toBe('../A/B/x.wav')
    expect(playlistLocation('/lib/Playlists', '/lib/Playlists/x.wav')).toBe('x.wav')
    expect(playlistLocation('C:\\Music\\Playlists', 'C:\\Music\\A\\x.wav', win32)).toBe(
      '../A/x.wav',
    )
  })

  it('is the absolute path when the file is on another drive', () => {
    expect(playlistLocation('C:\\Music\\Playlists', 'D:\\More\\x.wav', win32)).toBe(
      'D:\\More\\x.wav',
    )
  })
})
