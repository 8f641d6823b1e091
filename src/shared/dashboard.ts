import type { ItemState, JobState, StateCounts } from './states'

// The dashboard keeps the seed's snake_case shape (`workers[]`,
// `transfer_stats.download_speed_bytes_per_sec`) so the HTTP API stays compatible.

export type WorkerRole = 'single' | 'resolve' | 'download'
export type WorkerStatus =
  'idle' | 'resolving' | 'downloading' | 'cooling_down' | 'paused' | 'stopped'

export interface WorkerState {
  name: string
  role: WorkerRole
  status: WorkerStatus
  item_id: number | null
  song_id: number | null
  playlist_id: number | null
  /** `Title / Singers` */
  display_text: string
  /** e.g. `resolving source subsonic (1/3)`, `12.00MB/48.00MB via subsonic` */
  progress_text: string
  downloaded_bytes: number
  total_bytes: number | null
  /** Smoothed bytes per second. */
  speed_bytes_per_sec: number
  percent: number | null
}

export interface TransferStats {
  /** Sum over downloader workers only. */
  download_speed_bytes_per_sec: number
  active_downloads: number
  active_resolvers: number
}

export interface JobSummary {
  id: number
  kind: string
  state: JobState
  state_reason: string | null
  created_at: number
  started_at: number | null
  finished_at: number | null
}

export interface TaskRow {
  item_id: number
  stage_id: number
  song_id: number
  playlist_id: number | null
  state: ItemState
  worker_name: string | null
  attempts: number
  message: string | null
  display_text: string
  updated_at: number
}

export interface DashboardSnapshot {
  job: JobSummary | null
  counts: StateCounts<ItemState>
  workers: WorkerState[]
  transfer_stats: TransferStats
  task_rows?: TaskRow[]
  total_task_rows?: number
}
