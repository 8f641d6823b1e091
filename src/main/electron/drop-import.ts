import { errorMessage } from '../../shared/error-message'
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { AppService } from '../core/service'
import type { FileImportResult } from '../core/import-writer'
import { oneLine, MAX_EXPORT_BYTES } from '../core/importers'
import type { DropChannel, Result } from '../../shared/contract'

/** At most this many files per drop: a drop is a few exports, not a whole disk. */
export const MAX_DROPPED_FILES = 100

/** Usable files, and one message per refused or failed file, each naming it. */
export interface DropOutcome<T> {
  accepted: T[]
  problems: string[]
}

type ImportCalls = Pick<AppService, 'previewFile' | 'importFile'>

/** Checks what the renderer sent before any file is touched: absolute paths, and not too many. */
export function parseDroppedPaths(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0) throw new Error('Drop at least one file')
  if (input.length > MAX_DROPPED_FILES) {
    throw new Error(`Drop at most ${MAX_DROPPED_FILES} files at a time`)
  }
  return input.map((path: unknown) => {
    if (typeof path !== 'string' || !isAbsolute(path)) {
      throw new Error(`Not an absolute file path: ${oneLine(String(path))}`)
    }
    return path
  })
}

/** Why this path cannot be imported, or null when it is a regular readable file ≤ 64 MB. */
async function refusal(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return 'is a folder; drop the playlist export files inside it'
    if (!info.isFile()) return 'is not a regular file'
    if (info.size > MAX_EXPORT_BYTES) {
      return `is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB, too big for a playlist export`
    }
    await access(path, constants.R_OK)
    return null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`
  }
}

/** Sorts dropped paths into importable files and messages naming the others. */
export async function checkDroppedPaths(paths: readonly string[]): Promise<DropOutcome<string>> {
  const outcome: DropOutcome<string> = { accepted: [], problems: [] }
  for (const path of paths) {
    const reason = await refusal(path)
    if (reason) outcome.problems.push(`${oneLine(path)}: ${reason}`)
    else outcome.accepted.push(path)
  }
  return outcome
}

/** Runs `step` on each usable file; a file the importers reject becomes a message naming it. */
async function eachDropped(
  paths: readonly string[],
  step: (path: string) => Promise<FileImportResult>,
): Promise<DropOutcome<FileImportResult>> {
  const checked = await checkDroppedPaths(paths)
  const outcome: DropOutcome<FileImportResult> = { accepted: [], problems: checked.problems }
  for (const path of checked.accepted) {
    try {
      outcome.accepted.push(await step(path))
    } catch (error) {
      // The core's import errors already name the file, the line and the field.
      outcome.problems.push(errorMessage(error))
    }
  }
  return outcome
}

/** What importing the dropped files would change (the diff for playlists already imported). */
export function previewDropped(service: ImportCalls, paths: readonly string[]) {
  return eachDropped(paths, (path) => service.previewFile(path))
}

/** Imports the dropped files, each in its own transaction. */
export function importDropped(service: ImportCalls, paths: readonly string[]) {
  return eachDropped(paths, (path) => service.importFile(path))
}

/** A confirmation text for a preview: one line per playlist, then the refused files. */
export function describeDrop(outcome: DropOutcome<FileImportResult>): string {
  const lines = outcome.accepted.flatMap((file) =>
    file.playlists.map(
      (p) =>
        `${p.name}${p.created ? ' (new)' : ''}: ${p.tracks} track${p.tracks === 1 ? '' : 's'}, ` +
        `+${p.added} added, ` +
        `${p.kept} kept, −${p.removed} removed, ${p.moved} moved`,
    ),
  )
  if (outcome.problems.length > 0) lines.push('', 'Not imported:', ...outcome.problems)
  return lines.join('\n')
}

export type DropHandler = (raw?: unknown) => Promise<Result<DropOutcome<FileImportResult>>>

/** `{ paths }` from the preload (via `webUtils.getPathForFile`) in, a Result out; never throws. */
export function dropHandlers(service: ImportCalls): Record<DropChannel, DropHandler> {
  const handler =
    (channel: DropChannel, run: typeof previewDropped): DropHandler =>
    async (raw) => {
      try {
        const paths = typeof raw === 'object' && raw !== null && 'paths' in raw ? raw.paths : raw
        return { ok: true, value: await run(service, parseDroppedPaths(paths)) }
      } catch (error) {
        return { ok: false, error: `${channel}: ${errorMessage(error)}` }
      }
    }
  return {
    'drop:preview': handler('drop:preview', previewDropped),
    'drop:apply': handler('drop:apply', importDropped),
  }
}
