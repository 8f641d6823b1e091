import type { JobSummary, WorkerState } from './dashboard'
import type { ItemState, StateCounts } from './states'

/** Live transfer figures for a running job. */
export interface TransferEvent {
  jobId: number
  /** Sum over downloader workers only. */
  downloadSpeedBytesPerSec: number
  queueDepth: number
  queueCapacity: number
  activeResolvers: number
  activeDownloads: number
  /** Bytes written by finished and running transfers of this run. */
  bytesDone: number
  /** Seconds to the end at the current pace; null while unknown. */
  etaSeconds: number | null
}

export interface ItemChange {
  itemId: number
  songId: number
  state: ItemState
  message: string | null
}

/** The events the core publishes; front ends forward them over IPC or server-sent events. */
export interface CoreEvents {
  workers: { jobId: number; workers: WorkerState[] }
  transfer: TransferEvent
  job: { job: JobSummary; counts: StateCounts<ItemState> }
  items: { jobId: number; changes: ItemChange[] }
  /** An import changed these playlists. */
  playlists: { playlistIds: number[] }
}
