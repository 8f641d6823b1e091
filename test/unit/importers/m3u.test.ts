import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { parseExtinf } from '../../../src/main/core/importers/m3u'
import { contractFields, formatErrorOf, parseFixture, tracksOf } from '../../support/importers'

const m3u8 = (text: string): ReturnType<typeof parsePlaylistBuffer> =>
  parsePlaylistBuffer('list.m3u8', Buffer.from(text))

describe('M3U #EXTINF', () => {
  it('splits the display at the first " - " only', () => {
    expect(parseExtinf('301,The War on Drugs - Red Eyes - Live')).toMatchObject({
      artists: ['The War on Drugs'],
      title: 'Red Eyes - Live',
      durationMs: 301000,
    })
  })

  it('takes the whole display as the title when it has no " - "', () => {
    expect(parseExtinf('-1,Radio Caroline')).toMatchObject({
      artists: [],
      title: 'Radio Caroline',
      durationMs: null,
    })
  })

  it('reads decimal seconds, rounding half away from zero', () => {
    expect(parseExtinf('215.5,x').durationMs).toBe(215500)
    expect(parseExtinf('0.0005,x').durationMs).toBe(1)
    expect(parseExtinf('12.3454,x').durationMs).toBe(12345)
    expect(parseExtinf('12.3455,x').durationMs).toBe(12346)
  })

  it('treats non-numeric, zero and negative durations as unknown', () => {
    for (const head of ['abc', '0', '-1', '', '1:30']) {
      expect(parseExtinf(`${head},x`).durationMs).toBeNull()
    }
  })

  it('keeps IPTV-style attributes after the duration in the snapshot', () => {
    const parsed = m3u8(
      '#EXTM3U\n#EXTINF:-1 tvg-id="one" group-title="News",One - Live\nhttp://x/1\n',
    )
    const [track] = tracksOf(parsed)
    expect(track?.extra).toEqual({ extinfAttributes: 'tvg-id="one" group-title="News"' })
    expect(track?.durationMs).toBeNull()
  })
})

describe('M3U entries', () => {
  it('reads relative, absolute, Windows, UNC, URL and file: URI entries', async () => {
    const tracks = tracksOf(await parseFixture('m3u8/summer_drive.m3u8'))
    expect(tracks.map((t) => [t.location, t.localPath])).toEqual([
      [
        'Music/Daft Punk/Discovery/03 Digital Love.flac',
        'Music/Daft Punk/Discovery/03 Digital Love.flac',
      ],
      [
        '/home/sam/Music/Tame Impala/Currents/01 Let It Happen.mp3',
        '/home/sam/Music/Tame Impala/Currents/01 Let It Happen.mp3',
      ],
      [
        'D:\\Music\\Talking Heads\\Remain in Light\\04 Once in a Lifetime.mp3',
        'D:\\Music\\Talking Heads\\Remain in Light\\04 Once in a Lifetime.mp3',
      ],
      [
        '\\\\nas\\music\\The War on Drugs\\Lost in the Dream\\02 Red Eyes.flac',
        '\\\\nas\\music\\The War on Drugs\\Lost in the Dream\\02 Red Eyes.flac',
      ],
      ['https://stream.radiocaroline.example/live.mp3', null],
      ['../Shared/Unknown/track without info.ogg', '../Shared/Unknown/track without info.ogg'],
      [
        'file:///home/sam/Music/Fleetwood%20Mac/Tango%20in%20the%20Night/Everywhere.m4a',
        '/home/sam/Music/Fleetwood Mac/Tango in the Night/Everywhere.m4a',
      ],
      ['Music/broken.mp3', 'Music/broken.mp3'],
    ])
  })

  it('uses the first #PLAYLIST, trims lines and drops a #EXTINF with no entry after it', async () => {
    const parsed = await parseFixture('m3u8/summer_drive.m3u8')
    expect(parsed.playlists[0]?.name).toBe('Summer Drive')
    const tracks = tracksOf(parsed)
    expect(tracks).toHaveLength(8)
    expect(contractFields(tracks[6])).toMatchObject({
      title: 'Everywhere',
      artists: ['Fleetwood Mac'],
      durationMs: 187000,
    })
    expect(tracks.some((t) => t.title === 'Has No Location')).toBe(false)
  })

  it('gives an entry without #EXTINF no title, artists or duration', async () => {
    const [track] = tracksOf(await parseFixture('m3u/plain_paths.m3u'))
    expect(contractFields(track)).toEqual({
      title: null,
      artists: [],
      album: null,
      durationMs: null,
      location: 'Radiohead/OK Computer/01 - Airbag.mp3',
      localPath: 'Radiohead/OK Computer/01 - Airbag.mp3',
      sourceId: null,
    })
  })

  it('keeps other #EXT directives of an entry in its snapshot, and never an album', async () => {
    const tracks = tracksOf(await parseFixture('m3u8/summer_drive.m3u8'))
    expect(tracks[3]?.extra).toEqual({ directives: ['#EXTVLCOPT:network-caching=1000'] })
    expect(tracks.every((t) => t.album === null && t.sourceId === null)).toBe(true)
  })

  it('keeps file order and duplicates', () => {
    const parsed = m3u8(
      '#EXTINF:1,A - One\na.mp3\n#EXTINF:2,B - Two\nb.mp3\n#EXTINF:1,A - One\na.mp3\n',
    )
    expect(tracksOf(parsed).map((t) => t.title)).toEqual(['One', 'Two', 'One'])
  })

  it('accepts a file with only #EXTM3U as a playlist with no tracks', async () => {
    const parsed = await parseFixture('edge_cases/header_only.m3u8')
    expect(parsed.playlists).toEqual([{ name: null, tracks: [] }])
  })

  it('names the format after the extension: .m3u8 or m3u', async () => {
    expect((await parseFixture('m3u8/summer_drive.m3u8')).format).toBe('m3u8')
    expect((await parseFixture('m3u/plain_paths.m3u')).format).toBe('m3u')
    expect(parsePlaylistBuffer('list.txt', Buffer.from('#EXTM3U\na.mp3\n')).format).toBe('m3u')
  })

  it('refuses a line too long to be an entry', async () => {
    const error = await formatErrorOf(() => m3u8(`#EXTM3U\n${'x'.repeat(70_000)}\n`), 'list.m3u8')
    expect(error.line).toBe(2)
  })
})
