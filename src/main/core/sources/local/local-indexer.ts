import { readTags } from './read-tags'
import type { IndexedFile, LocalIndexRepository } from '../../catalog'
import { scanAudioFiles, type FoundFile } from './scan-files'

export interface IndexStats {
  files: number
  /** Files whose tags were read this time (new or changed). */
  read: number
  removed: number
}

// Reading tags is mostly waiting on the disk: a few at once, not hundreds.
const TAG_READERS = 4
const WRITE_BATCH = 200

/**
 * Brings one source's index up to date with its folders: reads the tags of new files and of
 * files whose size or modification time changed, and forgets the files that are gone.
 */
export async function refreshIndex(
  repository: LocalIndexRepository,
  sourceId: string,
  roots: readonly string[],
  context: {
    signal: AbortSignal
    onProgress?: (text: string) => void
    /** Paths to leave out of the index (files the caller already knows). */
    skip?: (path: string) => boolean
  },
): Promise<IndexStats> {
  const { signal, onProgress, skip } = context
  onProgress?.('scanning local folders')
  const known = new Map(repository.files(sourceId).map((file) => [file.path, file]))
  const scanned = await scanAudioFiles(roots, signal)
  const found = skip ? scanned.filter((file) => !skip(file.path)) : scanned
  const changed = found.filter((file) => {
    const old = known.get(file.path)
    return !old || old.sizeBytes !== file.sizeBytes || old.mtimeMs !== file.mtimeMs
  })
  const seen = new Set(found.map((file) => file.path))
  const removed = [...known.keys()].filter((path) => !seen.has(path))
  repository.update(sourceId, [], removed)

  let done = 0
  const batch: IndexedFile[] = []
  try {
    await eachLimited(changed, TAG_READERS, signal, async (file) => {
      batch.push(await indexFile(file))
      done += 1
      if (batch.length >= WRITE_BATCH) repository.update(sourceId, batch.splice(0), [])
      onProgress?.(`indexing local files (${done}/${changed.length})`)
    })
  } finally {
    // What was read before an abort is kept: the next scan need not read it again.
    repository.update(sourceId, batch, [])
  }
  return { files: found.length, read: changed.length, removed: removed.length }
}

async function indexFile(file: FoundFile): Promise<IndexedFile> {
  return { ...file, ...(await readTags(file.path)) }
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      signal.throwIfAborted()
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
