import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { trackToSong } from '../../../src/main/core/import-writer/track-to-song'
import type { DownloadRow } from '../../../src/main/core/ops/types'
import { songTags } from '../../../src/main/core/tags/song-tags'

/** The download row of the first track of an export, as the catalog would hand it over. */
function firstRow(file: string, text: string): DownloadRow {
  const parsed = parsePlaylistBuffer(file, Buffer.from(text, 'utf8'))
  const track = parsed.playlists[0]!.tracks[0]!
  const song = trackToSong(track, {
    format: parsed.format,
    platform: parsed.platform,
    playlistDir: '/exports',
  })
  return {
    itemId: 1,
    stageId: 1,
    jobId: 1,
    itemState: 'downloading',
    attempts: 0,
    songId: 1,
    playlistId: null,
    playlistName: null,
    name: song.name,
    singers: song.artists?.join(', ') ?? '',
    artists: song.artists ?? [],
    album: song.album ?? null,
    durationMs: song.durationMs ?? null,
    isrc: song.isrc ?? null,
    platform: song.platform ?? null,
    externalId: song.externalId ?? null,
    ext: song.ext ?? null,
    fileSizeBytes: null,
    // Stored as JSON in the catalog.
    metadata: JSON.parse(JSON.stringify(song.metadata ?? {})) as DownloadRow['metadata'],
  }
}

const EXPORTIFY = [
  '"Track URI","Track Name","Artist Name(s)","Album Name","Album Image URL","Disc Number","Track Number","Track Duration (ms)","ISRC"',
  '"spotify:track:x1","This Is What You Came For","Calvin Harris, Rihanna","This Is What You Came For","https://i.scdn.co/image/ab67","2","7","222160","GBARL1600597"',
].join('\n')

const XSPF = `<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track>
  <location>https://media.example.net/pink-moon.ogg</location>
  <title>Pink Moon</title><creator>Nick Drake</creator><album>Pink Moon</album>
  <image>http://img.example.net/pink-moon.jpg</image><trackNum>4</trackNum>
</track></trackList></playlist>`

const NETEASE = JSON.stringify({
  code: 200,
  playlist: {
    id: 1,
    name: '夜跑',
    tracks: [
      {
        name: '七里香',
        id: 5257138,
        ar: [{ id: 1000, name: '周杰伦' }],
        al: { id: 15771414, name: '七里香', picUrl: 'http://p1.music.126.net/x/5257138.jpg' },
        dt: 299960,
        no: 1,
        cd: '01',
      },
    ],
  },
})

const ITUNES = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>Tracks</key><dict><key>1</key><dict>
    <key>Track ID</key><integer>1</integer><key>Name</key><string>Creep</string>
    <key>Artist</key><string>Radiohead</string><key>Album</key><string>Pablo Honey</string>
    <key>Disc Number</key><integer>1</integer><key>Disc Count</key><integer>1</integer>
    <key>Track Number</key><integer>2</integer><key>Track Count</key><integer>12</integer>
    <key>Persistent ID</key><string>A1</string>
  </dict></dict>
  <key>Playlists</key><array><dict><key>Name</key><string>Rock</string>
    <key>Playlist Items</key><array><dict><key>Track ID</key><integer>1</integer></dict></array>
  </dict></array>
</dict></plist>`

describe('the tags a downloaded song gets', () => {
  it('takes title, artists, album, ISRC, numbers and cover from an Exportify row', () => {
    expect(songTags(firstRow('liked.csv', EXPORTIFY))).toEqual({
      title: 'This Is What You Came For',
      artists: ['Calvin Harris', 'Rihanna'],
      album: 'This Is What You Came For',
      isrc: 'GBARL1600597',
      sourceTag: 'spotify:track:x1',
      track: 7,
      trackCount: null,
      disc: 2,
      discCount: null,
      coverUrls: ['https://i.scdn.co/image/ab67'],
    })
  })

  it('reads the XSPF image and track number', () => {
    expect(songTags(firstRow('mix.xspf', XSPF))).toMatchObject({
      title: 'Pink Moon',
      track: 4,
      coverUrls: ['http://img.example.net/pink-moon.jpg'],
    })
  })

  it('reads the NetEase album picture, track and disc', () => {
    expect(songTags(firstRow('netease.json', NETEASE))).toMatchObject({
      artists: ['周杰伦'],
      album: '七里香',
      track: 1,
      disc: 1,
      coverUrls: ['http://p1.music.126.net/x/5257138.jpg'],
    })
  })

  it('reads the iTunes numbers and counts', () => {
    expect(songTags(firstRow('Library.xml', ITUNES))).toMatchObject({
      track: 2,
      trackCount: 12,
      disc: 1,
      discCount: 1,
      coverUrls: [],
    })
  })

  it('tries the source cover after the export cover', () => {
    const row = firstRow('liked.csv', EXPORTIFY)
    expect(songTags(row, 'http://music.local/rest/getCoverArt.view?id=9').coverUrls).toEqual([
      'https://i.scdn.co/image/ab67',
      'http://music.local/rest/getCoverArt.view?id=9',
    ])
  })

  it('writes no title guessed from a file name, and only http(s) covers', () => {
    const m3u = firstRow('list.m3u8', '#EXTM3U\n/music/06 - Karma Police.flac\n')
    expect(m3u.name).toBe('06 - Karma Police')
    expect(songTags(m3u).title).toBeNull()
    const local = XSPF.replace('http://img.example.net/pink-moon.jpg', 'file:///etc/passwd')
    expect(songTags(firstRow('mix.xspf', local)).coverUrls).toEqual([])
  })

  it('reads "3/12" as track 3 of 12 and ignores numbers that are not', () => {
    const row = firstRow('mix.xspf', XSPF)
    const withTrack = (trackNum: unknown) =>
      songTags({ ...row, metadata: { ...row.metadata, extra: { trackNum } } })
    expect(withTrack('3/12')).toMatchObject({ track: 3, trackCount: 12 })
    expect(withTrack('0')).toMatchObject({ track: null, trackCount: null })
    expect(withTrack('B-side')).toMatchObject({ track: null })
    expect(withTrack(['5', '6'])).toMatchObject({ track: 5 })
  })
})
