import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { splitArtists } from '../../../src/main/core/importers/exportify-csv'
import {
  contractFields,
  fixture,
  formatErrorOf,
  parseFixture,
  tracksOf,
} from '../../support/importers'

const csv = (text: string) => parsePlaylistBuffer('export.csv', Buffer.from(text))

describe('Exportify CSV, exportify.app variant', () => {
  it('splits artists at ", " and unescapes "\\," inside a name', () => {
    expect(splitArtists('Crosby\\, Stills\\, Nash & Young, Neil Young', 'app')).toEqual([
      'Crosby, Stills, Nash & Young',
      'Neil Young',
    ])
    expect(splitArtists('Earth\\, Wind & Fire', 'app')).toEqual(['Earth, Wind & Fire'])
    expect(splitArtists('', 'app')).toEqual([])
  })

  it('reads quoted cells with doubled quotes, commas and line breaks', async () => {
    const tracks = tracksOf(await parseFixture('exportify/app_variant.csv'))
    expect(tracks[3]?.title).toBe('Ain\'t No "Mountain" High Enough')
    expect(tracks[3]?.artists).toEqual(['Marvin Gaye', 'Tammi Terrell'])
    // Line breaks are control characters, which the contract deletes from titles.
    expect(tracks[4]?.title).toBe('Bohemian RhapsodyRemastered 2011')
    expect(tracks[4]?.album).toBe('A Night At The Opera, Deluxe')
  })

  it('maps Track URI, duration and ISRC, and keeps the other columns as the snapshot', async () => {
    const [track] = tracksOf(await parseFixture('exportify/app_variant.csv'))
    expect(contractFields(track)).toEqual({
      title: 'This Is What You Came For',
      artists: ['Calvin Harris', 'Rihanna'],
      album: 'This Is What You Came For',
      durationMs: 222160,
      location: null,
      localPath: null,
      sourceId: 'spotify:track:Qm9vZ2llV29uZGVybGFuZA1',
    })
    expect(track?.isrc).toBe('GBARL1600597')
    expect(track?.extra).toMatchObject({
      'Artist URI(s)': 'spotify:artist:a1',
      'Album Release Date': '2016-04-29',
      Popularity: '77',
    })
    expect(track?.extra).not.toHaveProperty('Track Name')
  })

  it('keeps spotify:local URIs as the source id and a zero duration as null', async () => {
    const track = tracksOf(await parseFixture('exportify/app_variant.csv'))[5]
    expect(track?.sourceId).toBe('spotify:local:Unknown+Artist:Home+Tapes:Demo+%231:95')
    expect(track?.durationMs).toBeNull()
    expect(track?.isrc).toBeNull()
  })

  it('pads a row shorter than the header with empty cells', async () => {
    const track = tracksOf(await parseFixture('exportify/app_variant.csv'))[6]
    expect(contractFields(track)).toMatchObject({
      title: 'Short Row',
      artists: ['Nobody'],
      album: null,
      durationMs: null,
    })
  })

  it('accepts a header without rows as one unnamed playlist with no tracks', async () => {
    const parsed = await parseFixture('exportify/header_only.csv')
    expect(parsed).toMatchObject({ format: 'exportify_csv', platform: 'spotify' })
    expect(parsed.playlists).toEqual([{ name: null, tracks: [] }])
  })

  it('tells the variant by its quoted header when no duration column says it', () => {
    const text = '"Track URI","Track Name","Artist Name(s)"\n"spotify:track:x","T","A, B"\n'
    expect(tracksOf(csv(text))[0]?.artists).toEqual(['A', 'B'])
  })
})

describe('Exportify CSV, exportify.net variant', () => {
  it('splits artists at ";" only, after a BOM and a bare header', async () => {
    const parsed = await parseFixture('exportify/net_variant.csv')
    expect(parsed.format).toBe('exportify_csv')
    const tracks = tracksOf(parsed)
    expect(tracks.map((t) => t.artists)).toEqual([
      ['Tyler, The Creator'],
      ['Tyler, The Creator', 'Kali Uchis'],
      ['Frank Ocean'],
      ['Frank Ocean', 'Beyoncé'],
    ])
    expect(tracks[0]?.durationMs).toBe(190066)
    expect(tracks[0]?.extra).toMatchObject({ Genres: 'hip hop,rap', Tempo: '120.0' })
  })
})

describe('CSV errors', () => {
  it('refuses a header without Track Name', async () => {
    const file = fixture('malformed/missing_header_column.csv')
    const error = await formatErrorOf(
      () => parseFixture('malformed/missing_header_column.csv'),
      file,
    )
    expect(error.message).toBe(`${file}: line 1: missing column 'Track Name'`)
  })

  it('refuses a row wider than its header, naming the line', async () => {
    const text = '"Track URI","Track Name"\n"a","One"\n"b","Two\nlines"\n"c","Three","extra"\n'
    const error = await formatErrorOf(() => csv(text), 'export.csv')
    expect(error.message).toBe('export.csv: line 5: row has 3 cells but the header has 2')
  })

  it('refuses an unterminated quote, naming the line', async () => {
    const file = fixture('malformed/unterminated_quote.csv')
    const error = await formatErrorOf(() => parseFixture('malformed/unterminated_quote.csv'), file)
    expect(error.problem).toMatch(/^line 3: malformed CSV: /)
  })

  it('reads mixed line endings and skips blank lines', () => {
    const text = '"Track URI","Track Name"\r\n"a","One"\n\n  \r"b","Two"\r\n,\n'
    expect(tracksOf(csv(text)).map((t) => t.title)).toEqual(['One', 'Two'])
  })
})
