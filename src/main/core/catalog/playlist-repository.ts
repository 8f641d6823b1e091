import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import type { Playlist, PlaylistInput } from './types'

interface PlaylistRow {
  id: number
  name: string
  source_format: string | null
  source_path: string | null
  platform: string | null
  external_id: string | null
  imported_at: number
  last_synced_at: number | null
  removal_policy: RemovalPolicy
}

const toPlaylist = (row: PlaylistRow): Playlist => ({
  id: row.id,
  name: row.name,
  sourceFormat: row.source_format,
  sourcePath: row.source_path,
  platform: row.platform,
  externalId: row.external_id,
  importedAt: row.imported_at,
  lastSyncedAt: row.last_synced_at,
  removalPolicy: row.removal_policy,
})

/** Playlists, their ordered track lists, and the tracks re-imports removed from them. */
export class PlaylistRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  createPlaylist(input: PlaylistInput): Playlist {
    const row = this.db
      .prepare<unknown[], PlaylistRow>(
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

  /**
   * The playlist a new export of the same list should update: the same platform id when the
   * export has one, else the same name and format (the newest, if several).
   */
  findForImport(input: PlaylistInput): Playlist | null {
    const row =
      input.platform && input.externalId
        ? this.db
            .prepare<[string, string], PlaylistRow>(
              'SELECT * FROM playlists WHERE platform = ? AND external_id = ? ORDER BY id DESC',
            )
            .get(input.platform, input.externalId)
        : this.db
            .prepare<[string, string | null], PlaylistRow>(
              `SELECT * FROM playlists WHERE name = ? AND source_format IS ? AND external_id IS NULL
               ORDER BY id DESC`,
            )
            .get(input.name, input.sourceFormat ?? null)
    return row ? toPlaylist(row) : null
  }

  /** A re-import: the newest name and file, and the time of this import. */
  updateFromImport(id: number, input: PlaylistInput): Playlist {
    const row = this.db
      .prepare<unknown[], PlaylistRow>(
        `UPDATE playlists SET name = ?, source_path = coalesce(?, source_path), imported_at = ?
         WHERE id = ? RETURNING *`,
      )
      .get(input.name, input.sourcePath ?? null, this.now(), id)
    return toPlaylist(row as PlaylistRow)
  }

  setRemovalPolicy(id: number, policy: RemovalPolicy): Playlist | null {
    const row = this.db
      .prepare<[RemovalPolicy, number], PlaylistRow>(
        'UPDATE playlists SET removal_policy = ? WHERE id = ? RETURNING *',
      )
      .get(policy, id)
    return row ? toPlaylist(row) : null
  }

  markSynced(id: number): void {
    this.db.prepare('UPDATE playlists SET last_synced_at = ? WHERE id = ?').run(this.now(), id)
  }

  /** Replaces a playlist's track list, in order, in one transaction. */
  setSongs(playlistId: number, songIds: readonly number[]): void {
    const insert = this.db.prepare(
      'INSERT INTO playlist_songs (playlist_id, position, song_id) VALUES (?, ?, ?)',
    )
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM playlist_songs WHERE playlist_id = ?').run(playlistId)
      songIds.forEach((songId, position) => insert.run(playlistId, position, songId))
    })
  }

  songIds(playlistId: number): number[] {
    return this.db
      .prepare<[number], { song_id: number }>(
        'SELECT song_id FROM playlist_songs WHERE playlist_id = ? ORDER BY position',
      )
      .all(playlistId)
      .map((row) => row.song_id)
  }

  /**
   * Each song of these playlists once (all playlists when none are named), in playlist order,
   * with the first playlist that lists it.
   */
  songsOf(playlistIds: readonly number[] = []): { songId: number; playlistId: number }[] {
    const filter = playlistIds.length
      ? `WHERE playlist_id IN (${playlistIds.map(() => '?').join(', ')})`
      : ''
    return this.db
      .prepare<number[], { songId: number; playlistId: number }>(
        `SELECT song_id AS songId, playlist_id AS playlistId FROM (
           SELECT song_id, playlist_id, position,
                  row_number() OVER (PARTITION BY song_id ORDER BY playlist_id, position) AS nth
           FROM playlist_songs ${filter})
         WHERE nth = 1 ORDER BY playlist_id, position`,
      )
      .all(...playlistIds)
  }

  /** Finds a playlist by its id or, failing that, its exact name. */
  findByIdOrName(idOrName: string): Playlist | null {
    const byId = /^\d+$/.test(idOrName) ? this.getPlaylist(Number(idOrName)) : null
    if (byId) return byId
    const row = this.db
      .prepare<[string], PlaylistRow>('SELECT * FROM playlists WHERE name = ? ORDER BY id DESC')
      .get(idOrName)
    return row ? toPlaylist(row) : null
  }

  /** Notes songs a re-import removed, and forgets removals of songs that came back. */
  recordRemovals(playlistId: number, removed: readonly number[], returned: readonly number[]) {
    const insert = this.db.prepare(
      `INSERT INTO playlist_song_removals (playlist_id, song_id, removed_at) VALUES (?, ?, ?)
       ON CONFLICT (playlist_id, song_id) DO UPDATE SET removed_at = excluded.removed_at`,
    )
    const forget = this.db.prepare(
      'DELETE FROM playlist_song_removals WHERE playlist_id = ? AND song_id = ?',
    )
    this.db.transaction(() => {
      const now = this.now()
      for (const songId of removed) insert.run(playlistId, songId, now)
      for (const songId of returned) forget.run(playlistId, songId)
    })
  }

  removedSongIds(playlistId: number): number[] {
    return this.db
      .prepare<[number], { song_id: number }>(
        'SELECT song_id FROM playlist_song_removals WHERE playlist_id = ? ORDER BY removed_at, song_id',
      )
      .all(playlistId)
      .map((row) => row.song_id)
  }
}
