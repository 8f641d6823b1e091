import { setMaxListeners } from 'node:events'
import type { LibraryRepository } from '../catalog'
import type { SongDownloader } from './download-types'
import type { EventBus } from '../events'
import type { RemovalReport, PlaylistFileResult } from '../library'
import {
  type DashboardRepository,
  type OpsRepository,
  type OpsStats,
  toJobSummary,
  type Job,
} from '../ops'
import type { CoreEvents, ItemChange } from '../../../shared/events'
import type { ItemState, StateCounts } from '../../../shared/states'
import type { LibraryLookup, RunSettings } from './executor-context'
import { Coalescer, type Scheduler } from './scheduler'
import { sleep } from '../util'
import { StageRunner, type StageRunOptions, type StageRunOutcome } from './stage-runner'
import { WorkerBoard } from './worker-board'

export interface SyncJobDeps {
  ops: OpsRepository
  stats: OpsStats
  library: LibraryRepository
  dashboard: DashboardRepository
  downloader: SongDownloader
  /** Checks the library for a song before resolving it; absent when that is turned off. */
  libraryLookup?: LibraryLookup | null
  bus: EventBus<CoreEvents>
  scheduler: Scheduler
  /** Waits out cool-downs between tries; tests pass their scheduler's, so no real time passes. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

export interface JobRunSummary {
  jobId: number
  state: Job['state']
  reason: string | null
  counts: StateCounts<ItemState>
  elapsedMs: number
  /** The playlists' `.m3u8` files written after the run (added by the sync, not the runner). */
  playlistFiles?: PlaylistFileResult[]
  /** What the playlists' removal policies moved or deleted after the run (added by the sync). */
  removals?: RemovalReport
}

/** Runs one sync job's download stage to its end, a pause, or a cancel. */
export class SyncJobRun {
  private runner: StageRunner | null = null
  private readonly changes: ItemChange[] = []
  private readonly itemFeed: Coalescer

  constructor(
    private readonly deps: SyncJobDeps,
    private readonly jobId: number,
    private readonly settings: RunSettings,
    private readonly options: StageRunOptions,
  ) {
    this.itemFeed = new Coalescer(deps.scheduler, 100, () => {
      deps.bus.emit('items', { jobId, changes: this.changes.splice(0) })
    })
  }

  async run(): Promise<JobRunSummary> {
    const { ops, scheduler } = this.deps
    const started = scheduler.now()
    const job = ops.getJob(this.jobId)
    if (!job) throw new Error(`No job with id ${this.jobId}`)
    if (job.state !== 'running') this.setJobState('running')
    // Claims left by a run that died: resolving → pending, downloading → ready (.part kept).
    ops.leases.resetStale()
    const stage = ops.stages(this.jobId).find((s) => s.type === 'download')
    if (!stage) throw new Error(`Job ${this.jobId} has no download stage`)
    if (stage.state !== 'running') ops.transitionStage(stage.id, 'running')
    const board = new WorkerBoard(
      this.jobId,
      this.deps.bus,
      (workers) => this.deps.dashboard.saveWorkers(this.jobId, workers),
      scheduler,
    )
    const controllers = { cancel: new AbortController(), stopTransfers: new AbortController() }
    // Every worker and transfer listens to these: more than Node's default of 10 is expected.
    setMaxListeners(0, controllers.cancel.signal, controllers.stopTransfers.signal)
    this.runner = new StageRunner(
      {
        ops,
        library: this.deps.library,
        downloader: this.deps.downloader,
        libraryLookup: this.deps.libraryLookup ?? null,
        board,
        settings: this.settings,
        cancelSignal: controllers.cancel.signal,
        stopTransfersSignal: controllers.stopTransfers.signal,
        now: () => scheduler.now(),
        sleep: this.deps.sleep ?? sleep,
        itemChanged: (item) => {
          this.changes.push({
            itemId: item.id,
            songId: item.songId,
            state: item.state,
            message: item.message,
          })
          this.itemFeed.poke()
        },
      },
      controllers,
      stage.id,
      this.options,
      scheduler,
    )
    const counts = this.deps.stats.stageItems(stage.id)
    board.setItemsLeft(counts.pending + counts.resolving + counts.ready + counts.downloading)
    const outcome = await this.runner.run()
    board.flush()
    this.itemFeed.flush()
    this.finish(stage.id, outcome)
    const finished = ops.getJob(this.jobId) as Job
    return {
      jobId: this.jobId,
      state: finished.state,
      reason: finished.stateReason,
      counts: this.deps.stats.jobItems(this.jobId),
      elapsedMs: scheduler.now() - started,
    }
  }

  pause(): void {
    const job = this.deps.ops.getJob(this.jobId)
    if (job?.state !== 'running') return
    this.setJobState('pause_requested', 'paused by the user')
    this.runner?.pause()
  }

  cancel(): void {
    this.runner?.cancel()
  }

  private finish(stageId: number, outcome: StageRunOutcome): void {
    const { ops } = this.deps
    switch (outcome.kind) {
      case 'completed':
        ops.transitionStage(stageId, 'succeeded')
        this.setJobState('succeeded')
        return
      case 'canceled':
        ops.transitionStage(stageId, 'canceled')
        this.setJobState('canceled', 'canceled by the user')
        return
      case 'fatal':
        ops.transitionStage(stageId, 'pending')
        if (ops.getJob(this.jobId)?.state === 'running')
          this.setJobState('pause_requested', outcome.reason)
        this.setJobState('paused', outcome.reason)
        return
      case 'paused': {
        ops.transitionStage(stageId, 'pending')
        const reason = ops.getJob(this.jobId)?.stateReason ?? 'paused'
        if (ops.getJob(this.jobId)?.state === 'running') this.setJobState('pause_requested', reason)
        this.setJobState('paused', reason)
      }
    }
  }

  private setJobState(state: Job['state'], reason: string | null = null): void {
    const job = this.deps.ops.transitionJob(this.jobId, state, reason)
    this.deps.bus.emit('job', {
      job: toJobSummary(job),
      counts: this.deps.stats.jobItems(this.jobId),
    })
  }
}
