import { join } from 'node:path'
import type { CatalogDatabase } from '../db/catalog-database'
import type {
  PlaylistSongRow,
  PlaylistSongsPage,
  PlaylistSummary,
  SongState,
} from '../../../shared/contract'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import type { ItemState } from '../../../shared/states'

/** A song's state: in the library wins, else its newest sync item's state, else never synced. */
const SONG_STATE_SQL = `CASE
  WHEN EXISTS (SELECT 1 FROM local_files f WHERE f.song_id = ps.song_id AND f.active = 1)
    THEN 'in_library'
  ELSE coalesce((SELECT i.state FROM stage_items i WHERE i.song_id = ps.song_id
                 ORDER BY i.id DESC LIMIT 1), 'not_synced')
END`

interface PlaylistRecord {
  id: number
  name: string
  sourceFormat: string | null
  platform: string | null
  importedAt: number
  lastSyncedAt: number | null
  removalPolicy: RemovalPolicy
}

/** Every playlist with how many of its songs are in each state. */
export function playlistSummaries(db: CatalogDatabase): PlaylistSummary[] {
  const playlists = db
    .prepare<[], PlaylistRecord>(
      `SELECT id, name, source_format AS sourceFormat, platform, imported_at AS importedAt,
              last_synced_at AS lastSyncedAt, removal_policy AS removalPolicy
       FROM playlists ORDER BY name COLLATE NOCASE, id`,
    )
    .all()
  const counts = db
    .prepare<[], { playlistId: number; state: SongState; n: number }>(
      `SELECT ps.playlist_id AS playlistId, ${SONG_STATE_SQL} AS state, count(*) AS n
       FROM playlist_songs ps GROUP BY 1, 2`,
    )
    .all()
  return playlists.map((playlist) => {
    const mine = counts.filter((row) => row.playlistId === playlist.id)
    return {
      ...playlist,
      songs: mine.reduce((sum, row) => sum + row.n, 0),
      counts: Object.fromEntries(mine.map((row) => [row.state, row.n])),
    }
  })
}

export interface SongsQuery {
  playlistId: number
  offset: number
  limit: number
  search?: string
}

interface SongRecord {
  songId: number
  position: number
  name: string
  singers: string
  album: string | null
  durationMs: number | null
  source: string | null
  sizeBytes: number | null
  root: string | null
  relativePath: string | null
  itemState: ItemState | null
  message: string | null
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** One page of a playlist's songs, in playlist order, optionally filtered by a search text. */
export function playlistSongs(db: CatalogDatabase, query: SongsQuery): PlaylistSongsPage {
  const search = query.search?.trim() ? likePattern(query.search.trim()) : null
  const filter = search
    ? `AND (s.name LIKE @search ESCAPE '\\' OR s.singers LIKE @search ESCAPE '\\'
            OR s.album LIKE @search ESCAPE '\\')`
    : ''
  const params = { playlistId: query.playlistId, search }
  const total = db
    .prepare<[typeof params], { n: number }>(
      `SELECT count(*) AS n FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id
       WHERE ps.playlist_id = @playlistId ${filter}`,
    )
    .get(params)
  const rows = db
    .prepare<[typeof params & { limit: number; offset: number }], SongRecord>(
      `SELECT s.id AS songId, ps.position, s.name, s.singers, s.album, s.duration_ms AS durationMs,
              f.source_id AS source, coalesce(f.size_bytes, s.file_size_bytes) AS sizeBytes,
              b.root, f.relative_path AS relativePath, i.state AS itemState, i.message
       FROM playlist_songs ps
       JOIN songs s ON s.id = ps.song_id
       LEFT JOIN local_files f ON f.id = (SELECT max(id) FROM local_files
                                          WHERE song_id = s.id AND active = 1)
       LEFT JOIN storage_backends b ON b.id = f.backend_id
       LEFT JOIN stage_items i ON i.id = (SELECT max(id) FROM stage_items WHERE song_id = s.id)
       WHERE ps.playlist_id = @playlistId ${filter}
       ORDER BY ps.position LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset })
  return { total: total?.n ?? 0, songs: rows.map(toSongRow) }
}

function toSongRow(row: SongRecord): PlaylistSongRow {
  const { root, relativePath, itemState, ...rest } = row
  const localPath = root !== null && relativePath !== null ? join(root, relativePath) : null
  return { ...rest, localPath, state: localPath ? 'in_library' : (itemState ?? 'not_synced') }
}
