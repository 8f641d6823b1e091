/**
 * Numbers as people read them, the same in the terminal, the tray and the window: decimal
 * units like file managers and browsers show, clock-style durations, grouped counts.
 *
 * Sizes and speeds keep three significant digits (3.46 MB, 48.0 MB, 512 MB): the precision
 * follows the magnitude, so a small file does not read as "0.0 MB" and a big one carries no
 * noise digits, and from kB up every figure is four characters wide, so a live speed does not
 * jitter.
 */

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const

const UNKNOWN = '—'

const digitsFor = (value: number): number => (value < 10 ? 2 : value < 100 ? 1 : 0)

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return UNKNOWN
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit++
  }
  let shown = unit === 0 ? Math.round(value) : Number(value.toPrecision(3))
  // Rounding can reach the next unit: 999.7 kB reads as 1.00 MB, never as 1000 kB.
  if (shown >= 1000 && unit < BYTE_UNITS.length - 1) {
    shown = 1
    unit++
  }
  return `${shown.toFixed(unit === 0 ? 0 : digitsFor(shown))} ${BYTE_UNITS[unit]}`
}

export const formatSpeed = (bytesPerSec: number): string => `${formatBytes(bytesPerSec)}/s`

/** `1:02:03`, `4:05`, `0:07`; `—` when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return UNKNOWN
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

const COUNT = new Intl.NumberFormat('en')

export const formatCount = (n: number): string => COUNT.format(n)
