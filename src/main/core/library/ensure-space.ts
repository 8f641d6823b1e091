import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'

export type FreeBytes = (root: string) => Promise<number>

export interface EnsureSpaceOptions {
  /** Free bytes on the file system holding `root`; injectable for tests. */
  freeBytes?: FreeBytes
  /** Room always left free beside the file. */
  reserveBytes?: number
}

export const DEFAULT_RESERVE_BYTES = 512 * 2 ** 20

/** No library root has room for the file plus the reserve. */
export class LibraryFullError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LibraryFullError'
  }
}

/** statfs on the root, or on its nearest existing parent when the root is not made yet. */
export const statfsFreeBytes: FreeBytes = async (root) => {
  for (let path = root; ; path = dirname(path)) {
    try {
      const stats = await statfs(path)
      return stats.bavail * stats.bsize
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error
    }
  }
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

/**
 * The first backend, in the order given (the caller puts the default or its preferred root
 * first), whose file system has room for `bytes` plus the reserve. Throws LibraryFullError
 * naming every root and its free space when none has.
 */
export async function ensureSpace<Backend extends { root: string }>(
  backends: readonly Backend[],
  bytes: number,
  options: EnsureSpaceOptions = {},
): Promise<Backend> {
  const { freeBytes = statfsFreeBytes, reserveBytes = DEFAULT_RESERVE_BYTES } = options
  const seen: string[] = []
  for (const backend of backends) {
    const free = await freeBytes(backend.root).catch((error: Error) => error)
    if (typeof free === 'number' && free >= bytes + reserveBytes) return backend
    seen.push(
      `${backend.root} ${typeof free === 'number' ? mib(free) : `unavailable (${free.message})`}`,
    )
  }
  throw new LibraryFullError(
    `library full: need ${mib(bytes)} plus a ${mib(reserveBytes)} reserve; free: ${seen.join(', ') || 'no library roots'}`,
  )
}
