import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { normalizeText } from '../../../src/main/core/text/normalize'
import { songDedupeKey } from '../../../src/main/core/catalog/song-identity'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('song dedupe', () => {
  it('treats the same platform and external id as one song, whatever the title says', () => {
    const { catalog } = temp.service
    const first = catalog.upsertSong({
      name: 'Halo',
      artists: ['Beyoncé'],
      platform: 'spotify',
      externalId: 'spotify:track:1',
    })
    const again = catalog.upsertSong({
      name: 'Halo (Remastered)',
      artists: ['Beyonce'],
      platform: 'spotify',
      externalId: 'spotify:track:1',
    })
    expect(first.created).toBe(true)
    expect(again.created).toBe(false)
    expect(again.song.id).toBe(first.song.id)
  })

  it('matches on normalised title and artists when durations are within 2 s', () => {
    const { catalog } = temp.service
    const a = catalog.upsertSong({ name: 'Jóga', artists: ['Björk'], durationMs: 305_000 })
    const b = catalog.upsertSong({ name: 'JOGA', artists: ['bjork'], durationMs: 306_900 })
    expect(b.song.id).toBe(a.song.id)
    const c = catalog.upsertSong({ name: 'Jóga', artists: ['Björk'], durationMs: 310_000 })
    expect(c.created).toBe(true)
  })

  it('matches when either duration is unknown, and ignores artist order', () => {
    const { catalog } = temp.service
    const a = catalog.upsertSong({ name: 'Under Pressure', artists: ['Queen', 'David Bowie'] })
    const b = catalog.upsertSong({
      name: 'Under Pressure',
      artists: ['David Bowie', 'Queen'],
      durationMs: 248_000,
    })
    expect(b.song.id).toBe(a.song.id)
    expect(b.song.durationMs).toBe(248_000)
  })

  it('keeps two songs of one platform with different ids apart', () => {
    const { catalog } = temp.service
    const a = catalog.upsertSong({
      name: 'Hello',
      artists: ['Adele'],
      platform: 'qq',
      externalId: '1',
    })
    const b = catalog.upsertSong({
      name: 'Hello',
      artists: ['Adele'],
      platform: 'qq',
      externalId: '2',
    })
    expect(b.song.id).not.toBe(a.song.id)
  })

  it('keeps the same title by other artists apart', () => {
    const { catalog } = temp.service
    const a = catalog.upsertSong({ name: 'Hello', artists: ['Adele'] })
    const b = catalog.upsertSong({ name: 'Hello', artists: ['Lionel Richie'] })
    expect(b.song.id).not.toBe(a.song.id)
  })

  it('keeps the metadata snapshot and fills blanks without overwriting', () => {
    const { catalog } = temp.service
    const a = catalog.upsertSong({
      name: '晴天',
      artists: ['周杰伦'],
      album: '叶惠美',
      metadata: { source: 'netease', id: 186016 },
    })
    const b = catalog.upsertSong({
      name: '晴天',
      artists: ['周杰伦'],
      album: 'Other album',
      isrc: 'TWA530300101',
      metadata: { source: 'qq', mid: '0039MnYb0qxYhV' },
    })
    expect(b.song.id).toBe(a.song.id)
    expect(b.song.album).toBe('叶惠美')
    expect(b.song.isrc).toBe('TWA530300101')
    expect(b.song.metadata).toEqual({ source: 'netease', id: 186016, mid: '0039MnYb0qxYhV' })
    expect(b.song.singers).toBe('周杰伦')
  })

  it('normalises width, case, Latin accents and punctuation but not kana voicing', () => {
    expect(normalizeText('  What’s  Up? ')).toBe(normalizeText("WHAT'S UP"))
    expect(normalizeText('ＡＢＣ')).toBe('abc')
    expect(normalizeText('Sigur Rós')).toBe('sigur ros')
    expect(normalizeText('が')).not.toBe(normalizeText('か'))
    expect(normalizeText('?')).toBe('?')
    expect(songDedupeKey('T.N.T.', ['AC/DC'])).toBe(songDedupeKey('t n t', ['AC DC']))
    expect(songDedupeKey('T.N.T.', ['AC/DC'])).not.toBe(songDedupeKey('TNT', ['ACDC']))
  })
})

describe('playlists', () => {
  it('keeps track order, and a song may sit in several playlists', () => {
    const { catalog, playlists } = temp.service
    const one = playlists.createPlaylist({ name: 'One', sourceFormat: 'm3u8' })
    const two = playlists.createPlaylist({ name: 'Two', platform: 'spotify', externalId: 'pl1' })
    const songs = ['a', 'b', 'c'].map(
      (name) => catalog.upsertSong({ name, artists: ['x'] }).song.id,
    )
    playlists.setSongs(one.id, [songs[2]!, songs[0]!, songs[1]!])
    playlists.setSongs(two.id, [songs[0]!])
    expect(playlists.songIds(one.id)).toEqual([songs[2], songs[0], songs[1]])
    expect(playlists.songIds(two.id)).toEqual([songs[0]])
    expect(catalog.counts()).toMatchObject({ playlists: 2, songs: 3, playlistSongs: 4 })
    expect(playlists.listPlaylists().map((p) => p.name)).toEqual(['One', 'Two'])
  })

  it('writes a whole track list or nothing', () => {
    const { catalog, playlists } = temp.service
    const playlist = playlists.createPlaylist({ name: 'P' })
    const song = catalog.upsertSong({ name: 's', artists: [] }).song.id
    playlists.setSongs(playlist.id, [song])
    expect(() => playlists.setSongs(playlist.id, [song, 999_999])).toThrow(/FOREIGN KEY/)
    expect(playlists.songIds(playlist.id)).toEqual([song])
  })
})
