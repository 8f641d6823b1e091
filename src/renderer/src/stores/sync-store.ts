import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Bridge } from '../bridge'
import type { DashboardSnapshot, JobSummary } from '../../../shared/dashboard'
import type { CoreEvents, TransferEvent } from '../../../shared/events'
import type { ItemState, JobState, StateCounts } from '../../../shared/states'
import { addSample, type SpeedSample } from './speed-history'
import { EMPTY_BOARD, mergeWorkers, type WorkerBoardView } from './worker-merge'

/** How many events of each kind arrived: a snapshot asked for earlier never overwrites them. */
export interface SeenEvents {
  job: number
  workers: number
}

/** What a snapshot may set: all of it at start-up, only the job and its counts later. */
export type SnapshotParts = 'all' | 'job'

export interface SyncActions {
  workers(payload: CoreEvents['workers']): void
  transfer(payload: TransferEvent): void
  job(payload: CoreEvents['job']): void
  /** The event counts to hand back with a snapshot asked for now. */
  seen(): SeenEvents
  snapshot(view: DashboardSnapshot, asked: SeenEvents, parts: SnapshotParts): void
  /** Records the total download speed at `at` (zero while no job moves). */
  sample(at: number): void
  /** Fetches the dashboard; a reply older than the events since is applied only in part. */
  refresh(parts: SnapshotParts): Promise<void>
}

export interface SyncState {
  loaded: boolean
  job: JobSummary | null
  counts: StateCounts<ItemState> | null
  board: WorkerBoardView
  transfer: TransferEvent | null
  speedHistory: readonly SpeedSample[]
  events: SeenEvents
  api: SyncActions
}

export type SyncStore = StoreApi<SyncState>

const MOVING: readonly JobState[] = ['running', 'pause_requested']

/** The total download speed now: zero unless the job moves and the figures are its own. */
export function currentSpeed({ job, transfer }: Pick<SyncState, 'job' | 'transfer'>): number {
  if (!job || !MOVING.includes(job.state) || transfer?.jobId !== job.id) return 0
  return transfer.downloadSpeedBytesPerSec
}

/**
 * Workers report for a job the store does not know as moving: a finished job run again for
 * requeued items goes back to `running` without a job event, so its state must be fetched.
 */
export function jobIsStale({ job }: Pick<SyncState, 'job'>, jobId: number): boolean {
  return !job || job.id < jobId || (job.id === jobId && !MOVING.includes(job.state))
}

/** The job, workers and transfer figures of the current (or last) sync: a cache of the core's. */
export function createSyncStore(bridge: Bridge): SyncStore {
  return createStore<SyncState>()((set, get) => ({
    loaded: false,
    job: null,
    counts: null,
    board: EMPTY_BOARD,
    transfer: null,
    speedHistory: [],
    events: { job: 0, workers: 0 },
    api: {
      workers({ jobId, workers }) {
        const { job, board, events } = get()
        if (job && jobId < job.id) return
        set({
          board: mergeWorkers(board, workers),
          events: { ...events, workers: events.workers + 1 },
        })
      },
      transfer(payload) {
        const { job } = get()
        if (job && payload.jobId < job.id) return
        set({ transfer: payload })
      },
      job({ job, counts }) {
        const { job: previous, events } = get()
        if (previous && job.id < previous.id) return
        const newJob = previous?.id !== job.id
        set({
          job,
          counts,
          events: { ...events, job: events.job + 1 },
          // Another job's workers and figures say nothing about this one.
          ...(newJob && previous ? { board: EMPTY_BOARD, transfer: null } : {}),
        })
      },
      seen: () => get().events,
      snapshot(view, asked, parts) {
        const { events } = get()
        const next: Partial<SyncState> = { loaded: true }
        if (events.job === asked.job) Object.assign(next, { job: view.job, counts: view.counts })
        if (parts === 'all' && events.workers === asked.workers)
          next.board = mergeWorkers(get().board, view.workers)
        set(next)
      },
      sample(at) {
        const state = get()
        const sample = { at, bytesPerSec: currentSpeed(state) }
        set({ speedHistory: addSample(state.speedHistory, sample) })
      },
      async refresh(parts) {
        const { api } = get()
        const asked = api.seen()
        const result = await bridge.invoke('dashboard:get', { includeTaskRows: false })
        if (result.ok) api.snapshot(result.value, asked, parts)
      },
    },
  }))
}
