import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { fixture, formatErrorOf, parseFixture } from '../../support/importers'

const FIFTY_MB = 50 * 1024 * 1024

describe('malformed exports are refused with one line naming the file', () => {
  it.each([
    ['malformed/empty.xspf', /^file is empty$/],
    ['malformed/binary_junk.m3u8', /^binary content \(NUL bytes\)/],
    ['malformed/truncated.xspf', /^line 14: malformed XML: unclosed tag: location$/],
    ['malformed/missing_header_column.csv', /^line 1: missing column 'Track Name'$/],
    ['malformed/row_wider_than_header.csv', /^line 5: row has 8 cells but the header has 7$/],
    ['malformed/not_a_playlist.json', /^JSON is not a playlist .*API rate limit exceeded/],
    ['malformed/not_a_playlist.txt', /^not a playlist export in any supported format$/],
    ['malformed/unknown_root.xml', /^XML root element <rss> is neither/],
    ['malformed/entity_bomb.xspf', /DOCTYPE declares entities/],
    ['netease/error_response.json', /^the service returned an error \(code 404/],
    ['qq/error_response.json', /^QQ Music returned an error \(code -1/],
  ])('%s', async (relativePath, problem) => {
    const error = await formatErrorOf(() => parseFixture(relativePath), fixture(relativePath))
    expect(error.problem).toMatch(problem)
  })

  it('names the line of a JSON syntax error', async () => {
    const error = await formatErrorOf(
      () =>
        parsePlaylistBuffer(
          'x.json',
          Buffer.from('{\n  "playlist": {\n    "track": [1 2]\n  }\n}'),
        ),
      'x.json',
    )
    expect(error.line).toBe(3)
    expect(error.problem).toMatch(/^line 3: invalid JSON: /)
  })

  it('refuses JSON that is an array or a scalar', async () => {
    await formatErrorOf(() => parsePlaylistBuffer('x.json', Buffer.from('[1, 2]')), 'x.json')
    await formatErrorOf(() => parsePlaylistBuffer('x.json', Buffer.from('42')), 'x.json')
  })

  it('refuses JSON nested deeper than any export, which later serialising could not handle', async () => {
    const deep = `{"playlist":{"track":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}}`
    const error = await formatErrorOf(
      () => parsePlaylistBuffer('x.jspf', Buffer.from(deep)),
      'x.jspf',
    )
    expect(error.problem).toBe('JSON nests deeper than 64 levels')
  })

  it('refuses a plist nested deeper than any library', async () => {
    const deep = `<plist>${'<array>'.repeat(100)}${'</array>'.repeat(100)}</plist>`
    const error = await formatErrorOf(
      () => parsePlaylistBuffer('x.xml', Buffer.from(deep)),
      'x.xml',
    )
    expect(error.problem).toBe('line 1: the plist is nested too deeply')
  })

  it('refuses an unrecognised CSV header', async () => {
    const error = await formatErrorOf(
      () => parsePlaylistBuffer('x.csv', Buffer.from('name,email\nann,a@example.org\n')),
      'x.csv',
    )
    expect(error.problem).toMatch(/^line 1: CSV header has none of the columns/)
  })

  it('refuses a buffer over the size cap before reading it', async () => {
    const error = await formatErrorOf(
      () => parsePlaylistBuffer('big.m3u8', Buffer.alloc(64 * 1024 * 1024 + 1, 0x41)),
      'big.m3u8',
    )
    expect(error.problem).toBe('file is larger than 64 MB')
  })

  describe('50 MB of junk', () => {
    const binary = randomBytes(FIFTY_MB)
    const text = Buffer.alloc(FIFTY_MB, 'lorem ipsum dolor sit amet, ')

    it.each(['junk.m3u8', 'junk.m3u', 'junk.csv', 'junk.json', 'junk.xspf', 'junk.xml', 'junk'])(
      'random bytes named %s',
      async (name) => {
        const started = Date.now()
        await formatErrorOf(() => parsePlaylistBuffer(name, binary), name)
        expect(Date.now() - started).toBeLessThan(5000)
      },
    )

    it.each(['junk.csv', 'junk.json', 'junk.xspf', 'junk.txt'])(
      'printable text named %s',
      async (name) => {
        const started = Date.now()
        await formatErrorOf(() => parsePlaylistBuffer(name, text), name)
        expect(Date.now() - started).toBeLessThan(5000)
      },
    )
  })
})
