import type { DashboardSnapshot } from './dashboard'
import type { CoreEvents } from './events'
import type { ItemState, StageState, StageType, StateCounts } from './states'
import type { RemovalPolicy } from './removal-policy'
import type { CatalogStatus } from './status'

/** Where a playlist's song stands: in the library, its latest sync item's state, or never synced. */
export type SongState = ItemState | 'in_library' | 'not_synced'

export interface PlaylistSummary {
  id: number
  name: string
  sourceFormat: string | null
  platform: string | null
  importedAt: number
  lastSyncedAt: number | null
  /** What a sync does with the files of songs a re-import dropped from this playlist. */
  removalPolicy: RemovalPolicy
  songs: number
  counts: Partial<Record<SongState, number>>
}

export interface PlaylistSongRow {
  songId: number
  position: number
  name: string
  singers: string
  album: string | null
  durationMs: number | null
  state: SongState
  message: string | null
  /** The source the library file came from. */
  source: string | null
  sizeBytes: number | null
  localPath: string | null
}

export interface PlaylistSongsPage {
  total: number
  songs: PlaylistSongRow[]
}

/** What an import did (or would do) to one playlist of an export. */
export interface PlaylistImportResult {
  playlistId: number
  name: string
  /** False when an earlier import of the same playlist was updated in place. */
  created: boolean
  tracks: number
  added: number
  kept: number
  removed: number
  moved: number
  /** Tracks the export listed by id only, without a title to look for. */
  unresolved: number
}

/** What an import did (or would do), per playlist of the file. */
export interface ImportSummary {
  file: string
  format: string
  playlists: PlaylistImportResult[]
}

export interface StageSummary {
  id: number
  position: number
  type: StageType
  state: StageState
  counts: StateCounts<ItemState>
}

/** The dashboard with the job's stages, as `GET /api/dashboard` returns it. */
export type DashboardView = DashboardSnapshot & { stages: StageSummary[] }

export interface JobControl {
  jobId: number
  /** False when nothing was running (pause, cancel) or nothing was left (resume, retry). */
  changed: boolean
}

export interface ImportUpload {
  fileName: string
  contentBase64: string
}

export interface DashboardQueryArgs {
  includeTaskRows?: boolean
  offset?: number
  limit?: number
  states?: ItemState[]
}

/** Settings as the window sees them: source passwords are masked. */
export type MaskedSettings = Record<string, unknown>

/**
 * The one contract between a window and the service: invoke channels map their arguments to
 * a result. The handlers, the preload allowlist, the HTTP routes and the renderer's Bridge
 * all derive from it.
 */
export interface InvokeContract {
  'status:get': { args: []; result: CatalogStatus }
  'jobs:start': { args: [{ playlistIds?: number[] }?]; result: JobControl }
  'jobs:pause': { args: []; result: JobControl | null }
  'jobs:resume': { args: []; result: JobControl | null }
  'jobs:cancel': { args: []; result: JobControl | null }
  'playlists:list': { args: []; result: PlaylistSummary[] }
  'playlists:songs': {
    args: [{ playlistId: number; offset: number; limit: number; search?: string }]
    result: PlaylistSongsPage
  }
  'playlists:set-removal-policy': {
    args: [{ playlistId: number; policy: RemovalPolicy }]
    result: PlaylistSummary
  }
  'import:preview': { args: [ImportUpload]; result: ImportSummary }
  'import:apply': { args: [ImportUpload]; result: ImportSummary }
  'items:retry': { args: [{ itemIds?: number[] }?]; result: JobControl | null }
  'items:review': {
    args: [{ itemId: number; trackId: string | null }]
    result: { itemId: number; state: ItemState }
  }
  'settings:get': { args: []; result: MaskedSettings }
  'settings:set': { args: [Record<string, unknown>]; result: MaskedSettings }
  'dashboard:get': { args: [DashboardQueryArgs?]; result: DashboardView }
}

export type InvokeChannel = keyof InvokeContract
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args']
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C]['result']

export const INVOKE_CHANNELS = [
  'status:get',
  'jobs:start',
  'jobs:pause',
  'jobs:resume',
  'jobs:cancel',
  'playlists:list',
  'playlists:songs',
  'playlists:set-removal-policy',
  'import:preview',
  'import:apply',
  'items:retry',
  'items:review',
  'settings:get',
  'settings:set',
  'dashboard:get',
] as const satisfies readonly InvokeChannel[]

export type EventContract = CoreEvents
export type EventChannel = keyof EventContract

export const EVENT_CHANNELS = [
  'workers',
  'transfer',
  'job',
  'items',
] as const satisfies readonly EventChannel[]

export type Result<T> = { ok: true; value: T } | { ok: false; error: string }

export const isInvokeChannel = (name: string): name is InvokeChannel =>
  (INVOKE_CHANNELS as readonly string[]).includes(name)
export const isEventChannel = (name: string): name is EventChannel =>
  (EVENT_CHANNELS as readonly string[]).includes(name)

/**
 * Desktop-only: files dropped on the window are named by their paths on this machine, which the
 * HTTP server never accepts (there, imports are uploads).
 */
export const DROP_CHANNELS = ['drop:preview', 'drop:apply'] as const
export type DropChannel = (typeof DROP_CHANNELS)[number]

/** The files a drop could import (or did), and one message per refused file, naming it. */
export interface DropOutcome {
  accepted: ImportSummary[]
  problems: string[]
}

/** What the preload exposes and what the renderer's Bridge implements. */
export interface RendererApi {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<Result<InvokeResult<C>>>
  on<E extends EventChannel>(event: E, listener: (payload: EventContract[E]) => void): () => void
  /** Electron only: previews or imports dropped files (their paths never reach the page). */
  dropFiles?(channel: DropChannel, files: readonly File[]): Promise<Result<DropOutcome>>
}
