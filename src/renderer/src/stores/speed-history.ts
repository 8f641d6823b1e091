/** One total-download-speed reading. */
export interface SpeedSample {
  /** Milliseconds since the epoch. */
  at: number
  bytesPerSec: number
}

export const SPEED_WINDOW_MS = 120_000
/** Readings closer together than this replace the last one instead of adding a point. */
export const SAMPLE_SPACING_MS = 900

/**
 * Adds a reading and drops those older than the window. Readings come about once a second; a
 * reading that comes too soon after the last replaces it, so the history stays ~120 points.
 */
export function addSample(
  samples: readonly SpeedSample[],
  sample: SpeedSample,
  windowMs = SPEED_WINDOW_MS,
): SpeedSample[] {
  const last = samples.at(-1)
  const kept = last && sample.at - last.at < SAMPLE_SPACING_MS ? samples.slice(0, -1) : samples
  const oldest = sample.at - windowMs
  return [...kept.filter((s) => s.at >= oldest), sample]
}

export interface SpeedChart {
  /** SVG path of the line; empty without samples. */
  line: string
  /** The same line closed along the bottom edge, for the filled area. */
  area: string
  /** The speed at the chart's top edge. */
  scaleBytesPerSec: number
}

/** An idle chart still has a scale: 1 MB/s. */
const MIN_SCALE = 1_000_000

/** A round top for the scale: 1, 2 or 5 × a power of ten, at least 1 MB/s. */
export function niceScale(max: number): number {
  if (!(max > MIN_SCALE)) return MIN_SCALE
  const power = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10
  return step * power
}

/** The history as a chart `width` × `height`, the newest sample at the right edge. */
export function speedChart(
  samples: readonly SpeedSample[],
  width: number,
  height: number,
  windowMs = SPEED_WINDOW_MS,
): SpeedChart {
  const newest = samples.at(-1)
  const scale = niceScale(Math.max(0, ...samples.map((s) => s.bytesPerSec)))
  if (!newest) return { line: '', area: '', scaleBytesPerSec: scale }
  const round = (n: number) => Math.round(n * 10) / 10
  const points = samples.map((s) => {
    const x = round(width - ((newest.at - s.at) / windowMs) * width)
    const y = round(height - (Math.max(0, s.bytesPerSec) / scale) * height)
    return `${x},${y}`
  })
  const line = `M${points.join('L')}`
  const firstX = points[0]?.split(',')[0]
  return {
    line,
    area: `${line}L${width},${height}L${firstX},${height}Z`,
    scaleBytesPerSec: scale,
  }
}
