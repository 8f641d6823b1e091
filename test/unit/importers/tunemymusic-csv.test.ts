import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import {
  contractFields,
  fixture,
  formatErrorOf,
  parseFixture,
  tracksOf,
} from '../../support/importers'

const csv = (text: string) => parsePlaylistBuffer('tunemymusic.csv', Buffer.from(text))

describe('TuneMyMusic CSV', () => {
  it('groups rows into playlists in order of first appearance', async () => {
    const parsed = await parseFixture('tunemymusic/two_playlists.csv')
    expect(parsed.format).toBe('tunemymusic_csv')
    expect(parsed.playlists.map((p) => [p.name, p.tracks.map((t) => t.title)])).toEqual([
      ['Nineties', ['1979', 'Zombie', 'Wonderwall']],
      ['Road Trip', ['Hey, Soul Sister', 'Mr. Brightside']],
      [null, ['Loose Track']],
    ])
  })

  it('never splits the artist, has no duration, and takes the id column of the service', async () => {
    const parsed = await parseFixture('tunemymusic/two_playlists.csv')
    expect(parsed.platform).toBe('apple_music')
    const loose = tracksOf(parsed, 2)[0]
    expect(contractFields(loose)).toEqual({
      title: 'Loose Track',
      artists: ['Somebody & Friends, Inc.'],
      album: 'Singles',
      durationMs: null,
      location: null,
      localPath: null,
      sourceId: '1440555555',
    })
    expect(loose?.extra).toEqual({ Type: 'Favorite' })
  })

  it('treats empty album and id cells as null and keeps the ISRC', async () => {
    const wonderwall = tracksOf(await parseFixture('tunemymusic/two_playlists.csv'))[2]
    expect(wonderwall).toMatchObject({ album: null, sourceId: null, isrc: 'GBQCP1400124' })
  })

  it('has no platform without a service id column', () => {
    const parsed = csv(
      'Track name,Artist name,Album,Playlist name,Type,ISRC\n"A","B","C","P","Playlist",""\n',
    )
    expect(parsed.platform).toBeNull()
    expect(tracksOf(parsed)[0]?.sourceId).toBeNull()
  })

  it('reads a header without rows as one empty playlist', () => {
    expect(csv('Track name,Artist name,Album,Playlist name,Type,ISRC\n').playlists).toEqual([
      { name: null, tracks: [] },
    ])
  })

  it('refuses a row wider than its header, counting lines inside quoted cells', async () => {
    const file = fixture('malformed/row_wider_than_header.csv')
    const error = await formatErrorOf(
      () => parseFixture('malformed/row_wider_than_header.csv'),
      file,
    )
    expect(error.line).toBe(5)
    expect(error.problem).toBe('line 5: row has 8 cells but the header has 7')
  })

  it('refuses a header without Track name', async () => {
    const error = await formatErrorOf(
      () => csv('Artist name,Playlist name\n"A","P"\n'),
      'tunemymusic.csv',
    )
    expect(error.message).toBe("tunemymusic.csv: line 1: missing column 'Track name'")
  })
})
