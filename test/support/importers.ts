import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { parsePlaylistFile, PlaylistFormatError } from '../../src/main/core/importers'
import type { ParsedExport, ParsedTrack } from '../../src/main/core/importers'

export const FIXTURES = fileURLToPath(new URL('../fixtures/playlists/', import.meta.url))

export function fixture(relativePath: string): string {
  return `${FIXTURES}${relativePath}`
}

export function parseFixture(relativePath: string): Promise<ParsedExport> {
  return parsePlaylistFile(fixture(relativePath))
}

/** The fields the normalisation contract compares, without the snapshot. */
export function contractFields(
  track: ParsedTrack | undefined,
): Omit<ParsedTrack, 'extra' | 'isrc'> {
  if (!track) throw new Error('no such track')
  const { title, artists, album, durationMs, location, localPath, sourceId } = track
  return { title, artists, album, durationMs, location, localPath, sourceId }
}

export function tracksOf(parsed: ParsedExport, playlist = 0): ParsedTrack[] {
  const found = parsed.playlists[playlist]
  if (!found) throw new Error(`no playlist ${playlist}`)
  return found.tracks
}

/** Runs `parse`, expecting a one-line PlaylistFormatError that names `file`. */
export async function formatErrorOf(
  parse: () => Promise<unknown> | unknown,
  file: string,
): Promise<PlaylistFormatError> {
  let caught: unknown
  try {
    await parse()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(PlaylistFormatError)
  const error = caught as PlaylistFormatError
  expect(error.file).toBe(file)
  expect(error.message).not.toMatch(/[\r\n]/)
  expect(error.message.startsWith(`${file}: `)).toBe(true)
  return error
}
