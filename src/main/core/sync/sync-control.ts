import type { SyncSettings } from '../config'
import type { EventBus } from '../events'
import type { Job } from '../ops'
import {
  selectionOf,
  startSync,
  SYNC_JOB_KIND,
  type SyncHandle,
  type SyncRepositories,
  type SyncStart,
} from './start-sync'
import type { JobControl } from '../../../shared/contract'
import type { CoreEvents } from '../../../shared/events'

/** What a run needs besides the selection: test seams (scheduler, dispatcher) pass through. */
export type RunOptions = Omit<SyncStart, 'settings' | 'playlistIds' | 'bus'>

export class SyncBusyError extends Error {
  constructor(jobId: number) {
    super(`Sync job #${jobId} is running: pause it or wait for it to end first`)
    this.name = 'SyncBusyError'
  }
}

/** At most one sync at a time: starts, pauses, resumes and cancels it. */
export class SyncControl {
  private current: SyncHandle | null = null

  constructor(
    private readonly repos: SyncRepositories,
    private readonly bus: EventBus<CoreEvents>,
    private readonly settings: () => SyncSettings,
    private readonly runOptions: RunOptions = {},
  ) {}

  get running(): SyncHandle | null {
    return this.current
  }

  /** Starts a sync of these playlists (all when empty); a running one is left alone. */
  start(playlistIds: readonly number[] = []): JobControl {
    const running = this.current
    const handle = this.run(playlistIds)
    if (handle === running) return { jobId: handle.jobId, changed: false }
    handle.done.catch((error: unknown) => console.error('catalogsync: the sync stopped:', error))
    return { jobId: handle.jobId, changed: true }
  }

  /** Like `start`, for a caller that follows the run (and sees its errors) through the handle. */
  run(playlistIds: readonly number[] = []): SyncHandle {
    if (this.current) return this.current
    const handle = startSync(this.repos, {
      ...this.runOptions,
      settings: this.settings(),
      playlistIds: [...playlistIds],
      bus: this.bus,
    })
    this.current = handle
    const release = () => {
      if (this.current === handle) this.current = null
    }
    handle.done.then(release, release)
    return handle
  }

  pause(): JobControl | null {
    if (!this.current) return null
    this.current.pause()
    return { jobId: this.current.jobId, changed: true }
  }

  /** Runs the unfinished sync job again on its own selection, which resumes it. */
  resume(): JobControl | null {
    if (this.current) return { jobId: this.current.jobId, changed: false }
    const job = this.repos.ops.latestUnfinishedJob(SYNC_JOB_KIND)
    return job ? this.start(selectionOf(job)) : null
  }

  /** Cancels the running sync, or a paused one that no run holds. */
  cancel(): JobControl | null {
    if (this.current) {
      this.current.cancel()
      return { jobId: this.current.jobId, changed: true }
    }
    const job = this.repos.ops.latestUnfinishedJob(SYNC_JOB_KIND)
    if (!job) return null
    this.repos.ops.transitionJob(job.id, 'canceled', 'canceled by the user')
    return { jobId: job.id, changed: true }
  }

  /** Runs a job again for items put back to pending (when idle); a finished job is reopened. */
  rerun(job: Job): JobControl {
    if (job.state === 'succeeded' || job.state === 'failed') {
      this.repos.ops.transitionJob(job.id, 'running', 'running again for requeued items')
    }
    return this.start(selectionOf(job))
  }

  /** Resolves once the running sync (if any) has ended. */
  async idle(): Promise<void> {
    await this.current?.done.catch(() => undefined)
  }
}
