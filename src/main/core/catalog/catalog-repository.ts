import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
import { durationsCompatible, singersText, songDedupeKey } from './song-identity'
import type { CatalogCounts, JsonObject, Song, SongInput } from './types'

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

/** Songs, deduplicated, with the snapshot of what each export said about them. */
export class CatalogRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  getSong(id: number): Song | null {
    const row = this.db.prepare<[number], SongRow>('SELECT * FROM songs WHERE id = ?').get(id)
    return row ? toSong(row) : null
  }

  /**
   * Finds the song this input names, or null. Same platform + external id is the same song;
   * otherwise the same normalised title and artists with durations within 2 s (or unknown),
   * unless both carry ids of one platform that differ.
   */
  findDuplicate(
    input: SongInput,
    dedupeKey: string = songDedupeKey(input.name, input.artists),
  ): Song | null {
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
      .all(dedupeKey)
    const match = candidates.find(
      (row) =>
        durationsCompatible(row.duration_ms, input.durationMs ?? null) &&
        !(externalId !== null && row.external_id !== null && row.platform === platform),
    )
    return match ? toSong(match) : null
  }

  /** Inserts the song, or returns the existing duplicate with its blank fields filled in. */
  upsertSong(input: SongInput): UpsertedSong {
    return this.db.transaction(() => this.upsertOne(input))
  }

  /** Many songs in one transaction (an import): one result per input, in order. */
  upsertSongs(inputs: readonly SongInput[]): UpsertedSong[] {
    return this.db.transaction(() => inputs.map((input) => this.upsertOne(input)))
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

  private upsertOne(input: SongInput): UpsertedSong {
    const dedupeKey = songDedupeKey(input.name, input.artists)
    const existing = this.findDuplicate(input, dedupeKey)
    if (existing) return { song: this.fillBlanks(existing, input), created: false }
    return { song: this.insertSong(input, dedupeKey), created: true }
  }

  // Builds the returned Song from what was written: RETURNING * costs 3× the insert.
  private insertSong(input: SongInput, dedupeKey: string): Song {
    const now = this.now()
    const song: Omit<Song, 'id'> = {
      platform: input.platform ?? null,
      externalId: input.externalId ?? null,
      name: input.name,
      singers: singersText(input.artists),
      artists: [...input.artists],
      album: input.album ?? null,
      durationMs: input.durationMs ?? null,
      isrc: input.isrc ?? null,
      ext: input.ext ?? null,
      fileSizeBytes: input.fileSizeBytes ?? null,
      metadata: input.metadata ?? {},
      dedupeKey,
      createdAt: now,
      updatedAt: now,
    }
    const { lastInsertRowid } = this.db
      .prepare<unknown[]>(
        `INSERT INTO songs (platform, external_id, name, singers, artists_json, album, duration_ms,
           isrc, ext, file_size_bytes, metadata_json, dedupe_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        song.platform,
        song.externalId,
        song.name,
        song.singers,
        JSON.stringify(song.artists),
        song.album,
        song.durationMs,
        song.isrc,
        song.ext,
        song.fileSizeBytes,
        JSON.stringify(song.metadata),
        dedupeKey,
        now,
        now,
      )
    return { id: Number(lastInsertRowid), ...song }
  }

  /** Fills the duplicate's unknown fields from the new export; writes only when that adds something. */
  private fillBlanks(existing: Song, input: SongInput): Song {
    const filled: Song = {
      ...existing,
      album: existing.album ?? input.album ?? null,
      durationMs: existing.durationMs ?? input.durationMs ?? null,
      isrc: existing.isrc ?? input.isrc ?? null,
      ext: existing.ext ?? input.ext ?? null,
      fileSizeBytes: existing.fileSizeBytes ?? input.fileSizeBytes ?? null,
      metadata: { ...(input.metadata ?? {}), ...existing.metadata },
    }
    const gainedMetadata =
      Object.keys(filled.metadata).length > Object.keys(existing.metadata).length
    const gainedField = (['album', 'durationMs', 'isrc', 'ext', 'fileSizeBytes'] as const).some(
      (key) => filled[key] !== existing[key],
    )
    if (!gainedMetadata && !gainedField) return existing
    filled.updatedAt = this.now()
    this.db
      .prepare(
        `UPDATE songs SET album = ?, duration_ms = ?, isrc = ?, ext = ?, file_size_bytes = ?,
           metadata_json = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        filled.album,
        filled.durationMs,
        filled.isrc,
        filled.ext,
        filled.fileSizeBytes,
        JSON.stringify(filled.metadata),
        filled.updatedAt,
        existing.id,
      )
    return filled
  }
}
