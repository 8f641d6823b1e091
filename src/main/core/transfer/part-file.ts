import { open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { hashOpenFile, type ContentHasher } from './content-hash'

/** What the server said about the bytes in a `.part`, so a resume can ask "still the same?". */
export interface PartMeta {
  etag: string | null
  lastModified: string | null
  totalBytes: number | null
}

export interface PartState {
  bytes: number
  meta: PartMeta
}

export const partPathOf = (targetPath: string): string => `${targetPath}.part`
const metaPathOf = (targetPath: string): string => `${targetPath}.part.json`

function parseMeta(text: string): PartMeta | null {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null) return null
  const { etag, lastModified, totalBytes } = value as Record<string, unknown>
  return {
    etag: typeof etag === 'string' ? etag : null,
    lastModified: typeof lastModified === 'string' ? lastModified : null,
    totalBytes: typeof totalBytes === 'number' ? totalBytes : null,
  }
}

/** The `.part` left by an earlier attempt with its validators, or null when there is none. */
export async function readPartState(targetPath: string): Promise<PartState | null> {
  try {
    const { size } = await stat(partPathOf(targetPath))
    const meta = parseMeta(await readFile(metaPathOf(targetPath), 'utf8'))
    return size > 0 && meta ? { bytes: size, meta } : null
  } catch {
    return null
  }
}

export async function writePartMeta(targetPath: string, meta: PartMeta): Promise<void> {
  await writeFile(metaPathOf(targetPath), JSON.stringify(meta))
}

export async function discardPart(targetPath: string): Promise<void> {
  await rm(partPathOf(targetPath), { force: true })
  await rm(metaPathOf(targetPath), { force: true })
}

const HEAD_BYTES = 8

/** Feeds the first `bytes` of an open file to `hash`, for a resumed transfer's full-file hash. */
export async function hashPrefix(
  handle: FileHandle,
  bytes: number,
  hasher: ContentHasher,
): Promise<void> {
  const read = await hashOpenFile(handle, hasher, bytes)
  if (read < bytes) throw new Error(`the .part ended at ${read} of ${bytes} bytes`)
}

/** The first bytes of a file, for a message that shows what a refused file starts with. */
export async function readHead(handle: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(HEAD_BYTES)
  const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
  return buffer.subarray(0, bytesRead)
}

/**
 * Moves a complete, synced `.part` to its final name and syncs the folder, so that after a
 * crash the final name holds either nothing or the whole file.
 */
export async function commitPart(targetPath: string): Promise<void> {
  await rename(partPathOf(targetPath), targetPath)
  await rm(metaPathOf(targetPath), { force: true })
  await syncFolder(dirname(targetPath))
}

export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems refuse to sync a directory; the rename itself is still atomic.
  } finally {
    await handle.close()
  }
}
