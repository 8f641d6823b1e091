import { describe, expect, it } from 'vitest'
import { contractFields, parseFixture, tracksOf } from '../../support/importers'

/** A small copy of the expectations, in the shape of the fixtures' contract. */
interface Expectation {
  file: string
  format: string
  platform: string | null
  playlists: Array<{ name: string | null; tracks: number }>
  spotChecks: Array<{ playlist: number; index: number; track: ReturnType<typeof contractFields> }>
}

const expectations: Expectation[] = [
  {
    file: 'm3u8/summer_drive.m3u8',
    format: 'm3u8',
    platform: null,
    playlists: [{ name: 'Summer Drive', tracks: 8 }],
    spotChecks: [
      {
        playlist: 0,
        index: 0,
        track: {
          title: 'Digital Love',
          artists: ['Daft Punk'],
          album: null,
          durationMs: 258000,
          location: 'Music/Daft Punk/Discovery/03 Digital Love.flac',
          localPath: 'Music/Daft Punk/Discovery/03 Digital Love.flac',
          sourceId: null,
        },
      },
      {
        playlist: 0,
        index: 4,
        track: {
          title: 'Radio Caroline',
          artists: [],
          album: null,
          durationMs: null,
          location: 'https://stream.radiocaroline.example/live.mp3',
          localPath: null,
          sourceId: null,
        },
      },
    ],
  },
  {
    file: 'xspf/rainy_afternoon.xspf',
    format: 'xspf',
    platform: null,
    playlists: [{ name: 'Rainy Afternoon & Tea', tracks: 6 }],
    spotChecks: [
      {
        playlist: 0,
        index: 1,
        track: {
          title: 'Mrs. Robinson <Live> & More',
          artists: ['Simon & Garfunkel'],
          album: 'Bookends',
          durationMs: 244501,
          location:
            'file:///home/sam/Music/Simon%20%26%20Garfunkel/Bookends/Mrs.%20Robinson%21.flac',
          localPath: '/home/sam/Music/Simon & Garfunkel/Bookends/Mrs. Robinson!.flac',
          sourceId: null,
        },
      },
    ],
  },
  {
    file: 'jspf/listenbrainz_weekly.jspf',
    format: 'jspf',
    platform: 'listenbrainz',
    playlists: [{ name: 'Weekly Jams for sam_listens, week of 2024-06-03 Mon', tracks: 2 }],
    spotChecks: [
      {
        playlist: 0,
        index: 1,
        track: {
          title: 'Glory Box',
          artists: ['Portishead'],
          album: 'Dummy',
          durationMs: null,
          location: null,
          localPath: null,
          sourceId: 'https://musicbrainz.org/recording/9f2a5a86-6a0c-4f0b-9c53-3d9d5b0c8e02',
        },
      },
    ],
  },
  {
    file: 'exportify/app_variant.csv',
    format: 'exportify_csv',
    platform: 'spotify',
    playlists: [{ name: null, tracks: 7 }],
    spotChecks: [
      {
        playlist: 0,
        index: 2,
        track: {
          title: 'Ohio - Live',
          artists: ['Crosby, Stills, Nash & Young', 'Neil Young'],
          album: '4 Way Street',
          durationMs: 205000,
          location: null,
          localPath: null,
          sourceId: 'spotify:track:Qm9vZ2llV29uZGVybGFuZA3',
        },
      },
    ],
  },
  {
    file: 'exportify/net_variant.csv',
    format: 'exportify_csv',
    platform: 'spotify',
    playlists: [{ name: null, tracks: 4 }],
    spotChecks: [
      {
        playlist: 0,
        index: 1,
        track: {
          title: 'See You Again (feat. Kali Uchis)',
          artists: ['Tyler, The Creator', 'Kali Uchis'],
          album: 'Flower Boy',
          durationMs: 180386,
          location: null,
          localPath: null,
          sourceId: 'spotify:track:TmV0VmFyaWFudFRyYWNrMDI',
        },
      },
    ],
  },
  {
    file: 'tunemymusic/two_playlists.csv',
    format: 'tunemymusic_csv',
    platform: 'apple_music',
    playlists: [
      { name: 'Nineties', tracks: 3 },
      { name: 'Road Trip', tracks: 2 },
      { name: null, tracks: 1 },
    ],
    spotChecks: [
      {
        playlist: 0,
        index: 0,
        track: {
          title: '1979',
          artists: ['The Smashing Pumpkins'],
          album: 'Mellon Collie and the Infinite Sadness',
          durationMs: null,
          location: null,
          localPath: null,
          sourceId: '1440842497',
        },
      },
    ],
  },
  {
    file: 'itunes/Library.xml',
    format: 'itunes_xml',
    platform: 'itunes',
    playlists: [
      { name: 'Grunge & Alt', tracks: 4 },
      { name: 'Top Rated', tracks: 3 },
      { name: 'Empty For Now', tracks: 0 },
    ],
    spotChecks: [
      {
        playlist: 1,
        index: 0,
        track: {
          title: 'Under Pressure',
          artists: ['Queen & David Bowie'],
          album: 'Hot Space',
          durationMs: 248000,
          location:
            'file://localhost/Users/sam/Music/iTunes/iTunes%20Media/Music/Queen%20&%20David%20Bowie/Hot%20Space/Under%20Pressure.m4a',
          localPath:
            '/Users/sam/Music/iTunes/iTunes Media/Music/Queen & David Bowie/Hot Space/Under Pressure.m4a',
          sourceId: 'A1B2C3D4E5F60103',
        },
      },
    ],
  },
  {
    file: 'netease/playlist_detail_partial.json',
    format: 'netease_json',
    platform: 'netease',
    playlists: [{ name: '夜跑 | Night Run', tracks: 4 }],
    spotChecks: [
      {
        playlist: 0,
        index: 2,
        track: {
          title: '我们的歌',
          artists: ['王力宏', 'Lexie Liu'],
          album: '我们的歌 第二季',
          durationMs: 240123,
          location: null,
          localPath: null,
          sourceId: '1357375695',
        },
      },
    ],
  },
  {
    file: 'qq/cdinfo_old_shape.json',
    format: 'qq_json',
    platform: 'qq',
    playlists: [{ name: '粤语金曲 · 夜晚', tracks: 3 }],
    spotChecks: [
      {
        playlist: 0,
        index: 0,
        track: {
          title: '红日 (《他来自天堂》电视剧主题曲)',
          artists: ['李克勤'],
          album: '红日',
          durationMs: 289000,
          location: null,
          localPath: null,
          sourceId: '001Qu4I30eVFYb',
        },
      },
    ],
  },
  {
    file: 'edge_cases/empty_tracklist.xspf',
    format: 'xspf',
    platform: null,
    playlists: [{ name: 'Nothing Yet', tracks: 0 }],
    spotChecks: [],
  },
]

describe('fixture files parse to their contracted result', () => {
  it.each(expectations)('$file', async (expected) => {
    const parsed = await parseFixture(expected.file)
    expect(parsed.format).toBe(expected.format)
    expect(parsed.platform).toBe(expected.platform)
    expect(parsed.playlists.map((p) => ({ name: p.name, tracks: p.tracks.length }))).toEqual(
      expected.playlists,
    )
    for (const check of expected.spotChecks) {
      expect(contractFields(tracksOf(parsed, check.playlist)[check.index])).toEqual(check.track)
    }
  })
})
