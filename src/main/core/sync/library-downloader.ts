import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { LibraryRepository } from '../catalog'
import { type Clock, isAbort } from '../util'
import { errorMessage } from '../../../shared/error-message'
import type { ScoredCandidate } from '../matching'
import { type Source, songQuery } from '../sources'
import type { TransferEngine, TransferResult } from '../transfer'
import { type FileTagger, songTags } from '../tags'
import {
  ensureSpace,
  LibraryFullError,
  renderLayout,
  resolveInsideRoot,
  uniqueRelativePath,
} from '../library'
import { displayText, type DownloadRow } from '../ops'
import type { SourceGates } from './source-gates'
import { restIfRateLimited, sourcesFrom } from './source-policy'
import {
  FatalSyncError,
  type DownloadedSong,
  type DownloadProgress,
  type ResolvedDownloadPayload,
  type ResolveOptions,
  type ResolveResult,
  type SongDownloader,
  type TransferOptions,
} from './download-types'

export interface LibraryDownloaderDeps {
  library: LibraryRepository
  sources: ReadonlyMap<string, Source>
  gates: SourceGates
  engine: TransferEngine
  layout: string
  clock: Clock
  freeBytes?: (root: string) => Promise<number>
  reserveBytes?: number
  /** Writes the song's tags into each downloaded file; none when `writeTags` is off. */
  tagger?: FileTagger
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT'])
const UNKNOWN_OWNER = -1

/**
 * The downloader the runner drives: resolves a song through the sources in the order the
 * source policy gives, then transfers it into the library at its layout path and records the
 * file. Which source comes next and how long one rests are the policy's (source-policy.ts).
 */
export class LibraryDownloader implements SongDownloader {
  constructor(private readonly deps: LibraryDownloaderDeps) {}

  async resolveSongRow(
    row: DownloadRow,
    libraryRoot: string | null,
    downloadSources: readonly string[],
    onProgress: (text: string) => void,
    options: ResolveOptions = {},
  ): Promise<ResolveResult> {
    const signal = options.signal ?? new AbortController().signal
    const query = songQuery(row)
    const reasons: string[] = []
    let review: { sourceId: string; candidates: ScoredCandidate[] } | undefined
    for (const { index, id } of sourcesFrom(downloadSources, options.fromSourceIndex ?? 0)) {
      const source = this.deps.sources.get(id)
      if (!source) {
        reasons.push(`${id}: no such source`)
        continue
      }
      onProgress(`resolving source ${id} (${index + 1}/${downloadSources.length})`)
      try {
        const outcome = await this.deps.gates.run(
          id,
          () =>
            source.resolve(query, {
              signal,
              onProgress,
              ...(options.chosen?.sourceId === id ? { chosenTrackId: options.chosen.trackId } : {}),
            }),
          signal,
          onProgress,
        )
        if (outcome.kind === 'match') {
          return { payload: this.payload(row, libraryRoot, outcome.song, index) }
        }
        if (outcome.kind === 'review' && !review)
          review = { sourceId: id, candidates: outcome.candidates }
        reasons.push(`${id}: ${outcome.reason}`)
      } catch (error) {
        if (isAbort(error)) throw error
        restIfRateLimited(error, id, this.deps.gates)
        reasons.push(`${id}: ${errorMessage(error)}`)
      }
    }
    const reason = reasons.join('; ') || 'no download sources are configured'
    return review
      ? { payload: null, reason: `needs review: ${reason}`, review }
      : { payload: null, reason }
  }

  async downloadResolvedSong(
    payload: ResolvedDownloadPayload,
    onProgress: (progress: DownloadProgress) => void,
    options: TransferOptions = {},
  ): Promise<DownloadedSong> {
    const signal = options.signal ?? new AbortController().signal
    const { library } = this.deps
    const backend = await this.pickBackend(payload)
    const wanted = renderLayout(this.deps.layout, {
      artist: payload.row.artists[0] ?? null,
      artists: payload.row.artists,
      album: payload.row.album,
      title: payload.row.name,
      ext: payload.song.ext ?? payload.row.ext ?? 'mp3',
      playlist: payload.row.playlistName,
    })
    // A file the catalog does not know (the user's own) is never overwritten: it takes a new name.
    const relativePath = uniqueRelativePath(
      wanted,
      payload.row.songId,
      (candidate) =>
        library.songAtPath(backend.id, candidate) ??
        (existsSync(join(backend.root, candidate)) ? UNKNOWN_OWNER : null),
    )
    const targetPath = resolveInsideRoot(backend.root, relativePath)
    library.reservePath(payload.row.songId, backend.id, relativePath)
    const { song } = payload
    const audioCheck = { expectedDurationMs: payload.row.durationMs }
    try {
      await this.deps.gates.waitUntilCool(song.sourceId, signal)
      const result = song.url
        ? await this.deps.engine.download({
            url: song.url,
            headers: song.headers,
            targetPath,
            expectedBytes: payload.expectedBytes,
            signal,
            onProgress,
            keepPartOnAbort: options.keepPartOnAbort ?? true,
            audioCheck,
          })
        : await this.deps.engine.copyLocal({
            filePath: song.filePath ?? '',
            targetPath,
            link: song.link,
            signal,
            onProgress,
            audioCheck,
          })
      const stored = await this.tagged(targetPath, payload, result, signal)
      const file = library.recordLocalFile({
        songId: payload.row.songId,
        backendId: backend.id,
        relativePath,
        sizeBytes: stored.sizeBytes,
        contentHash: stored.contentHash,
        sourceId: song.sourceId,
      })
      return { localFileId: file.id, backendId: backend.id, relativePath, ...stored }
    } catch (error) {
      restIfRateLimited(error, song.sourceId, this.deps.gates)
      if (DISK_FULL.has(codeOf(error)))
        throw new FatalSyncError(`library full: ${errorMessage(error)}`)
      throw error
    }
  }

  /** The file as recorded: tagged when a tagger is set; a tagging problem is only a warning. */
  private async tagged(
    targetPath: string,
    payload: ResolvedDownloadPayload,
    result: TransferResult,
    signal: AbortSignal,
  ): Promise<Pick<DownloadedSong, 'sizeBytes' | 'contentHash' | 'sourceId' | 'warning'>> {
    const { sizeBytes, contentHash } = result
    const sourceId = payload.song.sourceId
    if (!this.deps.tagger) return { sizeBytes, contentHash, sourceId }
    const tags = songTags(payload.row, payload.song.coverUrl ?? null)
    const outcome = await this.deps.tagger.tag(targetPath, tags, signal)
    return {
      ...(outcome.file ?? { sizeBytes, contentHash }),
      sourceId,
      ...(outcome.problems.length > 0 ? { warning: outcome.problems.join('; ') } : {}),
    }
  }

  private payload(
    row: DownloadRow,
    libraryRoot: string | null,
    song: ResolvedDownloadPayload['song'],
    sourceIndex: number,
  ): ResolvedDownloadPayload {
    const backend = this.deps.library.defaultBackend()
    const defaultRoot = backend?.root ?? libraryRoot ?? ''
    return {
      row,
      displayText: displayText(row),
      defaultRoot,
      targetRoot: libraryRoot ?? defaultRoot,
      backendId: backend?.id ?? 0,
      expectedBytes: song.sizeBytes,
      song,
      sourceIndex,
    }
  }

  /** The target root if it has room (plus a reserve), else another root that does. */
  private async pickBackend(payload: ResolvedDownloadPayload) {
    const backends = this.deps.library.listBackends()
    if (backends.length === 0) throw new FatalSyncError('no library folder is configured')
    const preferred = backends.find((b) => b.root === payload.targetRoot)
    const ordered = preferred ? [preferred, ...backends.filter((b) => b !== preferred)] : backends
    try {
      return await ensureSpace(ordered, payload.expectedBytes ?? 0, {
        ...(this.deps.freeBytes ? { freeBytes: this.deps.freeBytes } : {}),
        ...(this.deps.reserveBytes !== undefined ? { reserveBytes: this.deps.reserveBytes } : {}),
      })
    } catch (error) {
      if (error instanceof LibraryFullError) throw new FatalSyncError(error.message)
      throw error
    }
  }
}

function codeOf(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = current.cause
  }
  return ''
}
