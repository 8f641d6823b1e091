import {
  effectiveSettings,
  readConfigFile,
  storeSettings,
  defaultSyncSettings,
  parseSettingsPatch,
  resolveSettings,
  type SettingsPatch,
  type SyncSettings,
} from '../config'
import type { SettingsRepository, Playlist, SongsQuery } from '../catalog'
import { EventBus } from '../events'
import type { FileImportResult } from '../import-writer'
import { parsePlaylistBuffer, parsePlaylistFile, type ParsedExport } from '../importers'
import {
  LIBRARY_SOURCE_ID,
  rewriteReimportedPlaylists,
  verifyLibrary,
  type VerifyOptions,
  type VerifyReport,
} from '../library'
import { type DashboardQuery, NotFoundError } from '../ops'
import type {
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
import type { ItemState, StateCounts } from '../../../shared/states'
import { CatalogStore, type CatalogStoreOptions } from './catalog-store'
import { failedItems, ItemActionError, recordReview } from './item-review'
import { layoutExample } from './layout-example'
import { maskSettings, unmaskSources } from './settings-view'
import { testSource } from './source-test'
import { selectionOf, type SyncHandle, SyncBusyError, SyncControl, type RunOptions } from '../sync'
export interface AppServiceOptions {
  /** The CATALOGSYNC home: the default library lives under it. */
  home: string
  /** Where the core's events go; a new bus when none is given. */
  bus?: EventBus<CoreEvents>
  /** Settings that win over the catalog's (a config file, command-line flags). */
  settingsPatches?: SettingsPatch[]
  runOptions?: RunOptions
}

export interface AppServiceOpenOptions extends AppServiceOptions, CatalogStoreOptions {
  /** A JSON config file whose settings win over the catalog's, and lose to `settingsPatches`. */
  configFile?: string
  /** Wraps the settings store before first use (Electron seals passwords with the keychain). */
  guardSettings?: (settings: SettingsRepository) => void
}

/** A failed item of a job as a report lists it. */
export interface JobFailure {
  itemId: number
  song: string
  reason: string | null
}

/**
 * The application service: everything a front end can ask for, as plain methods. The CLI, the
 * HTTP server and Electron's IPC all call these; the repositories behind them stay private.
 */
export class AppService {
  readonly bus: EventBus<CoreEvents>
  private readonly sync: SyncControl

  constructor(
    private readonly store: CatalogStore,
    private readonly options: AppServiceOptions,
  ) {
    this.bus = options.bus ?? new EventBus<CoreEvents>()
    this.sync = new SyncControl(store, this.bus, () => this.settings(), options.runOptions)
  }

  /** Opens (and migrates) the catalog at this path; `close` closes it. */
  static open(databasePath: string, options: AppServiceOpenOptions): AppService {
    const {
      home,
      bus,
      settingsPatches = [],
      runOptions,
      guardSettings,
      configFile,
      ...storeOptions
    } = options
    // Read first: a bad config file is reported before any catalog is created.
    const fromFile = configFile === undefined ? [] : [readConfigFile(configFile)]
    const store = CatalogStore.open(databasePath, storeOptions)
    try {
      guardSettings?.(store.settings)
    } catch (error) {
      store.close()
      throw error
    }
    return new AppService(store, {
      home,
      ...(bus ? { bus } : {}),
      settingsPatches: [...fromFile, ...settingsPatches],
      ...(runOptions ? { runOptions } : {}),
    })
  }

  /** Parses a playlist export and touches no catalog (`catalogsync inspect`). */
  static inspectFile(path: string): Promise<ParsedExport> {
    return parsePlaylistFile(path)
  }

  /** The settings a sync uses where nothing sets them; the library lives under `home`. */
  static builtInSettings(home: string): SyncSettings {
    return defaultSyncSettings(home)
  }

  close(): void {
    this.store.close()
  }

  status(): CatalogStatus {
    const { path, schemaVersion } = this.store.location
    return {
      database: path,
      schemaVersion,
      catalog: this.store.catalog.counts(),
      jobs: this.store.stats.jobs(),
      items: this.store.stats.allItems(),
    }
  }

  /**
   * Starts a sync of these playlists (all when empty), or hands back the one running, for a
   * caller that follows it to its end (the CLI's live view).
   */
  runSync(playlistIds: readonly number[] = []): SyncHandle {
    return this.sync.run(playlistIds)
  }

  /** How many of the job's items are in each state. */
  jobItems(jobId: number): StateCounts<ItemState> {
    return this.store.stats.jobItems(jobId)
  }

  /**
   * The bytes the job's transfers wrote, how many songs each source delivered, and how many of
   * those were found in the library folders instead.
   */
  jobTransfers(jobId: number): {
    bytes: number
    bySource: Record<string, number>
    fromLibrary: number
  } {
    const transfers = this.store.stats.jobTransfers(jobId)
    return { ...transfers, fromLibrary: transfers.bySource[LIBRARY_SOURCE_ID] ?? 0 }
  }

  /** The job's failed items, oldest first, at most `limit`. */
  jobFailures(jobId: number, limit = 500): JobFailure[] {
    const rows =
      this.store.dashboard.snapshot({ jobId, includeTaskRows: true, states: ['failed'], limit })
        .task_rows ?? []
    return rows.map((row) => ({ itemId: row.item_id, song: row.display_text, reason: row.message }))
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

  /** Every playlist with how many of its songs are in each state (the window's list). */
  playlists(): PlaylistSummary[] {
    return this.store.playlistViews.summaries()
  }

  /** The playlists as stored, by name (the CLI's list). */
  catalogPlaylists(): Playlist[] {
    return this.store.playlists.listPlaylists()
  }

  /** The playlist with this id, else the newest one of this name. */
  findPlaylist(idOrName: string): Playlist | null {
    return this.store.playlists.findByIdOrName(idOrName)
  }

  songCount(playlistId: number): number {
    return this.store.playlists.songIds(playlistId).length
  }

  /** Sets what a sync does with the files of songs a re-import drops from the playlist. */
  storeRemovalPolicy(playlistId: number, policy: RemovalPolicy): Playlist {
    const updated = this.store.playlists.setRemovalPolicy(playlistId, policy)
    if (!updated) throw new NotFoundError('playlist', playlistId)
    return updated
  }

  setRemovalPolicy(playlistId: number, policy: RemovalPolicy): PlaylistSummary {
    this.storeRemovalPolicy(playlistId, policy)
    const summary = this.playlists().find((playlist) => playlist.id === playlistId)
    if (!summary) throw new NotFoundError('playlist', playlistId)
    return summary
  }

  playlistSongs(query: SongsQuery): PlaylistSongsPage {
    if (!this.store.playlists.getPlaylist(query.playlistId))
      throw new NotFoundError('playlist', query.playlistId)
    return this.store.playlistViews.songsPage(query)
  }

  /** The uploaded export parsed in memory: a client never names a path on this machine. */
  previewImport(upload: ImportUpload): ImportSummary {
    return this.store.importer.preview(parseUpload(upload), 'upload')
  }

  applyImport(upload: ImportUpload): Promise<ImportSummary> {
    return this.announced(this.store.importer.apply(parseUpload(upload), 'upload'))
  }

  /** A file on this machine (the CLI, a drop or the Import… dialog): what importing it changes. */
  async previewFile(path: string): Promise<FileImportResult> {
    return this.store.importer.preview(await parsePlaylistFile(path))
  }

  /** Parses and imports one export file in one transaction (a re-import syncs in place). */
  async importFile(path: string): Promise<FileImportResult> {
    return this.announced(this.store.importer.apply(await parsePlaylistFile(path)))
  }

  /** Puts failed items (all of the newest sync job's when none are named) back and runs again. */
  retryItems(itemIds?: readonly number[]): JobControl | null {
    const job = this.store.ops.latestJob()
    const ids = itemIds ?? (job ? this.store.problems.failedItemIds(job.id) : [])
    const items = failedItems(this.store, ids)
    const first = items[0]
    if (!first) return null
    if (items.some((item) => item.jobId !== first.jobId))
      throw new ItemActionError('Retry items of one job at a time')
    const target = this.store.ops.getJob(first.jobId)
    if (!target) return null
    // A canceled job cannot run again: a new sync of its playlists takes the songs up.
    if (target.state === 'canceled') return this.sync.start(selectionOf(target))
    this.assertIdle()
    this.store.transaction(() => items.forEach((item) => this.store.ops.requeueItem(item.id)))
    return this.sync.rerun(target)
  }

  /** See `recordReview`: a choice requeues the item and runs its job again; a skip does not. */
  reviewItem(itemId: number, trackId: string | null): { itemId: number; state: ItemState } {
    if (trackId !== null) this.assertIdle()
    const item = recordReview(this.store, itemId, trackId)
    const job = this.store.ops.getJob(item.jobId)
    if (trackId !== null && job) this.sync.rerun(job)
    return { itemId, state: item.state }
  }

  /** The newest sync job's failed items, those to review or the others, a page at a time. */
  problems(query: { kind: ProblemKind; offset: number; limit: number }): ProblemItemsPage {
    const job = this.store.ops.latestJob()
    return job ? this.store.problems.page(job.id, query) : { total: 0, items: [] }
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
    return effectiveSettings(this.options.home, this.store.settings, ...this.patches())
  }

  /** The effective settings with source passwords masked: what a window or the CLI shows. */
  maskedSettings(): MaskedSettings {
    return { ...maskSettings(this.settings()) }
  }

  /** Stores a JSON config file's settings in the catalog; errors name the file and the key. */
  importSettingsFile(path: string): void {
    storeSettings(this.store.settings, readConfigFile(path))
  }

  /** Validates the patch against the effective settings before storing it in the catalog. */
  updateSettings(input: Partial<MaskedSettings>): MaskedSettings {
    const patch = parseSettingsPatch(input, 'settings:set')
    const current = this.settings()
    if (patch.sources) patch.sources = unmaskSources(patch.sources, current.sources)
    resolveSettings(current, patch)
    storeSettings(this.store.settings, patch)
    return this.maskedSettings()
  }

  /** The dashboard of a job (the newest when none is named). */
  dashboard(query: DashboardQuery = {}): DashboardView {
    const snapshot = this.store.dashboard.snapshot(query)
    const stages = snapshot.job
      ? this.store.ops.stages(snapshot.job.id).map((stage) => ({
          id: stage.id,
          position: stage.position,
          type: stage.type,
          state: stage.state,
          counts: this.store.stats.stageItems(stage.id),
        }))
      : []
    return { ...snapshot, stages }
  }

  /** Checks that every library file is still there, whole; `fix` marks the others as gone. */
  verifyLibrary(options: VerifyOptions = {}): Promise<VerifyReport> {
    return verifyLibrary(this.store.library, options)
  }

  /** The song's active library files, newest first, as their library root and relative path. */
  songFiles(songId: number): { root: string; relativePath: string }[] {
    const roots = new Map(this.store.library.listBackends().map((b) => [b.id, b.root]))
    return this.store.library
      .activeLocalFiles(songId)
      .reverse()
      .flatMap((file) => {
        const root = roots.get(file.backendId)
        return root === undefined ? [] : [{ root, relativePath: file.relativePath }]
      })
  }

  on<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void) {
    return this.bus.on(event, listener)
  }

  /** True while a sync runs in this process. */
  isSyncing(): boolean {
    return this.sync.running !== null
  }

  /** Resolves once the running sync (if any) has ended. */
  whenIdle(): Promise<void> {
    return this.sync.idle()
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
    await rewriteReimportedPlaylists(this.store, result.playlists, this.settings().playlistFolder)
    return result
  }

  private assertIdle(): void {
    const running = this.sync.running
    if (running) throw new SyncBusyError(running.jobId)
  }

  private patches(): SettingsPatch[] {
    return this.options.settingsPatches ?? []
  }
}

function parseUpload(upload: ImportUpload) {
  return parsePlaylistBuffer(upload.fileName, Buffer.from(upload.contentBase64, 'base64'))
}
