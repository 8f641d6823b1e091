import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatSpeed,
} from '../../../src/renderer/src/format'

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

  it('shows remaining time as clock time, and a dash while unknown', () => {
    expect(formatDuration(7)).toBe('0:07')
    expect(formatDuration(245)).toBe('4:05')
    expect(formatDuration(3723)).toBe('1:02:03')
    expect(formatDuration(null)).toBe('—')
    expect(formatCount(1000)).toBe('1,000')
  })
})
