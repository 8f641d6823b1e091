import type { CatalogDatabase } from '../db/catalog-database'
import { systemClock, type Clock } from '../clock'
import { durationsCompatible, singersText, songDedupeKey } from './song-identity'
import type { CatalogCounts, JsonObject, Playlist, PlaylistInput, Song, SongInput } from './types'

interface PlaylistRow {
  id: number
  name: string
  source_format: string | null
  source_path: string | null
  platform: string | null
  external_id: string | null
  imported_at: number
  last_synced_at: number | null
}

export interface SongRow {
  id: number
  platform: string | null
  external_id: string | null
  name: string
  singers: string
  artists_json: string
  album: string | null
  duration_ms: number | null
  isrc: string | null
  ext: string | null
  file_size_bytes: number | null
  metadata_json: string
  dedupe_key: string
  created_at: number
  updated_at: number
}

export function toPlaylist(row: PlaylistRow): Playlist {
  return {
    id: row.id,
    name: row.name,
    sourceFormat: row.source_format,
    sourcePath: row.source_path,
    platform: row.platform,
    externalId: row.external_id,
    importedAt: row.imported_at,
    lastSyncedAt: row.last_synced_at,
  }
}

export function toSong(row: SongRow): Song {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.external_id,
    name: row.name,
    singers: row.singers,
    artists: JSON.parse(row.artists_json) as string[],
    album: row.album,
    durationMs: row.duration_ms,
    isrc: row.isrc,
    ext: row.ext,
    fileSizeBytes: row.file_size_bytes,
    metadata: JSON.parse(row.metadata_json) as JsonObject,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export interface UpsertedSong {
  song: Song
  created: boolean
}

/** Playlists, songs (deduplicated) and playlist membership. */
export class CatalogRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  createPlaylist(input: PlaylistInput): Playlist {
    const row = this.db
      .prepare<
        [string, string | null, string | null, string | null, string | null, number],
        PlaylistRow
      >(
        `INSERT INTO playlists (name, source_format, source_path, platform, external_id, imported_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        input.name,
        input.sourceFormat ?? null,
        input.sourcePath ?? null,
        input.platform ?? null,
        input.externalId ?? null,
        this.now(),
      )
    return toPlaylist(row as PlaylistRow)
  }

  getPlaylist(id: number): Playlist | null {
    const row = this.db
      .prepare<[number], PlaylistRow>('SELECT * FROM playlists WHERE id = ?')
      .get(id)
    return row ? toPlaylist(row) : null
  }

  listPlaylists(): Playlist[] {
    return this.db
      .prepare<[], PlaylistRow>('SELECT * FROM playlists ORDER BY name COLLATE NOCASE, id')
      .all()
      .map(toPlaylist)
  }

  markPlaylistSynced(id: number): void {
    this.db.prepare('UPDATE playlists SET last_synced_at = ? WHERE id = ?').run(this.now(), id)
  }

  getSong(id: number): Song | null {
    const row = this.db.prepare<[number], SongRow>('SELECT * FROM songs WHERE id = ?').get(id)
    return row ? toSong(row) : null
  }

  /**
   * Finds the song this input names, or null. Same platform + external id is the same song;
   * otherwise the same normalised title and artists with durations within 2 s (or unknown),
   * unless both carry ids of one platform that differ.
   */
  findDuplicate(input: SongInput): Song | null {
    const platform = input.platform ?? null
    const externalId = input.externalId ?? null
    if (platform !== null && externalId !== null) {
      const byId = this.db
        .prepare<[string, string], SongRow>(
          'SELECT * FROM songs WHERE platform = ? AND external_id = ?',
        )
        .get(platform, externalId)
      if (byId) return toSong(byId)
    }
    const candidates = this.db
      .prepare<[string], SongRow>('SELECT * FROM songs WHERE dedupe_key = ? ORDER BY id')
      .all(songDedupeKey(input.name, input.artists))
    const match = candidates.find(
      (row) =>
        durationsCompatible(row.duration_ms, input.durationMs ?? null) &&
        !(externalId !== null && row.external_id !== null && row.platform === platform),
    )
    return match ? toSong(match) : null
  }

  /** Inserts the song, or returns the existing duplicate with its blank fields filled in. */
  upsertSong(input: SongInput): UpsertedSong {
    return this.db.transaction(() => {
      const existing = this.findDuplicate(input)
      if (existing) return { song: this.fillBlanks(existing, input), created: false }
      return { song: this.insertSong(input), created: true }
    })
  }

  /** Replaces a playlist's track list, in order, in one transaction. */
  setPlaylistSongs(playlistId: number, songIds: readonly number[]): void {
    const insert = this.db.prepare(
      'INSERT INTO playlist_songs (playlist_id, position, song_id) VALUES (?, ?, ?)',
    )
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM playlist_songs WHERE playlist_id = ?').run(playlistId)
      songIds.forEach((songId, position) => insert.run(playlistId, position, songId))
    })
  }

  playlistSongIds(playlistId: number): number[] {
    return this.db
      .prepare<[number], { song_id: number }>(
        'SELECT song_id FROM playlist_songs WHERE playlist_id = ? ORDER BY position',
      )
      .all(playlistId)
      .map((row) => row.song_id)
  }

  counts(): CatalogCounts {
    const row = this.db
      .prepare<[], CatalogCounts>(
        `SELECT (SELECT count(*) FROM playlists) AS playlists,
                (SELECT count(*) FROM songs) AS songs,
                (SELECT count(*) FROM playlist_songs) AS playlistSongs,
                (SELECT count(*) FROM storage_backends) AS storageBackends,
                (SELECT count(*) FROM local_files) AS localFiles,
                (SELECT count(*) FROM local_files WHERE active = 1) AS activeLocalFiles`,
      )
      .get()
    return row as CatalogCounts
  }

  private insertSong(input: SongInput): Song {
    const now = this.now()
    const row = this.db
      .prepare<unknown[], SongRow>(
        `INSERT INTO songs (platform, external_id, name, singers, artists_json, album, duration_ms,
           isrc, ext, file_size_bytes, metadata_json, dedupe_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        input.platform ?? null,
        input.externalId ?? null,
        input.name,
        singersText(input.artists),
        JSON.stringify(input.artists),
        input.album ?? null,
        input.durationMs ?? null,
        input.isrc ?? null,
        input.ext ?? null,
        input.fileSizeBytes ?? null,
        JSON.stringify(input.metadata ?? {}),
        songDedupeKey(input.name, input.artists),
        now,
        now,
      )
    return toSong(row as SongRow)
  }

  private fillBlanks(existing: Song, input: SongInput): Song {
    const row = this.db
      .prepare<unknown[], SongRow>(
        `UPDATE songs SET
           album = coalesce(album, ?), duration_ms = coalesce(duration_ms, ?),
           isrc = coalesce(isrc, ?), ext = coalesce(ext, ?),
           file_size_bytes = coalesce(file_size_bytes, ?), metadata_json = ?, updated_at = ?
         WHERE id = ? RETURNING *`,
      )
      .get(
        input.album ?? null,
        input.durationMs ?? null,
        input.isrc ?? null,
        input.ext ?? null,
        input.fileSizeBytes ?? null,
        JSON.stringify({ ...(input.metadata ?? {}), ...existing.metadata }),
        this.now(),
        existing.id,
      )
    return toSong(row as SongRow)
  }
}
