import { errorMessage } from '../../../shared/error-message'
import { formatDuration } from '../../../shared/format'
import type { IAudioMetadata } from 'music-metadata'
import { RejectedFileError } from './transfer-errors'
import type { AudioCheck } from './transfer-types'

type ParseFile = (
  path: string,
  options: { duration: boolean; skipCovers: boolean },
) => Promise<IAudioMetadata>
let parseFileOnce: Promise<ParseFile> | null = null

// music-metadata is ESM only: loaded on first check, like in sources/local/read-tags.ts.
function loadParser(): Promise<ParseFile> {
  parseFileOnce ??= import('music-metadata').then((module) => module.parseFile)
  return parseFileOnce
}

/**
 * How far a file's duration may be from the song's: max(10 s, 10 %). Versions of one recording
 * (radio edit vs album, a longer fade, an estimated VBR length) differ by seconds; what we must
 * refuse (a 30 s preview, a one-hour loop, an extended mix for a radio edit) is off by far more.
 */
export function durationToleranceMs(expectedMs: number): number {
  return Math.max(10_000, expectedMs * 0.1)
}

/**
 * Why the file at `path` must not enter the library, or null when it may: it must parse as
 * audio with a duration, and when the song's duration is known, be within the tolerance of it.
 */
export async function audioRejection(
  path: string,
  expectedDurationMs: number | null,
): Promise<string | null> {
  let seconds: number | undefined
  try {
    const parseFile = await loadParser()
    seconds = (await parseFile(path, { duration: true, skipCovers: true })).format.duration
  } catch (error) {
    return `not playable audio: ${errorMessage(error)}`
  }
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
    return 'not playable audio: no duration could be read'
  }
  if (expectedDurationMs === null || expectedDurationMs <= 0) return null
  const offMs = Math.abs(seconds * 1000 - expectedDurationMs)
  if (offMs <= durationToleranceMs(expectedDurationMs)) return null
  return `duration ${formatDuration(seconds)} is far from the expected ${formatDuration(expectedDurationMs / 1000)}`
}

/** Throws a RejectedFileError with the reason when the finished `.part` at `path` is refused. */
export async function assertAcceptedAudio(
  path: string,
  check: AudioCheck | undefined,
): Promise<void> {
  if (check === undefined) return
  const reason = await audioRejection(path, check.expectedDurationMs)
  if (reason !== null) throw new RejectedFileError(reason)
}
