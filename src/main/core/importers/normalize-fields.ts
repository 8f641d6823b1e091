import { localPathOf } from './local-path'
import type { ParsedTrack } from './types'

// General category Cc is exactly U+0000-U+001F and U+007F-U+009F.
const CONTROL_CHARS = /\p{Cc}/gu
const BEYOND_PRINTABLE_ASCII = /[^\x20-\x7e]/
const DECIMAL = /^\+?(\d*)(?:\.(\d*))?$/

/** NFC, control characters deleted, trimmed; empty becomes null. Numbers are kept as text. */
export function cleanText(value: unknown): string | null {
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof raw !== 'string') return null
  // Most fields are printable ASCII, which NFC and the control filter leave as they are.
  const text = BEYOND_PRINTABLE_ASCII.test(raw)
    ? raw.normalize('NFC').replace(CONTROL_CHARS, '').trim()
    : raw.trim()
  return text === '' ? null : text
}

/** Artist names each cleaned like a title, empty ones dropped. */
export function cleanArtists(names: readonly unknown[]): string[] {
  const artists: string[] = []
  for (const name of names) {
    const artist = cleanText(name)
    if (artist !== null) artists.push(artist)
  }
  return artists
}

/** A free-text artist field is never split. */
export function singleArtist(value: unknown): string[] {
  const artist = cleanText(value)
  return artist === null ? [] : [artist]
}

/**
 * value × 10^shift rounded half away from zero, from its decimal text, so that
 * 12.3455 s is 12346 ms exactly rather than whatever binary floating point makes of it.
 */
function scaledDecimal(text: string, shift: number): number | null {
  const match = DECIMAL.exec(text.trim())
  const whole = match?.[1] ?? ''
  const fraction = match?.[2] ?? ''
  if (!match || (whole === '' && fraction === '')) return null
  const digits = fraction.padEnd(shift + 1, '0')
  const scaled = Number(`${whole || '0'}${digits.slice(0, shift)}`)
  return digits.charCodeAt(shift) >= 53 /* '5' */ ? scaled + 1 : scaled
}

function positiveDuration(value: unknown, shift: number): number | null {
  let text: string
  if (typeof value === 'number' && Number.isFinite(value)) text = String(value)
  else if (typeof value === 'string') text = value
  else return null
  // Exponent notation is rare enough for floating point to be close enough.
  const scaled = /e/i.test(text)
    ? Math.round(Number(text) * 10 ** shift)
    : scaledDecimal(text, shift)
  if (scaled === null || !Number.isSafeInteger(scaled) || scaled <= 0) return null
  return scaled
}

/** Milliseconds from a millisecond value; missing, non-numeric, zero or negative is null. */
export function durationFromMs(value: unknown): number | null {
  return positiveDuration(value, 0)
}

/** Milliseconds from a value in seconds, rounded half away from zero. */
export function durationFromSeconds(value: unknown): number | null {
  return positiveDuration(value, 3)
}

/** A location as stored, only trimmed: no percent-decoding, no path resolution. */
export function cleanLocation(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const location = value.trim()
  return location === '' ? null : location
}

/** A catalogue identifier as a raw string; numeric ids become decimal text. */
export function cleanSourceId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null
  return cleanLocation(value)
}

export interface TrackFields {
  title: unknown
  artists: string[]
  album?: unknown
  durationMs: number | null
  location?: unknown
  sourceId?: unknown
  isrc?: unknown
  extra: Record<string, unknown>
}

/** Builds a track from raw field values, applying the normalisation contract. */
export function buildTrack(fields: TrackFields): ParsedTrack {
  const location = cleanLocation(fields.location)
  return {
    title: cleanText(fields.title),
    artists: fields.artists,
    album: cleanText(fields.album),
    durationMs: fields.durationMs,
    location,
    localPath: localPathOf(location),
    sourceId: cleanSourceId(fields.sourceId),
    isrc: cleanSourceId(fields.isrc),
    extra: fields.extra,
  }
}

/** The fields of a record not mapped to a track field, kept as the snapshot. */
export function otherFields(
  record: Record<string, unknown>,
  mapped: ReadonlySet<string>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !mapped.has(key)))
}
