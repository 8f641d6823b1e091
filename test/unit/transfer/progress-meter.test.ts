import { describe, expect, it } from 'vitest'
import { ProgressMeter } from '../../../src/main/core/transfer/progress-meter'
import type { TransferProgress } from '../../../src/main/core/transfer/transfer-types'

function meter(totalBytes: number | null, startBytes = 0) {
  let now = 0
  const reports: TransferProgress[] = []
  const progress = new ProgressMeter((p) => reports.push(p), {
    now: () => now,
    totalBytes,
    startBytes,
    intervalMs: 100,
    smoothingMs: 1000,
  })
  return { progress, reports, advance: (ms: number) => (now += ms) }
}

describe('ProgressMeter', () => {
  it('reports at most once per interval, however many chunks arrive', () => {
    const { progress, reports, advance } = meter(10_000)
    for (let i = 0; i < 50; i += 1) {
      advance(10)
      progress.add(100)
    }
    expect(reports).toHaveLength(5)
    expect(reports.at(-1)).toMatchObject({ downloadedBytes: 5000, totalBytes: 10_000, percent: 50 })
  })

  it('smooths the speed and counts a resumed prefix as done but not as speed', () => {
    const { progress, reports, advance } = meter(100_000, 50_000)
    advance(100)
    progress.add(1000) // 10 kB/s
    for (let i = 0; i < 20; i += 1) {
      advance(100)
      progress.add(2000) // 20 kB/s from here on
    }
    const speeds = reports.map((r) => r.speedBytesPerSec)
    expect(speeds[0]).toBe(10_000)
    expect(speeds[1]).toBeGreaterThan(10_000)
    expect(speeds[1]).toBeLessThan(12_000)
    expect(speeds.at(-1)).toBeGreaterThan(18_000)
    expect(reports.at(-1)!.downloadedBytes).toBe(91_000)
  })

  it('ends with a 100 % report, also when the total was unknown', () => {
    const { progress, reports, advance } = meter(null)
    advance(50)
    progress.add(123)
    expect(reports).toHaveLength(0)
    progress.finish()
    expect(reports).toEqual([
      expect.objectContaining({ downloadedBytes: 123, totalBytes: 123, percent: 100 }),
    ])
  })
})
