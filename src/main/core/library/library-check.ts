import { stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type {
  LibraryRepository,
  LocalFile,
  StorageBackend,
  IndexedFile,
  LocalIndexRepository,
} from '../catalog'
import { songQuery, indexedCandidate, refreshIndex, type IndexStats } from '../sources'
import {
  chooseMatch,
  scoreCandidate,
  titleParts,
  type Candidate,
  type SongQuery,
} from '../matching'
import type { DownloadRow } from '../ops'
import { untilAborted } from '../util'
import { hashFile } from '../transfer'
/**
 * The source recorded for a file found in the library rather than downloaded; the brackets
 * keep it apart from every configured source's id, which may only hold letters, digits, `._-`.
 */
export const LIBRARY_SOURCE_ID = '(library)'

/** The library's own rows of the `local_index` table; `:` never occurs in a source id. */
const indexIdOf = (backend: StorageBackend) => `library:${backend.id}`

type Entry = Candidate & { file: IndexedFile; backend: StorageBackend; core: string }

export interface LibraryCheckOptions {
  /** The catalog's `local_index` table; the library roots' rows sit beside the sources'. */
  index: LocalIndexRepository
  library: LibraryRepository
}

const isrcKey = (isrc: string | null | undefined) =>
  isrc ? isrc.replace(/[\s-]/g, '').toUpperCase() : null

/** The ids a song's `CATALOGSYNC_SOURCE_ID` tag may carry: `<platform>:<id>`, or the bare id. */
function sourceTagsOf(query: SongQuery): string[] {
  if (!query.sourceId) return []
  return query.platform ? [`${query.platform}:${query.sourceId}`, query.sourceId] : [query.sourceId]
}

/**
 * Looks for a song in the library roots before it is resolved, and adopts the file in place:
 * by the source id or ISRC in its tags, else by normalised title, artists and duration. The
 * roots are indexed once per sync, reading the tags of new or changed files only; files the
 * catalog already counts as some song's are left out.
 */
export class LibraryCheck {
  private indexing: Promise<IndexStats> | null = null
  private byTitle = new Map<string, Entry[]>()
  private byId = new Map<string, Entry[]>()
  /** Every worker waiting on the scan sees its progress, not only the one that started it. */
  private readonly watchers = new Set<(text: string) => void>()

  constructor(private readonly options: LibraryCheckOptions) {}

  /** Indexes every library root; concurrent callers share one scan, done once per instance. */
  async indexRoots(onProgress: (text: string) => void, signal: AbortSignal): Promise<IndexStats> {
    this.watchers.add(onProgress)
    this.indexing ??= this.index(signal).catch((error: unknown) => {
      this.indexing = null
      throw error
    })
    try {
      return await untilAborted(this.indexing, signal)
    } finally {
      this.watchers.delete(onProgress)
    }
  }

  /** The song's file found in the library and now recorded as its file, or null. */
  async adopt(
    row: DownloadRow,
    onProgress: (text: string) => void,
    signal: AbortSignal,
  ): Promise<LocalFile | null> {
    await this.indexRoots(onProgress, signal)
    for (const entry of this.candidatesFor(songQuery(row), row.songId)) {
      const adopted = await this.record(row.songId, entry)
      if (adopted) return adopted
    }
    return null
  }

  private async index(signal: AbortSignal) {
    const { index: repository, library } = this.options
    const total: IndexStats = { files: 0, read: 0, removed: 0 }
    const entries: Entry[] = []
    for (const backend of library.listBackends()) {
      const known = new Set(
        library.activeFilesOf(backend.id).map((path) => join(backend.root, path)),
      )
      const stats = await refreshIndex(repository, indexIdOf(backend), [backend.root], {
        signal,
        onProgress: (text) => this.watchers.forEach((watch) => watch(`checking library … ${text}`)),
        skip: (path) => known.has(path),
      })
      total.files += stats.files
      total.read += stats.read
      total.removed += stats.removed
      for (const file of repository.files(indexIdOf(backend))) entries.push(toEntry(file, backend))
    }
    this.byTitle = groupBy(entries, (entry) => [entry.core])
    this.byId = groupBy(entries, (entry) =>
      [entry.file.sourceTag, isrcKey(entry.file.isrc)].filter((key) => key !== null),
    )
    return total
  }

  /** Files that carry the song's id or ISRC, best first; else the title match, if one is sure. */
  private candidatesFor(query: SongQuery, songId: number): Entry[] {
    const ids = [...sourceTagsOf(query), isrcKey(query.isrc)].filter((key) => key !== null)
    const byId = [...new Set(ids.flatMap((key) => this.byId.get(key) ?? []))]
    if (byId.length > 0) {
      return byId
        .filter((entry) => !this.ownedByOtherSong(entry, songId))
        .sort((a, b) => scoreCandidate(query, b) - scoreCandidate(query, a))
    }
    // A file without artist tags could be anyone's song of that title: never adopted by title.
    const byTitle = (this.byTitle.get(titleParts(query.title).core) ?? []).filter(
      (entry) => entry.artists.length > 0 && !this.ownedByOtherSong(entry, songId),
    )
    const choice = chooseMatch(query, byTitle)
    return choice.kind === 'match' ? [choice.candidate] : []
  }

  private ownerOf(entry: Entry): number | null {
    return this.options.library.songAtPath(entry.backend.id, relativePathOf(entry))
  }

  private ownedByOtherSong(entry: Entry, songId: number): boolean {
    const owner = this.ownerOf(entry)
    return owner !== null && owner !== songId
  }

  /** Adopts the file if it is still there and readable; a file that is not is passed over. */
  private async record(songId: number, entry: Entry): Promise<LocalFile | null> {
    const info = await stat(entry.file.path).catch(() => null)
    const contentHash = info?.isFile() ? await hashFile(entry.file.path).catch(() => null) : null
    if (!info || contentHash === null) return null
    return this.options.library.adoptLocalFile({
      songId,
      backendId: entry.backend.id,
      relativePath: relativePathOf(entry),
      sizeBytes: info.size,
      contentHash,
      sourceId: LIBRARY_SOURCE_ID,
    })
  }
}

function groupBy(entries: readonly Entry[], keysOf: (entry: Entry) => string[]) {
  const groups = new Map<string, Entry[]>()
  for (const entry of entries) {
    for (const key of keysOf(entry)) {
      const group = groups.get(key)
      if (group) group.push(entry)
      else groups.set(key, [entry])
    }
  }
  return groups
}

function toEntry(file: IndexedFile, backend: StorageBackend): Entry {
  return {
    ...indexedCandidate(file),
    backend,
    core: titleParts(file.title).core,
  }
}

/** The library-relative path, `/`-separated as the catalog stores it. */
function relativePathOf(entry: Entry): string {
  return relative(entry.backend.root, entry.file.path).split(sep).join('/')
}
