import type { RemovalPolicy } from '../../../shared/removal-policy'

export type JsonObject = { [key: string]: unknown }

export interface Playlist {
  id: number
  name: string
  sourceFormat: string | null
  sourcePath: string | null
  platform: string | null
  externalId: string | null
  importedAt: number
  lastSyncedAt: number | null
  removalPolicy: RemovalPolicy
}

export type PlaylistInput = Pick<Playlist, 'name'> &
  Partial<Pick<Playlist, 'sourceFormat' | 'sourcePath' | 'platform' | 'externalId'>>

export interface Song {
  id: number
  platform: string | null
  externalId: string | null
  name: string
  singers: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc: string | null
  ext: string | null
  fileSizeBytes: number | null
  /** Everything the export said about the track, so resolving can happen later. */
  metadata: JsonObject
  dedupeKey: string
  createdAt: number
  updatedAt: number
}

export interface SongInput {
  name: string
  artists: string[]
  platform?: string | null
  externalId?: string | null
  album?: string | null
  durationMs?: number | null
  isrc?: string | null
  ext?: string | null
  fileSizeBytes?: number | null
  metadata?: JsonObject
}

export interface StorageBackend {
  id: number
  kind: 'local'
  name: string
  root: string
  isDefault: boolean
  createdAt: number
}

export interface LocalFile {
  id: number
  songId: number
  backendId: number
  relativePath: string
  sizeBytes: number
  contentHash: string | null
  sourceId: string | null
  active: boolean
  createdAt: number
  updatedAt: number
}

export interface LocalFileInput {
  songId: number
  backendId: number
  relativePath: string
  sizeBytes: number
  contentHash?: string | null
  sourceId?: string | null
}

export interface CatalogCounts {
  playlists: number
  songs: number
  playlistSongs: number
  storageBackends: number
  localFiles: number
  activeLocalFiles: number
}
