import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import {
  csvFormatOf,
  jsonFormatOf,
  sniffContainer,
} from '../../../src/main/core/importers/detect-format'
import { fixture, formatErrorOf } from '../../support/importers'

/** Parses a fixture's bytes under another name, so that only the content can tell. */
const asFile = (relativePath: string, name: string) =>
  parsePlaylistBuffer(name, readFileSync(fixture(relativePath)))

describe('format detection from content', () => {
  it.each([
    ['xspf/rainy_afternoon.xspf', 'playlist.txt', 'xspf'],
    ['xspf/rainy_afternoon.xspf', 'playlist.m3u8', 'xspf'],
    ['jspf/road_mix.jspf', 'road_mix.json', 'jspf'],
    ['jspf/listenbrainz_weekly.jspf', 'download', 'jspf'],
    ['itunes/Library.xml', 'library.plist', 'itunes_xml'],
    ['exportify/app_variant.csv', 'spotify.txt', 'exportify_csv'],
    ['exportify/net_variant.csv', 'export', 'exportify_csv'],
    ['tunemymusic/two_playlists.csv', 'export.dat', 'tunemymusic_csv'],
    ['netease/playlist_detail_partial.json', 'response.xspf', 'netease_json'],
    ['qq/cdinfo_old_shape.json', 'cdinfo.csv', 'qq_json'],
    ['qq/cdinfo_new_shape_jsonp.txt', 'cdinfo.js', 'qq_json'],
    ['m3u8/summer_drive.m3u8', 'summer.txt', 'm3u'],
    ['m3u8/summer_drive.m3u8', 'summer.xml', 'm3u'],
  ])('%s named %s is %s', (relativePath, name, format) => {
    expect(asFile(relativePath, name).format).toBe(format)
  })

  it('takes plain lines as M3U only when the extension says so', async () => {
    expect(asFile('m3u/plain_paths.m3u', 'list.m3u8').format).toBe('m3u8')
    const error = await formatErrorOf(() => asFile('m3u/plain_paths.m3u', 'list.txt'), 'list.txt')
    expect(error.problem).toBe('not a playlist export in any supported format')
  })

  it('does not mistake M3U entries with brackets or parentheses for JSON', () => {
    for (const entry of ['[Live] Song.mp3', 'Live(1).mp3', 'cb (demo).mp3']) {
      const parsed = parsePlaylistBuffer('list.m3u', Buffer.from(`${entry}\nnext.mp3\n`))
      expect(parsed.playlists[0]?.tracks.map((t) => t.location)).toEqual([entry, 'next.mp3'])
    }
  })

  it('sniffs the container from the first characters', () => {
    expect(sniffContainer('  \n<?xml version="1.0"?><a/>', '')).toBe('xml')
    expect(sniffContainer('{"playlist":{}}', '')).toBe('json')
    expect(sniffContainer('jQuery123_456({"code":0})', '')).toBe('json')
    expect(sniffContainer('#EXTM3U\n', '')).toBe('m3u')
    expect(sniffContainer('"Track URI","Track Name"\n', '')).toBe('csv')
    expect(sniffContainer('Track name,Artist name\n', '')).toBe('csv')
    expect(sniffContainer('a/b.mp3\n', '.m3u')).toBe('m3u')
    expect(sniffContainer('anything', '.csv')).toBe('csv')
  })

  it('tells Exportify from TuneMyMusic by the header', () => {
    expect(csvFormatOf(['Track Name'])).toBe('exportify_csv')
    expect(csvFormatOf(['Track name'])).toBe('tunemymusic_csv')
    expect(csvFormatOf(['Track URI', 'Artist Name(s)'])).toBe('exportify_csv')
    expect(csvFormatOf(['Artist name', 'Playlist name'])).toBe('tunemymusic_csv')
    expect(csvFormatOf(['Title', 'Deezer - id'])).toBe('tunemymusic_csv')
    expect(() => csvFormatOf(['name', 'email'])).toThrow(/CSV header has none/)
  })

  it('tells the JSON exports apart and names service error bodies', () => {
    expect(jsonFormatOf({ playlist: { track: [] } })).toBe('jspf')
    expect(jsonFormatOf({ playlist: {} })).toBe('jspf')
    expect(jsonFormatOf({ code: 200, playlist: {} })).toBe('netease_json')
    expect(jsonFormatOf({ playlist: { tracks: [] } })).toBe('netease_json')
    expect(jsonFormatOf({ code: 0, cdlist: [] })).toBe('qq_json')
    expect(jsonFormatOf({ code: 200 })).toBe('netease_json')
    expect(() => jsonFormatOf({ code: 500, message: 'busy' })).toThrow(
      'the service returned an error (code 500: busy)',
    )
    expect(() => jsonFormatOf({ error: 'invalid_token' })).toThrow(/it says: invalid_token/)
  })
})
