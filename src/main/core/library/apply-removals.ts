import { errorMessage } from '../../../shared/error-message'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import { dirname, isAbsolute, join, posix } from 'node:path'
import type {
  LibraryRepository,
  RemovalAction,
  RemovalRepository,
  LocalFile,
  StorageBackend,
} from '../catalog'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import { resolveInsideRoot } from './layout'
import { uniqueRelativePath } from './unique-path'

export interface RemovalDeps {
  library: LibraryRepository
  removals: RemovalRepository
}

export interface RemovalOptions {
  /** The playlists whose removals to act on; every playlist when empty. */
  playlistIds: readonly number[]
  /** Under each library root, or absolute. */
  archiveFolder: string
  /** The sync job the actions are recorded with. */
  jobId: number | null
}

export interface RemovalFailure {
  songId: number
  error: string
}

export interface RemovalReport {
  actions: RemovalAction[]
  /** Files that could not be moved or deleted: their removals stay pending for the next sync. */
  failures: RemovalFailure[]
}

const UNKNOWN_OWNER = -1
const STRICTNESS: readonly RemovalPolicy[] = ['keep', 'archive', 'delete']

/** Every playlist that dropped the song must agree: the most careful policy among them wins. */
export const mostCareful = (policies: readonly RemovalPolicy[]): RemovalPolicy =>
  STRICTNESS.find((policy) => policies.includes(policy)) ?? 'keep'

/** Renames, or copies then deletes when the archive is on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await copyFile(from, to)
    await rm(from)
  }
}

/** Moves one file into the archive, keeping its layout path; a name taken there gets `(n)`. */
async function archiveFile(
  deps: RemovalDeps,
  file: LocalFile,
  backend: StorageBackend,
  folder: string,
): Promise<string> {
  const from = resolveInsideRoot(backend.root, file.relativePath)
  const inRoot = !isAbsolute(folder)
  const archiveFolder = inRoot
    ? posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '')
    : folder
  const base = inRoot ? join(backend.root, archiveFolder) : archiveFolder
  const relativeInBase = uniqueRelativePath(file.relativePath, file.songId, (candidate) => {
    if (existsSync(join(base, candidate))) return UNKNOWN_OWNER
    const known = inRoot && deps.library.songAtPath(backend.id, `${archiveFolder}/${candidate}`)
    return typeof known === 'number' ? UNKNOWN_OWNER : null
  })
  const to = inRoot
    ? resolveInsideRoot(backend.root, `${archiveFolder}/${relativeInBase}`)
    : resolveInsideRoot(base, relativeInBase)
  await moveFile(from, to)
  // Still known inside the root, so it is never adopted for another song, yet not counted.
  if (inRoot) deps.library.moveLocalFileOut(file.id, `${archiveFolder}/${relativeInBase}`)
  else deps.library.forgetLocalFile(file.id)
  return to
}

async function deleteFile(deps: RemovalDeps, file: LocalFile, backend: StorageBackend) {
  const path = resolveInsideRoot(backend.root, file.relativePath)
  await rm(path, { force: true })
  deps.library.forgetLocalFile(file.id)
  return path
}

/** Acts on one song's files, recording each move or deletion as it happens; throws on a failure. */
async function applyTo(
  deps: RemovalDeps,
  songId: number,
  policy: Exclude<RemovalPolicy, 'keep'>,
  options: RemovalOptions,
  done: RemovalAction[],
): Promise<void> {
  for (const file of deps.library.activeLocalFiles(songId)) {
    const backend = deps.library.backend(file.backendId)
    if (!backend) continue
    const fromPath = join(backend.root, file.relativePath)
    const action: RemovalAction =
      policy === 'delete'
        ? {
            songId,
            action: 'deleted',
            fromPath: await deleteFile(deps, file, backend),
            toPath: null,
          }
        : {
            songId,
            action: 'archived',
            fromPath,
            toPath: await archiveFile(deps, file, backend, options.archiveFolder),
          }
    deps.removals.recordAction(options.jobId, action)
    done.push(action)
  }
}

/**
 * Applies the removal policies to songs the playlists dropped and no playlist lists any more:
 * `archive` moves their files into the archive folder, `delete` deletes them, `keep` (and any
 * playlist still listing the song) leaves them. Each removal is acted on once, and every move
 * or deletion is recorded with the job.
 */
export async function applyRemovalPolicies(
  deps: RemovalDeps,
  options: RemovalOptions,
): Promise<RemovalReport> {
  const report: RemovalReport = { actions: [], failures: [] }
  for (const pending of deps.removals.pendingUnlisted(options.playlistIds)) {
    const policy = mostCareful(pending.policies)
    if (policy === 'keep') continue
    try {
      await applyTo(deps, pending.songId, policy, options, report.actions)
      deps.removals.markApplied(pending.songId)
    } catch (error) {
      const message = errorMessage(error)
      report.failures.push({ songId: pending.songId, error: message })
    }
  }
  return report
}
