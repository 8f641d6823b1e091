import type { DashboardSnapshot } from './dashboard'
import type { CoreEvents } from './events'
import {
  ITEM_STATES,
  type ItemState,
  type StageState,
  type StageType,
  type StateCounts,
} from './states'
import type { SettingsView, SourceSettings } from './settings'
import type { RemovalPolicy } from './removal-policy'
import type { CatalogStatus } from './status'

/** Where a playlist's song stands: in the library, its latest sync item's state, or never synced. */
export const SONG_STATES = ['in_library', 'not_synced', ...ITEM_STATES] as const
export type SongState = (typeof SONG_STATES)[number]

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
export type MaskedSettings = SettingsView

/** One candidate of a weak match, as a person reviews it. */
export interface ReviewCandidate {
  trackId: string
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  /** 0..1; 1 is a perfect match. */
  score: number
}

/** `review`: failed with candidates a person can choose from; `failed`: every other failure. */
export type ProblemKind = 'failed' | 'review'

/** A failed item of the newest sync job, with its reason (and candidates when it needs review). */
export interface ProblemItem {
  itemId: number
  jobId: number
  songId: number
  playlistId: number | null
  /** `Title / Singers` */
  displayText: string
  message: string | null
  attempts: number
  updatedAt: number
  /** The source that offered the candidates. */
  sourceId: string | null
  candidates: ReviewCandidate[]
}

export interface ProblemItemsPage {
  total: number
  items: ProblemItem[]
}

export interface SourceTestResult {
  ok: boolean
  /** What was checked and found, or why it failed (never a password). */
  message: string
}

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
    args: [
      { playlistId: number; offset: number; limit: number; search?: string; state?: SongState },
    ]
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
  'items:problems': {
    args: [{ kind: ProblemKind; offset: number; limit: number }]
    result: ProblemItemsPage
  }
  'settings:get': { args: []; result: MaskedSettings }
  'settings:set': { args: [Partial<SettingsView>]; result: MaskedSettings }
  /** Where a song would land under a layout template, for a live example while editing it. */
  'settings:layout-example': { args: [{ layout: string }]; result: { path: string } }
  /** Checks that a source answers (a Subsonic ping, a command's program, local folders). */
  'sources:test': { args: [SourceSettings]; result: SourceTestResult }
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
  'items:problems',
  'settings:get',
  'settings:set',
  'settings:layout-example',
  'sources:test',
  'dashboard:get',
] as const satisfies readonly InvokeChannel[]

export type EventContract = CoreEvents
export type EventChannel = keyof EventContract

export const EVENT_CHANNELS = [
  'workers',
  'transfer',
  'job',
  'items',
  'playlists',
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

/** Desktop-only: shows a song's library file in the system's file manager. */
export const REVEAL_CHANNEL = 'song:reveal'

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
  /** Electron only: shows the song's library file in the system's file manager. */
  revealSong?(songId: number): Promise<Result<void>>
}
