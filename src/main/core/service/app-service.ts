import type { CatalogSyncService } from './catalogsync-service'
import { effectiveSettings, storeSettings } from '../config/load-settings'
import { parseSettingsPatch, resolveSettings, type SettingsPatch } from '../config/sync-settings'
import type { EventBus } from '../events/event-bus'
import { PlaylistImporter, type FileImportResult } from '../import-writer/playlist-importer'
import { parsePlaylistBuffer } from '../importers'
import { NotFoundError } from '../ops/ops-repository'
import type {
  DashboardQueryArgs,
  DashboardView,
  ImportSummary,
  ImportUpload,
  JobControl,
  MaskedSettings,
  PlaylistSongsPage,
  ProblemItemsPage,
  ProblemKind,
  SourceTestResult,
  PlaylistSummary,
} from '../../../shared/contract'
import type { CoreEvents } from '../../../shared/events'
import type { SourceSettings } from '../../../shared/settings'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import type { CatalogStatus } from '../../../shared/status'
import type { ItemState } from '../../../shared/states'
import { playlistSongs, playlistSummaries, type SongsQuery } from './catalog-queries'
import { failedItems, ItemActionError, recordReview } from './item-review'
import { layoutExample } from './layout-example'
import { problemItems } from './problem-items'
import { maskSettings, unmaskSources } from './settings-view'
import { rewriteReimportedPlaylists } from '../library/playlist-files'
import { testSource } from './source-test'
import { selectionOf, SyncBusyError, SyncControl, type RunOptions } from '../sync/sync-control'

export interface AppServiceOptions {
  service: CatalogSyncService
  /** The CATALOGSYNC home: the default library lives under it. */
  home: string
  bus: EventBus<CoreEvents>
  /** Settings that win over the catalog's (a server's --config file). */
  settingsPatches?: SettingsPatch[]
  runOptions?: RunOptions
}

/** Everything a window can ask for, as plain methods; Electron IPC and HTTP both call these. */
export class AppService {
  readonly service: CatalogSyncService
  readonly bus: EventBus<CoreEvents>
  readonly sync: SyncControl
  private readonly importer: PlaylistImporter

  constructor(private readonly options: AppServiceOptions) {
    this.service = options.service
    this.bus = options.bus
    this.sync = new SyncControl(this.service, this.bus, () => this.settings(), options.runOptions)
    this.importer = new PlaylistImporter(
      this.service.db,
      this.service.catalog,
      this.service.playlists,
    )
  }

  status(): CatalogStatus {
    return this.service.status()
  }

  startJob(playlistIds: readonly number[] = []): JobControl {
    return this.sync.start(playlistIds)
  }

  pauseJob(): JobControl | null {
    return this.sync.pause()
  }

  resumeJob(): JobControl | null {
    return this.sync.resume()
  }

  cancelJob(): JobControl | null {
    return this.sync.cancel()
  }

  playlists(): PlaylistSummary[] {
    return playlistSummaries(this.service.db)
  }

  setRemovalPolicy(playlistId: number, policy: RemovalPolicy): PlaylistSummary {
    if (!this.service.playlists.setRemovalPolicy(playlistId, policy))
      throw new NotFoundError('playlist', playlistId)
    const summary = this.playlists().find((playlist) => playlist.id === playlistId)
    if (!summary) throw new NotFoundError('playlist', playlistId)
    return summary
  }

  playlistSongs(query: SongsQuery): PlaylistSongsPage {
    if (!this.service.playlists.getPlaylist(query.playlistId))
      throw new NotFoundError('playlist', query.playlistId)
    return playlistSongs(this.service.db, query)
  }

  /** The uploaded export parsed in memory: a client never names a path on this machine. */
  previewImport(upload: ImportUpload): ImportSummary {
    return this.importer.preview(parseUpload(upload), 'upload')
  }

  applyImport(upload: ImportUpload): Promise<ImportSummary> {
    return this.announced(this.importer.apply(parseUpload(upload), 'upload'))
  }

  /** Desktop only: a file on this machine, named by a drop or the Import… dialog. */
  previewFile(path: string): Promise<FileImportResult> {
    return this.service.previewImport(path)
  }

  async importFile(path: string): Promise<FileImportResult> {
    return this.announced(await this.service.importFile(path))
  }

  /** Puts failed items (all of the newest sync job's when none are named) back and runs again. */
  retryItems(itemIds?: readonly number[]): JobControl | null {
    const job = this.service.ops.latestJob()
    const ids = itemIds ?? (job ? this.failedIdsOf(job.id) : [])
    const items = failedItems(this.service, ids)
    const first = items[0]
    if (!first) return null
    if (items.some((item) => item.jobId !== first.jobId))
      throw new ItemActionError('Retry items of one job at a time')
    const target = this.service.ops.getJob(first.jobId)
    if (!target) return null
    // A canceled job cannot run again: a new sync of its playlists takes the songs up.
    if (target.state === 'canceled') return this.sync.start(selectionOf(target))
    this.assertIdle()
    this.service.db.transaction(() =>
      items.forEach((item) => this.service.ops.requeueItem(item.id)),
    )
    return this.sync.rerun(target)
  }

  /** See `recordReview`: a choice requeues the item and runs its job again; a skip does not. */
  reviewItem(itemId: number, trackId: string | null): { itemId: number; state: ItemState } {
    if (trackId !== null) this.assertIdle()
    const item = recordReview(this.service, itemId, trackId)
    const job = this.service.ops.getJob(item.jobId)
    if (trackId !== null && job) this.sync.rerun(job)
    return { itemId, state: item.state }
  }

  /** The newest sync job's failed items, those to review or the others, a page at a time. */
  problems(query: { kind: ProblemKind; offset: number; limit: number }): ProblemItemsPage {
    const job = this.service.ops.latestJob()
    return job ? problemItems(this.service.db, job.id, query) : { total: 0, items: [] }
  }

  layoutExample(layout: string): { path: string } {
    return layoutExample(layout, this.settings().libraryRoots[0] ?? this.options.home)
  }

  /** A masked password means the stored one, as in `updateSettings`. */
  testSource(entry: SourceSettings): Promise<SourceTestResult> {
    const [source] = unmaskSources([entry], this.settings().sources)
    return testSource(source)
  }

  settings() {
    return effectiveSettings(this.options.home, this.service.settings, ...this.patches())
  }

  maskedSettings(): MaskedSettings {
    return { ...maskSettings(this.settings()) }
  }

  /** Validates the patch against the effective settings before storing it in the catalog. */
  updateSettings(input: Partial<MaskedSettings>): MaskedSettings {
    const patch = parseSettingsPatch(input, 'settings:set')
    const current = this.settings()
    if (patch.sources) patch.sources = unmaskSources(patch.sources, current.sources)
    resolveSettings(current, patch)
    storeSettings(this.service.settings, patch)
    return this.maskedSettings()
  }

  dashboard(query: DashboardQueryArgs = {}): DashboardView {
    const snapshot = this.service.dashboard.snapshot(query)
    const stages = snapshot.job
      ? this.service.ops.stages(snapshot.job.id).map((stage) => ({
          id: stage.id,
          position: stage.position,
          type: stage.type,
          state: stage.state,
          counts: this.service.stats.stageItems(stage.id),
        }))
      : []
    return { ...snapshot, stages }
  }

  on<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void) {
    return this.bus.on(event, listener)
  }

  /** Pauses a running sync and waits for it to stop (quitting, SIGTERM). */
  async shutdown(): Promise<void> {
    this.sync.pause()
    await this.sync.idle()
  }

  /**
   * Every window refreshes its playlists, whichever window (or menu) imported them; synced
   * playlists get their files rewritten in the new order.
   */
  private async announced<
    T extends { playlists: readonly { playlistId: number; created: boolean }[] },
  >(result: T): Promise<T> {
    this.bus.emit('playlists', { playlistIds: result.playlists.map((p) => p.playlistId) })
    await rewriteReimportedPlaylists(this.service, result.playlists, this.settings().playlistFolder)
    return result
  }

  private assertIdle(): void {
    const running = this.sync.running
    if (running) throw new SyncBusyError(running.jobId)
  }

  private patches(): SettingsPatch[] {
    return this.options.settingsPatches ?? []
  }

  private failedIdsOf(jobId: number): number[] {
    return this.service.db
      .prepare<[number], { id: number }>(
        `SELECT id FROM stage_items WHERE job_id = ? AND state = 'failed' ORDER BY id`,
      )
      .all(jobId)
      .map((row) => row.id)
  }
}

function parseUpload(upload: ImportUpload) {
  return parsePlaylistBuffer(upload.fileName, Buffer.from(upload.contentBase64, 'base64'))
}
