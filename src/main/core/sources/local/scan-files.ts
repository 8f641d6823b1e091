import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AUDIO_EXTENSIONS } from '../../../../shared/audio-formats'
import { extensionOf } from '../outcome'

export interface FoundFile {
  path: string
  sizeBytes: number
  /** Whole milliseconds, as stored in the index. */
  mtimeMs: number
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  // An unreadable folder (permissions, a share gone away) is skipped, not fatal.
  return readdir(dir, { withFileTypes: true }).catch(() => [])
}

async function fileInfo(path: string): Promise<FoundFile | null> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return null
  return { path, sizeBytes: info.size, mtimeMs: Math.trunc(info.mtimeMs) }
}

/**
 * Every audio file under the roots, by extension. Symbolic links to files are followed;
 * links to folders are not, so a link loop cannot trap the walk.
 */
export async function scanAudioFiles(
  roots: readonly string[],
  signal: AbortSignal,
): Promise<FoundFile[]> {
  const found: FoundFile[] = []
  const pending = [...roots]
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    signal.throwIfAborted()
    for (const entry of await entriesOf(dir)) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) pending.push(path)
      else if ((entry.isFile() || entry.isSymbolicLink()) && isAudio(entry.name)) {
        const file = await fileInfo(path)
        if (file) found.push(file)
      }
    }
  }
  return found
}

function isAudio(name: string): boolean {
  const ext = extensionOf(name)
  return ext !== null && AUDIO_EXTENSIONS.has(ext)
}
