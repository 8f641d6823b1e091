import type { Dispatcher } from 'undici'
import type { LocalIndexRepository, LibraryRepository, PlaylistRepository } from '../catalog'
import type { DashboardRepository, OpsRepository, OpsStats, Job } from '../ops'
import { sourceOrder, type SyncSettings } from '../config'
import { LibraryDownloader } from './library-downloader'
import { SourceGates } from './source-gates'
import type { EventBus } from '../events'
import {
  applyRemovalPolicies,
  type RemovalDeps,
  LibraryCheck,
  writePlaylistFiles,
  type PlaylistFileDeps,
} from '../library'
import { realScheduler, type Scheduler } from './scheduler'
import { SyncJobRun, type JobRunSummary } from './sync-job'
import { createSources } from '../sources'
import { SpeedLimiter, TransferEngine } from '../transfer'
import { FileTagger } from '../tags'
import type { CoreEvents } from '../../../shared/events'
export const SYNC_JOB_KIND = 'sync'
const DEFAULT_RESOLVER_CAP = 8

/** The repositories a sync reads and writes; the catalog store has them all. */
export interface SyncRepositories extends RemovalDeps, PlaylistFileDeps {
  localIndex: LocalIndexRepository
  library: LibraryRepository
  playlists: PlaylistRepository
  ops: OpsRepository
  stats: OpsStats
  dashboard: DashboardRepository
}

export interface SyncStart {
  settings: SyncSettings
  /** The playlists to sync; every playlist when empty. */
  playlistIds?: number[]
  bus: EventBus<CoreEvents>
  scheduler?: Scheduler
  dispatcher?: Dispatcher
  freeBytes?: (root: string) => Promise<number>
}

export interface SyncHandle {
  jobId: number
  resumed: boolean
  total: number
  done: Promise<JobRunSummary>
  pause(): void
  cancel(): void
}

const sameSelection = (job: Job, playlistIds: readonly number[]) =>
  JSON.stringify(job.options.playlistIds ?? []) ===
  JSON.stringify([...playlistIds].sort((a, b) => a - b))

/** The unfinished sync job for the same playlists, else a new one over their songs. */
function jobFor(repos: SyncRepositories, playlistIds: readonly number[]) {
  const unfinished = repos.ops.latestUnfinishedJob(SYNC_JOB_KIND)
  if (unfinished && sameSelection(unfinished, playlistIds))
    return { job: unfinished, resumed: true }
  if (unfinished)
    repos.ops.transitionJob(unfinished.id, 'canceled', 'replaced by a sync of other playlists')
  const items = repos.playlists.songsOf(playlistIds)
  const { job } = repos.ops.createJob({
    kind: SYNC_JOB_KIND,
    options: { playlistIds: [...playlistIds].sort((a, b) => a - b) },
    stages: [{ type: 'download', items }],
  })
  return { job, resumed: false }
}

/** The playlists a sync job was started for (every playlist when empty). */
export const selectionOf = (job: Job): number[] =>
  Array.isArray(job.options.playlistIds)
    ? job.options.playlistIds.filter((id): id is number => typeof id === 'number')
    : []

/**
 * After a run that finished or paused: the removal policies of the selected playlists, then
 * each one's `.m3u8` in the default library root, so players see what is there so far. A
 * canceled or failed run leaves the library as it was.
 */
async function afterRun(
  repos: SyncRepositories,
  job: Job,
  summary: JobRunSummary,
  settings: SyncSettings,
): Promise<JobRunSummary> {
  const root = repos.library.defaultBackend()?.root
  if (!root || (summary.state !== 'succeeded' && summary.state !== 'paused')) return summary
  const playlistIds = selectionOf(job)
  const removals = await applyRemovalPolicies(repos, {
    playlistIds,
    archiveFolder: settings.archiveFolder,
    jobId: job.id,
  })
  const playlistFiles = await writePlaylistFiles(repos, playlistIds, {
    root,
    folder: settings.playlistFolder,
  })
  if (summary.state === 'succeeded') {
    for (const file of playlistFiles) repos.playlists.markSynced(file.playlistId)
  }
  return { ...summary, removals, playlistFiles }
}

/** Creates (or resumes) a sync job and runs it in the background; the handle pauses or cancels it. */
export function startSync(repos: SyncRepositories, start: SyncStart): SyncHandle {
  const { settings } = start
  const scheduler = start.scheduler ?? realScheduler
  settings.libraryRoots.forEach((root, index) =>
    repos.library.ensureLocalBackend(root, { isDefault: index === 0 }),
  )
  const { job, resumed } = jobFor(repos, start.playlistIds ?? [])
  const sources = createSources(settings.sources, {
    localIndex: repos.localIndex,
    ...(start.dispatcher ? { dispatcher: start.dispatcher } : {}),
  })
  const gates = new SourceGates(() => scheduler.now())
  for (const source of sources) gates.configure(source.id, source.maxConcurrency)
  const limiter = new SpeedLimiter(settings.speedLimitBytesPerSec)
  const engine = new TransferEngine({
    speedLimiter: limiter,
    ...(start.dispatcher ? { dispatcher: start.dispatcher } : {}),
  })
  const downloader = new LibraryDownloader({
    library: repos.library,
    sources: new Map(sources.map((source) => [source.id, source])),
    gates,
    engine,
    layout: settings.layout,
    clock: () => scheduler.now(),
    ...(start.freeBytes ? { freeBytes: start.freeBytes } : {}),
    ...(settings.writeTags
      ? { tagger: new FileTagger(start.dispatcher ? { dispatcher: start.dispatcher } : {}) }
      : {}),
  })
  const sourceCap = Math.max(1, ...sources.map((source) => source.maxConcurrency))
  const run = new SyncJobRun(
    {
      ops: repos.ops,
      stats: repos.stats,
      library: repos.library,
      dashboard: repos.dashboard,
      downloader,
      libraryLookup: settings.checkLibraryFirst
        ? new LibraryCheck({ index: repos.localIndex, library: repos.library })
        : null,
      bus: start.bus,
      scheduler,
    },
    job.id,
    {
      libraryRoot: settings.libraryRoots[0] ?? null,
      downloadSources: sourceOrder(settings),
      maxDownloadAttempts: settings.maxDownloadAttempts,
      finishTransfersOnPause: settings.finishTransfersOnPause,
      retryBaseMs: 1000,
    },
    {
      mode: settings.mode,
      workers: settings.downloaders,
      resolverCap: Math.min(
        settings.resolvers === 'auto' ? DEFAULT_RESOLVER_CAP : settings.resolvers,
        sourceCap,
      ),
    },
  )
  const done = run
    .run()
    .finally(async () => {
      await engine.close()
      await Promise.all(sources.map((source) => source.close?.()))
    })
    .then((summary) => afterRun(repos, job, summary, settings))
  const counts = repos.stats.jobItems(job.id)
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  return {
    jobId: job.id,
    resumed,
    total,
    done,
    pause: () => run.pause(),
    cancel: () => run.cancel(),
  }
}
