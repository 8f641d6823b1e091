import { errorMessage } from '../../shared/error-message'
import { shell } from 'electron'
import { stat } from 'node:fs/promises'
import type { AppService } from '../core/service'
import { resolveInsideRoot } from '../core/library'
import type { Result } from '../../shared/contract'

type SongFiles = AppService['songFiles']

/** The newest active file of the song that is still on disk inside its library root. */
export async function songFilePath(songFiles: SongFiles, songId: number): Promise<string> {
  for (const { root, relativePath } of songFiles(songId)) {
    // The catalog could name a path outside the library (an edited row); never show that.
    const path = resolveInsideRoot(root, relativePath)
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
export function revealSongHandler(songFiles: SongFiles): RevealHandler {
  return async (raw) => {
    try {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
        throw new Error('expected a song id')
      }
      shell.showItemInFolder(await songFilePath(songFiles, raw))
      return { ok: true, value: undefined }
    } catch (error) {
      return { ok: false, error: `song:reveal: ${errorMessage(error)}` }
    }
  }
}
