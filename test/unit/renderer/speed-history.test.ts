import { describe, expect, it } from 'vitest'
import {
  addSample,
  niceScale,
  speedChart,
  SPEED_WINDOW_MS,
  type SpeedSample,
} from '../../../src/renderer/src/stores/speed-history'

const everySecond = (count: number, bytesPerSec = 1000): SpeedSample[] =>
  Array.from({ length: count }, (_, i) => ({ at: i * 1000, bytesPerSec }))

describe('the speed history', () => {
  it('keeps about two minutes of one-a-second readings', () => {
    let samples: SpeedSample[] = []
    for (const sample of everySecond(300)) samples = addSample(samples, sample)
    expect(samples.at(-1)?.at).toBe(299_000)
    expect(samples[0]?.at).toBe(299_000 - SPEED_WINDOW_MS)
    expect(samples).toHaveLength(121)
  })

  it('replaces the last reading when the next one comes too soon', () => {
    const samples = addSample(addSample([], { at: 1000, bytesPerSec: 5 }), {
      at: 1400,
      bytesPerSec: 7,
    })
    expect(samples).toEqual([{ at: 1400, bytesPerSec: 7 }])
  })

  it('drops everything older than the window after a gap', () => {
    const samples = addSample(everySecond(10), { at: 500_000, bytesPerSec: 1 })
    expect(samples).toEqual([{ at: 500_000, bytesPerSec: 1 }])
  })
})

describe('the speed chart', () => {
  it('rounds its scale up to 1, 2 or 5 times a power of ten, at least 1 MB/s', () => {
    expect(niceScale(0)).toBe(1_000_000)
    expect(niceScale(1_200_000)).toBe(2_000_000)
    expect(niceScale(3_200_000)).toBe(5_000_000)
    expect(niceScale(7_000_000)).toBe(10_000_000)
    expect(niceScale(10_000_000)).toBe(10_000_000)
  })

  it('puts the newest reading at the right edge and scales speed to the height', () => {
    const chart = speedChart(
      [
        { at: 0, bytesPerSec: 0 },
        { at: 60_000, bytesPerSec: 1_000_000 },
        { at: 120_000, bytesPerSec: 2_000_000 },
      ],
      240,
      50,
    )
    expect(chart.scaleBytesPerSec).toBe(2_000_000)
    expect(chart.line).toBe('M0,50L120,25L240,0')
    expect(chart.area).toBe('M0,50L120,25L240,0L240,50L0,50Z')
  })

  it('draws nothing without readings', () => {
    expect(speedChart([], 240, 50)).toEqual({ line: '', area: '', scaleBytesPerSec: 1_000_000 })
  })
})
