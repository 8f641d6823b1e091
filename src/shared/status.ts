import type { ItemState, JobState, StateCounts } from './states'

/** What `catalogsync status` and the window's header show: catalog and job counts. */
export interface CatalogStatus {
  database: string
  schemaVersion: number
  catalog: {
    playlists: number
    songs: number
    playlistSongs: number
    storageBackends: number
    localFiles: number
    activeLocalFiles: number
  }
  jobs: StateCounts<JobState>
  items: StateCounts<ItemState>
}
