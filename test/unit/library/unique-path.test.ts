import { describe, expect, it } from 'vitest'
import { numberedPath, uniqueRelativePath } from '../../../src/main/core/library/unique-path'

describe('uniqueRelativePath', () => {
  const owners = (entries: Record<string, number>) => (path: string) => entries[path] ?? null

  it('keeps a free path', () => {
    expect(uniqueRelativePath('A/B/Hello.mp3', 1, owners({}))).toBe('A/B/Hello.mp3')
  })

  it('recognises the same song at its path as already present', () => {
    expect(uniqueRelativePath('A/B/Hello.mp3', 7, owners({ 'A/B/Hello.mp3': 7 }))).toBe(
      'A/B/Hello.mp3',
    )
  })

  it('gives two different songs on one path distinct names', () => {
    const taken = owners({ 'A/B/Hello.mp3': 1, 'A/B/Hello (2).mp3': 2 })
    expect(uniqueRelativePath('A/B/Hello.mp3', 3, taken)).toBe('A/B/Hello (3).mp3')
    expect(uniqueRelativePath('A/B/Hello.mp3', 2, taken)).toBe('A/B/Hello (2).mp3')
  })

  it('keeps numbered names within 255 bytes and keeps the extension', () => {
    const long = `A/${'é'.repeat(125)}.flac`
    const numbered = numberedPath(long, 12)
    const name = numbered.split('/')[1]!
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
    expect(name.endsWith(' (12).flac')).toBe(true)
    expect(numberedPath('A/noext', 2)).toBe('A/noext (2)')
  })

  it('gives up after many taken names', () => {
    expect(() => uniqueRelativePath('x.mp3', 1, () => 99)).toThrow(/no free file name/)
  })
})
