import type { LibraryRepository, LocalFile } from '../catalog'
import type { SongDownloader } from './download-types'
import type { OpsRepository, DownloadRow, StageItem } from '../ops'
import type { RetryRules } from './source-policy'
import type { WorkerBoard } from './worker-board'

export interface RunSettings extends RetryRules {
  /** The library root new files go to (the default backend when null). */
  libraryRoot: string | null
  /** Source ids, in the order they are tried. */
  downloadSources: readonly string[]
  /** On pause, let running transfers finish (true) or stop them keeping their `.part`. */
  finishTransfersOnPause: boolean
}

/** Finds a song's file already in the library and records it as the song's (LibraryCheck). */
export interface LibraryLookup {
  adopt(
    row: DownloadRow,
    onProgress: (text: string) => void,
    signal: AbortSignal,
  ): Promise<LocalFile | null>
}

/** What the executors work with; one per run of a stage. */
export interface ExecutorContext {
  ops: OpsRepository
  library: LibraryRepository
  downloader: SongDownloader
  /** Consulted before resolving; null when the library is not checked first. */
  libraryLookup?: LibraryLookup | null
  board: WorkerBoard
  settings: RunSettings
  /** Aborted on cancel: everything stops at once. */
  cancelSignal: AbortSignal
  /** Aborted on pause when transfers should stop rather than finish. */
  stopTransfersSignal: AbortSignal
  now(): number
  sleep(ms: number, signal: AbortSignal): Promise<void>
  itemChanged(item: StageItem): void
}
