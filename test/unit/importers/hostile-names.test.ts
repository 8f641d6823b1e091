import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer, PlaylistFormatError } from '../../../src/main/core/importers'
import { contractFields, parseFixture, tracksOf } from '../../support/importers'

describe('hostile names are just data', () => {
  it('keeps traversal paths, device names and markup as text, resolving nothing', async () => {
    const parsed = await parseFixture('edge_cases/hostile_names.jspf')
    expect(parsed.playlists[0]?.name).toBe('../../etc/passwd')
    const tracks = tracksOf(parsed)
    expect(contractFields(tracks[0])).toEqual({
      title: '../../etc/passwd',
      artists: ['CON'],
      album: 'NUL',
      durationMs: null,
      location: '../../../../etc/shadow',
      localPath: '../../../../etc/shadow',
      sourceId: '../../x',
    })
    expect(tracks[3]).toMatchObject({
      title: '<script>alert(1)</script>',
      artists: ["'; DROP TABLE songs; --"],
      localPath: 'C:\\Windows\\System32\\config\\SAM',
    })
  })

  it('deletes control characters from names, escape sequences included', async () => {
    const track = tracksOf(await parseFixture('edge_cases/hostile_names.jspf'))[1]
    expect(track).toMatchObject({ title: 'Bell and [31mred[0m end', artists: ['AUX'], album: null })
  })

  it('keeps a 300-character title whole', async () => {
    const track = tracksOf(await parseFixture('edge_cases/hostile_names.jspf'))[2]
    expect(track?.title).toHaveLength(300)
    expect(track?.artists).toEqual(['a/b\\c'])
  })

  it('reads device names and slashes in an M3U as text', async () => {
    const parsed = await parseFixture('edge_cases/hostile_paths.m3u8')
    expect(parsed.playlists[0]?.name).toBe('CON')
    expect(tracksOf(parsed).map((t) => [t.artists, t.title, t.localPath])).toEqual([
      [['..'], '../../etc/passwd', '../../../../etc/passwd'],
      [['PRN'], 'LPT1', '\\\\?\\C:\\Windows\\win.ini'],
      [['Slashes / and \\ backslashes'], 'a/b\\c', '/dev/zero'],
    ])
  })

  it('keeps an error message on one line whatever the file is called', () => {
    const name = 'evil\nname\u001b[2J\u2028.m3u8'
    let caught: unknown
    try {
      parsePlaylistBuffer(name, Buffer.alloc(0))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(PlaylistFormatError)
    const error = caught as PlaylistFormatError
    expect(error.file).toBe(name)
    expect(error.message).toBe('evil\\u000aname\\u001b[2J\\u2028.m3u8: file is empty')
  })
})
