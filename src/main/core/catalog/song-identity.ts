import { normalizeArtists, normalizeText } from '../text'
export const DURATION_TOLERANCE_MS = 2000
const SEPARATOR = '\u001f'

/** The dedupe key: normalised title and the normalised set of artists. */
export function songDedupeKey(title: string, artists: readonly string[]): string {
  return [normalizeText(title), ...normalizeArtists(artists)].join(SEPARATOR)
}

export function durationsCompatible(a: number | null, b: number | null): boolean {
  return a === null || b === null || Math.abs(a - b) <= DURATION_TOLERANCE_MS
}

/** The display string for a song's artists, as the seed's `singers` column had it. */
export function singersText(artists: readonly string[]): string {
  return artists.join(', ')
}
