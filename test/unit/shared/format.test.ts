import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDuration, formatSpeed } from '../../../src/shared/format'

describe('numbers for people', () => {
  it('shows sizes and speeds in decimal units with a few significant digits', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(12_000_000)).toBe('12.0 MB')
    expect(formatBytes(48_000_000)).toBe('48.0 MB')
    expect(formatBytes(3_456_789)).toBe('3.46 MB')
    expect(formatBytes(1.5e12)).toBe('1.50 TB')
    expect(formatBytes(Number.NaN)).toBe('—')
    expect(formatSpeed(3_200_000)).toBe('3.20 MB/s')
  })

  it('keeps three significant digits at every size, so figures keep their width', () => {
    expect(formatBytes(1000)).toBe('1.00 kB')
    expect(formatBytes(512_300_000)).toBe('512 MB')
    expect(formatBytes(99_970)).toBe('100 kB')
    expect(formatBytes(9_996)).toBe('10.0 kB')
  })

  it('moves to the next unit when rounding reaches a thousand', () => {
    expect(formatBytes(999_700)).toBe('1.00 MB')
    expect(formatBytes(999.6)).toBe('1.00 kB')
    expect(formatSpeed(999.6)).toBe('1.00 kB/s')
    expect(formatBytes(2.5e15)).toBe('2500 TB')
  })

  it('shows a dash for sizes that cannot be', () => {
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—')
    expect(formatSpeed(Number.NaN)).toBe('—/s')
  })

  it('shows remaining time as clock time, and a dash while unknown', () => {
    expect(formatDuration(7)).toBe('0:07')
    expect(formatDuration(245)).toBe('4:05')
    expect(formatDuration(3723)).toBe('1:02:03')
    expect(formatDuration(3909.4)).toBe('1:05:09')
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(-1)).toBe('—')
    expect(formatCount(1000)).toBe('1,000')
  })
})
