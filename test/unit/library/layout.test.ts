import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_LAYOUT,
  LayoutError,
  PathEscapeError,
  renderLayout,
  resolveInsideRoot,
  type LayoutFields,
} from '../../../src/main/core/library/layout'

const song = (overrides: Partial<LayoutFields> = {}): LayoutFields => ({
  artists: ['Radiohead'],
  album: 'OK Computer',
  title: 'Karma Police',
  ext: 'flac',
  ...overrides,
})

const bytes = (text: string): number => Buffer.byteLength(text)

describe('renderLayout', () => {
  it('renders the default {artist}/{album}/{title}.{ext}', () => {
    expect(renderLayout(DEFAULT_LAYOUT, song())).toBe('Radiohead/OK Computer/Karma Police.flac')
  })

  it('fills in unknown artist and album, and every other field', () => {
    expect(renderLayout(DEFAULT_LAYOUT, song({ artists: [], album: null }))).toBe(
      'Unknown Artist/Unknown Album/Karma Police.flac',
    )
    const fields = song({ artists: ['A', 'B'], playlist: 'Mix', track: 3 })
    expect(renderLayout('{playlist}/{artists}/{track} - {title}.{ext}', fields)).toBe(
      'Mix/A, B/03 - Karma Police.flac',
    )
    expect(renderLayout('{artist}/{title}', fields)).toBe('A/Karma Police.flac')
  })

  it('keeps slashes in values out of the folder structure', () => {
    const path = renderLayout(DEFAULT_LAYOUT, song({ artists: ['AC/DC'], title: 'T.N.T.' }))
    expect(path).toBe('AC_DC/OK Computer/T.N.T.flac')
  })

  it('refuses an unknown field or an empty template', () => {
    expect(() => renderLayout('{genre}/{title}.{ext}', song())).toThrow(LayoutError)
    expect(() => renderLayout(' / ', song())).toThrow(/empty/)
  })

  it('sanitises the extension', () => {
    expect(renderLayout(DEFAULT_LAYOUT, song({ ext: '../../MP3' }))).toMatch(/Karma Police\.mp3$/)
    expect(renderLayout(DEFAULT_LAYOUT, song({ ext: '' }))).toMatch(/\.bin$/)
  })

  it('cuts long names to 255 bytes per component, keeping the extension', () => {
    const title = '晴'.repeat(300)
    const path = renderLayout(DEFAULT_LAYOUT, song({ title, album: 'ä'.repeat(300) }))
    const [, album = '', file = ''] = path.split('/')
    expect(bytes(album)).toBeLessThanOrEqual(255)
    expect(bytes(file)).toBeLessThanOrEqual(255)
    expect(file.endsWith('.flac')).toBe(true)
    expect(file).toMatch(/^晴+\.flac$/)
  })
})

describe('hostile titles', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'catalogsync-layout-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  const hostile = [
    '../../etc/passwd',
    '..',
    '.',
    'CON',
    'nul',
    'LPT1',
    'a\u0000b\u0007c\u001b[31m\u007f',
    'x'.repeat(300),
    'slashes/and\\backslashes/..',
    '   ',
    '...hidden',
    'trailing dots...',
    'emoji 👩‍👩‍👧‍👦'.repeat(40),
  ]

  it.each(hostile)('keeps %j inside the root as a valid name', (title) => {
    const relativePath = renderLayout(
      DEFAULT_LAYOUT,
      song({ title, artists: [title], album: title }),
    )
    const target = resolveInsideRoot(root, relativePath)
    expect(relative(root, target).startsWith('..')).toBe(false)
    expect(relativePath.split('/')).toHaveLength(3)
    for (const part of relativePath.split('/')) {
      expect(part).not.toMatch(/^\.|[/\\:*?"<>|]|[. ]$/)
      expect([...part].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f')).toBe(false)
      expect(part).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i)
      expect(bytes(part)).toBeLessThanOrEqual(255)
    }
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, 'ID3')
  })
})

describe('resolveInsideRoot', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalogsync-root-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('resolves a relative path under the root', () => {
    expect(resolveInsideRoot(join(dir, 'lib'), 'A/B/c.mp3')).toBe(
      join(dir, 'lib', 'A', 'B', 'c.mp3'),
    )
  })

  it.each(['../x.mp3', 'A/../../x.mp3', '/etc/passwd', '', '.'])('refuses %j', (path) => {
    expect(() => resolveInsideRoot(join(dir, 'lib'), path)).toThrow(PathEscapeError)
  })

  it('refuses a path through a symlinked folder that points outside', () => {
    const root = join(dir, 'lib')
    mkdirSync(join(dir, 'outside'), { recursive: true })
    mkdirSync(root)
    symlinkSync(join(dir, 'outside'), join(root, 'Artist'))
    expect(() => resolveInsideRoot(root, 'Artist/Album/x.mp3')).toThrow(/through a symlink/)
  })

  it('accepts a root that is itself a symlink, and symlinks that stay inside', () => {
    mkdirSync(join(dir, 'real', 'inner'), { recursive: true })
    symlinkSync(join(dir, 'real'), join(dir, 'lib'))
    symlinkSync(join(dir, 'real', 'inner'), join(dir, 'real', 'alias'))
    expect(resolveInsideRoot(join(dir, 'lib'), 'alias/x.mp3')).toBe(
      join(dir, 'lib', 'alias', 'x.mp3'),
    )
  })
})
