import type { LibraryRepository } from '../../src/main/core/catalog/library-repository'
import type {
  DownloadedSong,
  DownloadProgress,
  ResolvedDownloadPayload,
  ResolveOptions,
  ResolveResult,
  SongDownloader,
  TransferOptions,
} from '../../src/main/core/sync/download-types'
import type { DownloadRow } from '../../src/main/core/ops/types'

export interface FakeBehaviour {
  resolveMs?: number | ((song: string) => number)
  downloadMs?: number
  /** Songs no source knows. */
  unresolvable?: Set<string>
  /** `song name` → source ids whose transfer fails. */
  failingTransfers?: Map<string, Set<string>>
  /** Errors thrown (once each, in order) by the next transfers. */
  transferErrors?: Error[]
}

/**
 * A SongDownloader that resolves and "downloads" in memory, recording every call so tests can
 * check who did what; each finished download is recorded as a local file like the real one.
 */
export class FakeDownloader implements SongDownloader {
  readonly resolves: { song: string; fromSourceIndex: number }[] = []
  readonly downloads: { song: string; source: string; worker?: string }[] = []
  activeDownloads = 0
  maxActiveDownloads = 0

  constructor(
    private readonly library: LibraryRepository,
    private readonly backendId: number,
    /** The test's scheduler's sleep: resolves and transfers take scheduler time, not real time. */
    private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>,
    private readonly behaviour: FakeBehaviour = {},
  ) {}

  async resolveSongRow(
    row: DownloadRow,
    _root: string | null,
    sources: readonly string[],
    onProgress: (text: string) => void,
    options: ResolveOptions = {},
  ): Promise<ResolveResult> {
    const from = options.fromSourceIndex ?? 0
    this.resolves.push({ song: row.name, fromSourceIndex: from })
    for (let index = from; index < sources.length; index++) {
      onProgress(`resolving source ${sources[index]} (${index + 1}/${sources.length})`)
      const { resolveMs = 1 } = this.behaviour
      const wait = typeof resolveMs === 'function' ? resolveMs(row.name) : resolveMs
      await this.sleep(wait, options.signal ?? new AbortController().signal)
      if (this.behaviour.unresolvable?.has(row.name)) continue
      return { payload: this.payload(row, sources[index] as string, index) }
    }
    return { payload: null, reason: `not found on ${sources.slice(from).join(', ')}` }
  }

  async downloadResolvedSong(
    payload: ResolvedDownloadPayload,
    onProgress: (progress: DownloadProgress) => void,
    options: TransferOptions = {},
  ): Promise<DownloadedSong> {
    const signal = options.signal ?? new AbortController().signal
    const song = payload.row.name
    this.activeDownloads++
    this.maxActiveDownloads = Math.max(this.maxActiveDownloads, this.activeDownloads)
    try {
      this.downloads.push({ song, source: payload.song.sourceId })
      const injected = this.behaviour.transferErrors?.shift()
      if (injected) throw injected
      const total = 1000
      for (let done = 250; done <= total; done += 250) {
        await this.sleep((this.behaviour.downloadMs ?? 4) / 4, signal)
        onProgress({
          downloadedBytes: done,
          totalBytes: total,
          speedBytesPerSec: 5000,
          percent: done / 10,
        })
      }
      if (this.behaviour.failingTransfers?.get(song)?.has(payload.song.sourceId)) {
        throw new Error(`HTTP 404 from ${payload.song.sourceId}`)
      }
      const file = this.library.recordLocalFile({
        songId: payload.row.songId,
        backendId: this.backendId,
        relativePath: `${song}.mp3`,
        sizeBytes: total,
        sourceId: payload.song.sourceId,
      })
      return {
        localFileId: file.id,
        backendId: this.backendId,
        relativePath: file.relativePath,
        sizeBytes: total,
        contentHash: 'sha256:fake',
        sourceId: payload.song.sourceId,
      }
    } finally {
      this.activeDownloads--
    }
  }

  private payload(
    row: DownloadRow,
    sourceId: string,
    sourceIndex: number,
  ): ResolvedDownloadPayload {
    return {
      row,
      displayText: `${row.name} / ${row.singers}`,
      defaultRoot: '/library',
      targetRoot: '/library',
      backendId: this.backendId,
      expectedBytes: 1000,
      sourceIndex,
      song: {
        sourceId,
        sourceType: 'direct',
        trackId: row.name,
        url: `http://127.0.0.1:9/${encodeURIComponent(row.name)}.mp3`,
        filePath: null,
        headers: {},
        ext: 'mp3',
        sizeBytes: 1000,
        expiresAt: null,
        score: 1,
        link: false,
        matchedTitle: row.name,
        matchedArtists: row.artists,
      },
    }
  }
}
