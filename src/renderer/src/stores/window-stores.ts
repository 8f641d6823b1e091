import type { Bridge } from '../bridge'
import { createImportStore, type ImportStore } from './import-store'
import { createPlaylistsStore, type PlaylistsStore } from './playlists-store'
import { createProblemsStore, type ProblemsStore } from './problems-store'
import { createSettingsStore, type SettingsStore } from './settings-store'
import { createSongsStore, type SongsStore } from './songs-store'
import { createSyncStore, type SyncStore } from './sync-store'
import { createUiStore, type ThemeStorage, type UiStore } from './ui-store'

/**
 * Every store of one window. Each is made by a factory over the window's Bridge, so a test
 * builds its own set and no state leaks between tests; screens reach them through context.
 */
export interface WindowStores {
  ui: UiStore
  sync: SyncStore
  playlists: PlaylistsStore
  songs: SongsStore
  imports: ImportStore
  problems: ProblemsStore
  /** One settings form per window, so edits survive a visit to another screen. */
  settings: SettingsStore
}

export function createWindowStores(bridge: Bridge, storage?: ThemeStorage): WindowStores {
  return {
    ui: createUiStore(storage),
    sync: createSyncStore(bridge),
    playlists: createPlaylistsStore(bridge),
    songs: createSongsStore(bridge),
    imports: createImportStore(bridge),
    problems: createProblemsStore(bridge),
    settings: createSettingsStore(bridge),
  }
}
