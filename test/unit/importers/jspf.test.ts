import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { contractFields, formatErrorOf, parseFixture, tracksOf } from '../../support/importers'

const jspf = (value: unknown) =>
  parsePlaylistBuffer('list.jspf', Buffer.from(JSON.stringify(value)))

describe('JSPF', () => {
  it('reads arrays and single strings for location and identifier', async () => {
    const parsed = await parseFixture('jspf/road_mix.jspf')
    expect(parsed).toMatchObject({ format: 'jspf', platform: null })
    expect(parsed.playlists[0]?.sourceId).toBe('urn:uuid:0d3c9a4e-5f1b-4c8d-9e2a-7b6f5a4c3d21')
    const tracks = tracksOf(parsed)
    expect(contractFields(tracks[1])).toEqual({
      title: 'Back in Black',
      artists: ['AC/DC'],
      album: 'Back in Black',
      durationMs: 255000,
      location: 'file:///home/sam/Music/AC_DC/Back%20in%20Black/06%20Back%20in%20Black.mp3',
      localPath: '/home/sam/Music/AC_DC/Back in Black/06 Back in Black.mp3',
      sourceId: 'https://musicbrainz.org/recording/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee02',
    })
    expect(tracks[0]?.extra).toMatchObject({
      trackNum: 1,
      location: [
        'file:///home/sam/Music/Fleetwood%20Mac/Rumours/01%20Second%20Hand%20News.mp3',
        'https://media.example.net/fleetwood-mac/second-hand-news.mp3',
      ],
    })
  })

  it('uses the first string of a location array and rounds fractional milliseconds', async () => {
    const track = tracksOf(await parseFixture('jspf/road_mix.jspf'))[3]
    expect(track?.location).toBe("C:\\Users\\Sam\\Music\\Queen\\Don't Stop Me Now.mp3")
    expect(track?.album).toBeNull()
    expect(track?.durationMs).toBe(209414)
  })

  it('treats an empty identifier array and a negative duration as absent', async () => {
    expect(contractFields(tracksOf(await parseFixture('jspf/road_mix.jspf'))[2])).toEqual({
      title: 'Gonna Fly Now',
      artists: ['Bill Conti'],
      album: null,
      durationMs: null,
      location: null,
      localPath: null,
      sourceId: null,
    })
  })

  it('reads a ListenBrainz export as plain JSPF and says where it came from', async () => {
    const parsed = await parseFixture('jspf/listenbrainz_weekly.jspf')
    expect(parsed.platform).toBe('listenbrainz')
    const [track] = tracksOf(parsed)
    expect(contractFields(track)).toMatchObject({
      title: 'Unfinished Sympathy',
      artists: ['Massive Attack'],
      location: null,
      localPath: null,
    })
    expect(track?.extra).toHaveProperty('extension')
  })

  it('accepts a playlist without a track array as empty', () => {
    expect(jspf({ playlist: { title: 'Empty' } }).playlists).toEqual([
      { name: 'Empty', sourceId: null, tracks: [] },
    ])
  })

  it('names the field when track is not an array or an entry not an object', async () => {
    let error = await formatErrorOf(() => jspf({ playlist: { track: {} } }), 'list.jspf')
    expect(error.field).toBe('playlist.track')
    error = await formatErrorOf(() => jspf({ playlist: { track: [{}, 'x'] } }), 'list.jspf')
    expect(error.field).toBe('playlist.track[1]')
    expect(error.message).toBe('list.jspf: field playlist.track[1]: is not an object')
  })

  it('refuses JSON without a playlist object', async () => {
    const error = await formatErrorOf(() => jspf({ playlist: 'nope' }), 'list.jspf')
    expect(error.problem).toMatch(/not a playlist/)
  })
})
