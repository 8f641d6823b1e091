import type { AppService } from '../core/service'
import { Coalescer, realScheduler } from '../core/sync'
import type { CoreEvents } from '../../shared/events'
import { progressOf, type TrayStatus } from './tray-menu'

type EventSource = Pick<AppService, 'on'>

/**
 * The tray's figures from the dashboard at start-up, before any event arrives. A job left
 * running by a crash is not running now: it is offered for resuming, like a paused one.
 */
export function initialStatus(app: Pick<AppService, 'dashboard' | 'isSyncing'>): TrayStatus {
  const { job, counts, transfer_stats: transfer } = app.dashboard()
  const stale = !app.isSyncing() && (job?.state === 'running' || job?.state === 'pending')
  return {
    jobState: stale ? 'paused' : (job?.state ?? null),
    speed: transfer.download_speed_bytes_per_sec,
    ...progressOf(counts),
  }
}

/** Folds `job` and `transfer` events into one status, published at most once a second. */
export function watchSyncStatus(
  source: EventSource,
  initial: TrayStatus,
  publish: (status: TrayStatus) => void,
  intervalMs = 1000,
): () => void {
  let status = initial
  const feed = new Coalescer(realScheduler, intervalMs, () => publish(status))
  const update = (change: Partial<TrayStatus>) => {
    status = { ...status, ...change }
    feed.poke()
  }
  const onJob = ({ job, counts }: CoreEvents['job']) =>
    update({
      jobState: job.state,
      ...progressOf(counts),
      ...(job.state === 'running' ? {} : { speed: 0 }),
    })
  const offs = [
    source.on('job', onJob),
    source.on('transfer', (t) => update({ speed: t.downloadSpeedBytesPerSec })),
  ]
  publish(initial)
  return () => {
    feed.cancel()
    offs.forEach((off) => off())
  }
}
