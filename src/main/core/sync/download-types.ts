import type { DownloadRow } from '../ops'
import type { ScoredCandidate } from '../matching'
import type { ResolvedSong } from '../sources'
/** Everything a downloader needs to fetch one resolved song, persisted with its item. */
export interface ResolvedDownloadPayload {
  row: DownloadRow
  /** `Title / Singers` */
  displayText: string
  defaultRoot: string
  targetRoot: string
  backendId: number
  expectedBytes: number | null
  song: ResolvedSong
  /** Position of the source in `downloadSources`, so a failed download can try the next. */
  sourceIndex: number
}

export type ResolveResult =
  | { payload: ResolvedDownloadPayload }
  | {
      payload: null
      reason: string
      /** A weak match's candidates for a person to review, and the source that offered them. */
      review?: { sourceId: string; candidates: ScoredCandidate[] }
    }

export interface DownloadProgress {
  downloadedBytes: number
  totalBytes: number | null
  speedBytesPerSec: number
  percent: number | null
}

export interface DownloadedSong {
  localFileId: number
  backendId: number
  relativePath: string
  sizeBytes: number
  contentHash: string
  sourceId: string
  /** Something that went wrong without failing the download (e.g. its tags), for the item. */
  warning?: string
}

export interface ResolveOptions {
  signal?: AbortSignal
  /** Try sources from this position on (after a download from an earlier one failed). */
  fromSourceIndex?: number
  /** The candidate a person chose in review: that source is asked for that track first. */
  chosen?: { sourceId: string; trackId: string }
}

export interface TransferOptions {
  signal?: AbortSignal
  /** Keep the `.part` when the transfer is aborted (pause), so it can resume. */
  keepPartOnAbort?: boolean
}

/** The two phases the dual-pool runner needs. */
export interface SongDownloader {
  resolveSongRow(
    row: DownloadRow,
    libraryRoot: string | null,
    downloadSources: readonly string[],
    onProgress: (text: string) => void,
    options?: ResolveOptions,
  ): Promise<ResolveResult>
  downloadResolvedSong(
    payload: ResolvedDownloadPayload,
    onProgress: (progress: DownloadProgress) => void,
    options?: TransferOptions,
  ): Promise<DownloadedSong>
}

/** The library cannot take more: the job pauses with this reason instead of failing items. */
export class FatalSyncError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FatalSyncError'
  }
}
