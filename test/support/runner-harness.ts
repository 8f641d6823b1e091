import { join } from 'node:path'
import { EventBus } from '../../src/main/core/events/event-bus'
import type { RunSettings } from '../../src/main/core/sync/executor-context'
import type { StageRunOptions } from '../../src/main/core/sync/stage-runner'
import { SyncJobRun } from '../../src/main/core/sync/sync-job'
import type { CoreEvents } from '../../src/shared/events'
import type { WorkerState } from '../../src/shared/dashboard'
import { FakeDownloader, type FakeBehaviour } from './fake-downloader'
import { ManualScheduler } from './manual-scheduler'
import { seedDownloadJob } from './ops-fixtures'
import type { TempCatalog } from './temp-catalog'

export const SETTINGS: RunSettings = {
  libraryRoot: null,
  downloadSources: ['first', 'second'],
  maxDownloadAttempts: 2,
  finishTransfersOnPause: true,
  retryBaseMs: 5,
}

/**
 * A job over `songs` new songs, a fake downloader, and every worker snapshot published. Time is
 * a ManualScheduler's: a run moves only as `scheduler.runUntil` moves it, so the same steps
 * happen in the same order on every machine, and a 1 s cool-down takes no real second.
 */
export function runnerHarness(temp: TempCatalog, songs: number, behaviour: FakeBehaviour = {}) {
  const { service } = temp
  const seeded = seedDownloadJob(service, songs)
  const backend = service.library.ensureLocalBackend(join(temp.dir, 'library'))
  const scheduler = new ManualScheduler()
  const downloader = new FakeDownloader(service.library, backend.id, scheduler.sleep, behaviour)
  const bus = new EventBus<CoreEvents>()
  const snapshots: WorkerState[][] = []
  bus.on('workers', ({ workers }) => snapshots.push(workers))
  const start = (options: StageRunOptions, settings: Partial<RunSettings> = {}) =>
    new SyncJobRun(
      {
        ops: service.ops,
        stats: service.stats,
        library: service.library,
        dashboard: service.dashboard,
        downloader,
        bus,
        scheduler,
        sleep: scheduler.sleep,
      },
      seeded.job.id,
      { ...SETTINGS, ...settings },
      options,
    )
  const itemWorkers = () =>
    temp.db.connection
      .prepare('SELECT state, worker_name AS worker FROM stage_items WHERE stage_id = ?')
      .all(seeded.stage.id) as { state: string; worker: string | null }[]
  /** Resolves with the first `event` the bus publishes that `accept` takes. */
  const when = <K extends keyof CoreEvents>(
    event: K,
    accept: (payload: CoreEvents[K]) => boolean,
  ): Promise<CoreEvents[K]> =>
    new Promise((resolve) => {
      const off = bus.on(event, (payload) => {
        if (!accept(payload)) return
        off()
        resolve(payload)
      })
    })
  return { ...seeded, backend, downloader, bus, snapshots, scheduler, start, when, itemWorkers }
}
