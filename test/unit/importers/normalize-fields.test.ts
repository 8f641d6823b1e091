import { describe, expect, it } from 'vitest'
import { localPathOf } from '../../../src/main/core/importers/local-path'
import {
  cleanArtists,
  cleanLocation,
  cleanSourceId,
  cleanText,
  durationFromMs,
  durationFromSeconds,
} from '../../../src/main/core/importers/normalize-fields'

describe('text fields', () => {
  it('composes to NFC, deletes C0 and C1 controls, trims, and turns empty into null', () => {
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00e9')
    expect(cleanText('\u0007Bell\u0000 \u0085x\u009f ')).toBe('Bell x')
    expect(cleanText('  \u0001 ')).toBeNull()
    expect(cleanText('')).toBeNull()
    expect(cleanText(undefined)).toBeNull()
    expect(cleanText({ name: 'x' })).toBeNull()
  })

  it('keeps numeric-looking text as text and turns JSON numbers into text', () => {
    expect(cleanText('1901')).toBe('1901')
    expect(cleanText(1979)).toBe('1979')
  })

  it('drops empty artist names', () => {
    expect(cleanArtists(['A', '', '  ', null, 'B\u0000'])).toEqual(['A', 'B'])
  })

  it('keeps locations as stored, only trimmed', () => {
    expect(cleanLocation('  file:///a%20b  ')).toBe('file:///a%20b')
    expect(cleanLocation('Cafe\u0301.mp3')).toBe('Cafe\u0301.mp3')
    expect(cleanLocation('   ')).toBeNull()
  })

  it('keeps source ids raw and numeric ids as decimal text', () => {
    expect(cleanSourceId(186016)).toBe('186016')
    expect(cleanSourceId(' spotify:track:x ')).toBe('spotify:track:x')
    expect(cleanSourceId('')).toBeNull()
    expect(cleanSourceId(1.5)).toBeNull()
  })
})

describe('durations', () => {
  it('reads milliseconds from numbers and numeric text, rounding half away from zero', () => {
    expect(durationFromMs(185000)).toBe(185000)
    expect(durationFromMs('185000')).toBe(185000)
    expect(durationFromMs(' 185000.5 ')).toBe(185001)
    expect(durationFromMs(185000.49)).toBe(185000)
    expect(durationFromMs('1.85e5')).toBe(185000)
  })

  it('converts seconds exactly', () => {
    expect(durationFromSeconds(259)).toBe(259000)
    expect(durationFromSeconds('1.0005')).toBe(1001)
    expect(durationFromSeconds('1.0004999')).toBe(1000)
    expect(durationFromSeconds('.5')).toBe(500)
    expect(durationFromSeconds('+3')).toBe(3000)
  })

  it.each([
    null,
    undefined,
    '',
    'abc',
    '1:30',
    '0',
    0,
    -1,
    '-1',
    Number.NaN,
    Infinity,
    true,
    '1e400',
  ])('treats %s as unknown', (value) => {
    expect(durationFromMs(value)).toBeNull()
    expect(durationFromSeconds(value)).toBeNull()
  })
})

describe('local paths', () => {
  it.each([
    ['file:///a/b', '/a/b'],
    ['file://localhost/a/b', '/a/b'],
    ['file://LOCALHOST/a/b', '/a/b'],
    ['file:/a/b', '/a/b'],
    ['file:///C:/x', 'C:/x'],
    ['file://localhost/C:/x', 'C:/x'],
    ['file:///c:', 'c:'],
    ['file://nas/share/x%20y', '//nas/share/x y'],
    ['file:///a+b/%2B%26%27%CA%BB', '/a+b/+&\u0027\u02bb'],
    ['file:///Cafe%CC%81', '/Cafe\u0301'],
    ['FILE:///upper', '/upper'],
    ['file:///bad%ZZ%E9end', '/bad%ZZ%E9end'],
  ])('%s -> %s', (location, path) => {
    expect(localPathOf(location)).toBe(path)
  })

  it.each([
    ['Music/a.mp3', 'Music/a.mp3'],
    ['../a.mp3', '../a.mp3'],
    ['/abs/a.mp3', '/abs/a.mp3'],
    ['C:\\Music\\a.mp3', 'C:\\Music\\a.mp3'],
    ['c:/Music/a.mp3', 'c:/Music/a.mp3'],
    ['\\\\server\\share\\a.mp3', '\\\\server\\share\\a.mp3'],
    ['a%20b.mp3', 'a%20b.mp3'],
  ])('bare path %s stays as it is', (location, path) => {
    expect(localPathOf(location)).toBe(path)
  })

  it.each(['http://x/a.mp3', 'https://x/a.mp3', 'spotify:track:x', 'smb://nas/a.mp3', 'ftp://x'])(
    '%s is not local',
    (location) => {
      expect(localPathOf(location)).toBeNull()
    },
  )

  it('is null without a location', () => {
    expect(localPathOf(null)).toBeNull()
  })
})
