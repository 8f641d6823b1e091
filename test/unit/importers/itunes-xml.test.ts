import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import {
  contractFields,
  fixture,
  formatErrorOf,
  parseFixture,
  tracksOf,
} from '../../support/importers'

const PLIST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
const plist = (body: string) =>
  parsePlaylistBuffer(
    'Library.xml',
    Buffer.from(`${PLIST_HEAD}<plist version="1.0">${body}</plist>`),
  )

describe('iTunes library XML', () => {
  it('lists user playlists only: not the master, distinguished lists or folders', async () => {
    const parsed = await parseFixture('itunes/Library.xml')
    expect(parsed).toMatchObject({ format: 'itunes_xml', platform: 'itunes' })
    expect(parsed.playlists.map((p) => [p.name, p.sourceId, p.tracks.length])).toEqual([
      ['Grunge & Alt', 'FFFF000000000005', 4],
      ['Top Rated', 'FFFF000000000006', 3],
      ['Empty For Now', 'FFFF000000000007', 0],
    ])
  })

  it('follows Playlist Items, skipping unknown track ids and keeping duplicates', async () => {
    const tracks = tracksOf(await parseFixture('itunes/Library.xml'))
    expect(tracks.map((t) => t.title)).toEqual([
      'Smells Like Teen Spirit',
      'Creep',
      'Losing My Religion',
      'Smells Like Teen Spirit',
    ])
  })

  it('maps Name, Artist, Album, Total Time, Location and Persistent ID', async () => {
    const [track, creep, cloud] = tracksOf(await parseFixture('itunes/Library.xml'))
    expect(contractFields(track)).toEqual({
      title: 'Smells Like Teen Spirit',
      artists: ['Nirvana'],
      album: 'Nevermind',
      durationMs: 301920,
      location:
        'file://localhost/Users/sam/Music/iTunes/iTunes%20Media/Music/Nirvana/Nevermind/01%20Smells%20Like%20Teen%20Spirit.m4a',
      localPath:
        '/Users/sam/Music/iTunes/iTunes Media/Music/Nirvana/Nevermind/01 Smells Like Teen Spirit.m4a',
      sourceId: 'A1B2C3D4E5F60101',
    })
    expect(creep?.localPath).toBe('C:/Users/Sam/Music/iTunes/Radiohead/Pablo Honey/02 Creep.mp3')
    expect(cloud).toMatchObject({ location: null, localPath: null })
    expect(track?.extra).toMatchObject({
      'Track ID': 101,
      Genre: 'Rock',
      'Date Added': '2012-03-04T05:06:07Z',
    })
  })

  it('keeps smart playlists, data as text, and hostile keys as plain data', async () => {
    const tracks = tracksOf(await parseFixture('itunes/Library.xml'), 1)
    expect(tracks[1]).toMatchObject({
      title: 'Untitled',
      artists: [],
      album: null,
      durationMs: null,
    })
    expect(tracks[1]?.extra.Artwork).toBe('iVBORw0KGgoAAAAN')
    const hostile = tracks[2]
    expect(hostile?.title).toBe('__proto__')
    expect(Object.getOwnPropertyDescriptor(hostile?.extra, '__proto__')?.value).toBe('just data')
    expect(hostile?.extra.constructor).toBe('also data')
  })

  it('refuses a plist that is not a library', async () => {
    const file = fixture('malformed/plist_not_library.xml')
    const error = await formatErrorOf(() => parseFixture('malformed/plist_not_library.xml'), file)
    expect(error.field).toBe('Playlists')
  })

  it('refuses malformed plist structure, naming the line', async () => {
    const error = await formatErrorOf(
      () => plist('<dict>\n<key>Playlists</key>\n<key>Tracks</key><dict/></dict>'),
      'Library.xml',
    )
    expect(error.message).toBe('Library.xml: line 5: <key>Playlists</key> has no value')
  })

  it('refuses an integer that is not one', async () => {
    const error = await formatErrorOf(
      () => plist('<dict><key>Playlists</key><array/><key>N</key><integer>1.5</integer></dict>'),
      'Library.xml',
    )
    expect(error.problem).toMatch(/<integer> holds "1\.5"/)
  })

  it('lists a playlist without Playlist Items with no tracks', () => {
    const parsed = plist(
      '<dict><key>Tracks</key><dict/><key>Playlists</key><array><dict><key>Name</key><string>Solo</string></dict></array></dict>',
    )
    expect(parsed.playlists).toEqual([{ name: 'Solo', sourceId: null, tracks: [] }])
  })
})
