import { errorMessage } from '../../../shared/error-message'
import { FormatProblem, PlaylistFormatError } from './errors'
import { MAX_EXPORT_BYTES, parseExportContent } from './parse-export'
import { readRegularFile } from './read-file'
import type { ParsedExport } from './types'

export { PlaylistFormatError } from './errors'
export { MAX_EXPORT_BYTES } from './parse-export'
export type { ExportFormat, ParsedExport, ParsedPlaylist, ParsedTrack } from './types'

/**
 * Every failure leaves as a PlaylistFormatError, so that no input can make a front end
 * print a stack trace; an unexpected one keeps the original as its cause.
 */
function asPlaylistFormatError(file: string, error: unknown): PlaylistFormatError {
  if (!(error instanceof FormatProblem)) {
    const detail = errorMessage(error)
    const wrapped = new PlaylistFormatError(file, `cannot be parsed: ${detail}`)
    wrapped.cause = error
    return wrapped
  }
  const where = {
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.field === undefined ? {} : { field: error.field }),
  }
  return new PlaylistFormatError(file, error.message, where)
}

/** Parses an export held in memory; `file` names it in errors and picks legacy decodings. */
export function parsePlaylistBuffer(file: string, bytes: Buffer): ParsedExport {
  try {
    const { format, platform, playlists } = parseExportContent(file, bytes)
    return { file, format, platform, playlists }
  } catch (error) {
    throw asPlaylistFormatError(file, error)
  }
}

/** Reads and parses an export file; refuses non-regular files and files over the size cap. */
export async function parsePlaylistFile(path: string): Promise<ParsedExport> {
  let bytes: Buffer
  try {
    bytes = await readRegularFile(path, MAX_EXPORT_BYTES)
  } catch (error) {
    throw asPlaylistFormatError(path, error)
  }
  return parsePlaylistBuffer(path, bytes)
}

export { oneLine } from './errors'
export { localPathOf } from './local-path'
