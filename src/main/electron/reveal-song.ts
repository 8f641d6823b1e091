import { errorMessage } from '../../shared/error-message'
import { shell } from 'electron'
import { stat } from 'node:fs/promises'
import type { CatalogSyncService } from '../core/service/catalogsync-service'
import { resolveInsideRoot } from '../core/library/layout'
import type { Result } from '../../shared/contract'

type LibraryCalls = Pick<CatalogSyncService['library'], 'activeLocalFiles' | 'listBackends'>

/** The newest active file of the song that is still on disk inside its library root. */
export async function songFilePath(library: LibraryCalls, songId: number): Promise<string> {
  const roots = new Map(library.listBackends().map((backend) => [backend.id, backend.root]))
  for (const file of library.activeLocalFiles(songId).reverse()) {
    const root = roots.get(file.backendId)
    if (root === undefined) continue
    // The catalog could name a path outside the library (an edited row); never show that.
    const path = resolveInsideRoot(root, file.relativePath)
    const found = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    )
    if (found) return path
  }
  throw new Error(`Song ${songId} has no file in the library`)
}

export type RevealHandler = (raw?: unknown) => Promise<Result<void>>

/** `song:reveal`: opens the system's file manager at the song's library file; never throws. */
export function revealSongHandler(library: LibraryCalls): RevealHandler {
  return async (raw) => {
    try {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
        throw new Error('expected a song id')
      }
      shell.showItemInFolder(await songFilePath(library, raw))
      return { ok: true, value: undefined }
    } catch (error) {
      return { ok: false, error: `song:reveal: ${errorMessage(error)}` }
    }
  }
}
