/** The settings as a window edits them; the core's SyncSettings is checked to match this shape. */

export const SOURCE_KINDS = ['direct', 'local', 'subsonic', 'command'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

interface SourceCommon {
  id: string
  maxConcurrency?: number
}

export type SourceSettings =
  | (SourceCommon & { type: 'direct' })
  | (SourceCommon & { type: 'local'; roots: string[]; link: boolean })
  /** `password` comes back masked (`***`); sending the mask back keeps the stored one. */
  | (SourceCommon & { type: 'subsonic'; url: string; user: string; password: string })
  | (SourceCommon & { type: 'command'; command: string[]; timeoutMs: number })

export const RUN_MODES = ['adaptive', 'static', 'single'] as const
export type RunMode = (typeof RUN_MODES)[number]

export type SettingsView = {
  libraryRoots: string[]
  sources: SourceSettings[]
  /** Source ids in the order they are tried; every configured source when empty. */
  downloadSources: string[]
  downloaders: number
  resolvers: number | 'auto'
  mode: RunMode
  layout: string
  speedLimitBytesPerSec: number | null
  writeTags: boolean
  /** On pause, let running transfers finish (true) or stop them and keep their `.part`. */
  finishTransfersOnPause: boolean
  maxDownloadAttempts: number
  /** Desktop: closing the window keeps syncing in the tray. */
  keepInTray: boolean
  /** Look for each song in the library roots (and adopt the file there) before resolving it. */
  checkLibraryFirst: boolean
  /** Where the removal policy `archive` moves files: under each library root, or absolute. */
  archiveFolder: string
  /** Where the playlists' `.m3u8` files go: under the default library root, or absolute. */
  playlistFolder: string
}

/** A password field shows this instead of the stored password. */
export const PASSWORD_MASK = '***'
