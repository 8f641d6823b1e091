import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { decodeText } from '../../../src/main/core/importers/decode-text'
import { fixture, formatErrorOf, parseFixture, tracksOf } from '../../support/importers'

const utf8 = { legacyFallback: false }

describe('text decoding', () => {
  it('strips a UTF-8 BOM and reads CRLF lines', async () => {
    const parsed = await parseFixture('m3u8/evening_bom_crlf.m3u8')
    expect(parsed.playlists[0]?.name).toBe('Evening — Café')
    expect(tracksOf(parsed).map((t) => t.artists[0])).toEqual(['宇多田ヒカル', 'Rosía', 'Zaz'])
    expect(tracksOf(parsed)[0]?.location).toBe('/Users/ana/Music/宇多田ヒカル/Flavor Of Life.m4a')
  })

  it.each(['m3u8/utf16le_bom.m3u8', 'm3u8/utf16be_bom.m3u8'])(
    'reads UTF-16 with a BOM: %s',
    async (file) => {
      const parsed = await parseFixture(file)
      expect(parsed.playlists[0]?.name).toBe('Wide Chars ♫')
      expect(tracksOf(parsed).map((t) => [t.artists[0], t.title])).toEqual([
        ['Björk', 'Jóga'],
        ['坂本龍一', 'Energy Flow'],
      ])
    },
  )

  it('reads a legacy .m3u as Windows-1252 when it is not UTF-8, with CR line ends', async () => {
    const tracks = tracksOf(await parseFixture('m3u/legacy_cp1252.m3u'))
    expect(tracks.map((t) => [t.artists[0], t.title])).toEqual([
      ['Beyoncé', 'Halo'],
      ['Motörhead', 'Ace of Spades'],
      ['Maná', 'Oye mi amor – Live'],
    ])
    expect(tracks[0]?.location).toBe('Music\\Beyoncé\\I Am... Sasha Fierce\\Halo.mp3')
  })

  it('refuses a .m3u8 that is not valid UTF-8', async () => {
    const file = fixture('malformed/invalid_utf8.m3u8')
    const error = await formatErrorOf(() => parseFixture('malformed/invalid_utf8.m3u8'), file)
    expect(error.problem).toMatch(/not valid UTF-8/)
  })

  it('reads mixed LF, CRLF and CR line ends and skips blank lines', async () => {
    const tracks = tracksOf(await parseFixture('m3u/plain_paths.m3u'))
    expect(tracks.map((t) => t.location)).toEqual([
      'Radiohead/OK Computer/01 - Airbag.mp3',
      'Radiohead/OK Computer/02 - Paranoid Android.mp3',
      '/mnt/usb/Radiohead/OK Computer/03 - Subterranean Homesick Alien.mp3',
      'C:/Music/Radiohead/OK Computer/04 - Exit Music (For a Film).mp3',
    ])
  })

  it('follows the encoding an XML declaration names', async () => {
    const parsed = await parseFixture('xspf/latin1_declared.xspf')
    expect(parsed.playlists[0]?.name).toBe('Chansons françaises')
    expect(tracksOf(parsed)[0]?.artists).toEqual(['Édith Piaf'])
  })

  it('refuses an encoding it does not know', () => {
    const xml = '<?xml version="1.0" encoding="x-klingon"?><playlist/>'
    expect(() => decodeText(Buffer.from(xml), utf8)).toThrow(
      /unsupported text encoding "x-klingon"/,
    )
  })

  it('refuses text with C0 control characters, naming the line', async () => {
    const file = fixture('malformed/control_chars.m3u8')
    const error = await formatErrorOf(() => parseFixture('malformed/control_chars.m3u8'), file)
    expect(error.line).toBe(4)
    expect(error.problem).toMatch(/binary content \(control character U\+0007\)/)
  })

  it('allows TAB, and C1 characters that legacy text may hold', () => {
    expect(decodeText(Buffer.from('#EXTINF:1,a\tb\u0085\nx.mp3'), utf8)).toContain('\t')
  })

  it('refuses a BOM followed by invalid UTF-16', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00])
    const error = await formatErrorOf(() => parsePlaylistBuffer('x.m3u8', bytes), 'x.m3u8')
    expect(error.problem).toMatch(/not valid UTF-16LE/)
  })

  it('refuses a file that is only a BOM and whitespace', async () => {
    const bytes = Buffer.from('\ufeff  \r\n\t', 'utf8')
    const error = await formatErrorOf(() => parsePlaylistBuffer('x.m3u8', bytes), 'x.m3u8')
    expect(error.problem).toBe('file is empty (only whitespace)')
  })
})
