import type { AppService } from '../core/service/app-service'
import type { JobRunSummary } from '../core/sync/sync-job'
import type { SyncHandle } from '../core/sync/start-sync'
import type { CliIo } from './cli-io'
import { reportSync } from './sync-report'
import { SyncView } from './sync-view'

export interface SyncRun {
  /** Opened with the run's settings patches (config file, flags). */
  app: AppService
  playlistIds: number[]
  json: boolean
}

/** Runs a sync to its end with the live view and Ctrl-C handling; returns the exit status. */
export async function runSync(run: SyncRun, io: CliIo): Promise<number> {
  const { app } = run
  const settings = app.settings()
  // Listen for Ctrl-C before the job starts: until a listener exists, SIGINT kills the process
  // outright, which would leave the job marked running. Signals reach JS only between tasks,
  // so `handle` is set by the time the handler runs.
  let interrupts = 0
  const offInterrupt = io.onInterrupt?.(() => {
    interrupts++
    if (interrupts === 1) {
      io.err('\nPausing… (press Ctrl-C again to cancel)')
      handle.pause()
    } else handle.cancel()
  })
  let handle: SyncHandle
  try {
    handle = app.runSync(run.playlistIds)
  } catch (error) {
    offInterrupt?.()
    throw error
  }
  if (!run.json) {
    io.err(
      `${handle.resumed ? 'Resuming' : 'Starting'} sync job #${handle.jobId}: ${handle.total} songs → ${settings.libraryRoots[0]}`,
    )
  }
  const view = run.json
    ? null
    : new SyncView(io, app.bus, () => app.jobItems(handle.jobId), handle.total)
  let summary: JobRunSummary
  try {
    summary = await handle.done
  } finally {
    view?.stop()
    offInterrupt?.()
  }
  return reportSync(app, summary, run.json, io)
}
