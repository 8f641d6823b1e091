import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { LibraryRepository, LocalFile } from '../catalog'
import { algorithmOf, hashFile } from '../transfer'
/** `missing`: gone from disk; `size`/`hash`: there, but truncated or changed since recorded. */
export type VerifyProblemKind = 'missing' | 'size' | 'hash'

export interface VerifyProblem {
  localFileId: number
  songId: number
  path: string
  kind: VerifyProblemKind
  expectedBytes: number
  /** The size on disk; null when the file is missing. */
  actualBytes: number | null
}

export interface VerifyOptions {
  /** Deactivate the bad files, so that the next sync downloads their songs again. */
  fix?: boolean
  onProgress?: (checked: number, total: number) => void
}

export interface VerifyReport {
  checked: number
  problems: VerifyProblem[]
  /** How many bad files were deactivated (0 without `fix`). */
  fixed: number
}

async function sizeOnDisk(path: string): Promise<number | null> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats.size : null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw error
  }
}

/** What is wrong with one recorded file, or null when it is whole. */
async function checkFile(file: LocalFile, path: string): Promise<VerifyProblem | null> {
  const actualBytes = await sizeOnDisk(path)
  const problem = (kind: VerifyProblemKind): VerifyProblem => ({
    localFileId: file.id,
    songId: file.songId,
    path,
    kind,
    expectedBytes: file.sizeBytes,
    actualBytes,
  })
  if (actualBytes === null) return problem('missing')
  if (actualBytes !== file.sizeBytes) return problem('size')
  // A file recorded with no hash, or one this build does not know, is checked by size only.
  const algorithm = file.contentHash ? algorithmOf(file.contentHash) : null
  if (algorithm === null) return null
  return (await hashFile(path, algorithm)) === file.contentHash ? null : problem('hash')
}

/**
 * Checks every active local file against its recorded size and hash, one at a time (the disk,
 * not the CPU, is the limit). With `fix`, each bad file is deactivated as it is found.
 */
export async function verifyLibrary(
  library: LibraryRepository,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const files = library.activeLocalFilesWithRoots()
  const problems: VerifyProblem[] = []
  let checked = 0
  options.onProgress?.(0, files.length)
  for (const { file, root } of files) {
    const problem = await checkFile(file, join(root, file.relativePath))
    if (problem) {
      problems.push(problem)
      if (options.fix) library.deactivateLocalFile(file.id)
    }
    checked += 1
    options.onProgress?.(checked, files.length)
  }
  return { checked, problems, fixed: options.fix ? problems.length : 0 }
}
