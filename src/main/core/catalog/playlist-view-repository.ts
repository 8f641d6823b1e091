import { join } from 'node:path'
import type { CatalogDatabase } from '../db'
import type { PlaylistRepository } from './playlist-repository'
import type { Playlist } from './types'
import type {
  PlaylistSongRow,
  PlaylistSongsPage,
  PlaylistSummary,
  SongState,
} from '../../../shared/contract'

/** A song's state: in the library wins, else its newest sync item's state, else never synced. */
const SONG_STATE_SQL = `CASE
  WHEN EXISTS (SELECT 1 FROM local_files f WHERE f.song_id = ps.song_id AND f.active = 1)
    THEN 'in_library'
  ELSE coalesce((SELECT i.state FROM stage_items i WHERE i.song_id = ps.song_id
                 ORDER BY i.id DESC LIMIT 1), 'not_synced')
END`

/** The playlists and their songs as a window lists them, each song with its derived state. */
export class PlaylistViewRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly playlists: PlaylistRepository,
  ) {}

  /** Every playlist, by name, with how many of its songs are in each state. */
  summaries(): PlaylistSummary[] {
    return playlistSummaries(this.db, this.playlists.listPlaylists())
  }

  /** One page of a playlist's songs in playlist order, optionally filtered by text and state. */
  songsPage(query: SongsQuery): PlaylistSongsPage {
    return playlistSongs(this.db, query)
  }
}

function playlistSummaries(db: CatalogDatabase, playlists: readonly Playlist[]): PlaylistSummary[] {
  const counts = db
    .prepare<[], { playlistId: number; state: SongState; n: number }>(
      `SELECT ps.playlist_id AS playlistId, ${SONG_STATE_SQL} AS state, count(*) AS n
       FROM playlist_songs ps GROUP BY 1, 2`,
    )
    .all()
  return playlists.map((playlist) => {
    const mine = counts.filter((row) => row.playlistId === playlist.id)
    // A window has no use for the export's path on disk or the platform's playlist id.
    return {
      id: playlist.id,
      name: playlist.name,
      sourceFormat: playlist.sourceFormat,
      platform: playlist.platform,
      importedAt: playlist.importedAt,
      lastSyncedAt: playlist.lastSyncedAt,
      removalPolicy: playlist.removalPolicy,
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
  state?: SongState
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
  state: SongState
  message: string | null
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

const SEARCH_SQL = `AND (s.name LIKE @search ESCAPE '\\' OR s.singers LIKE @search ESCAPE '\\'
            OR s.album LIKE @search ESCAPE '\\')`

/** The songs' positions, each with its newest active file and newest item, and its state. */
const withStateSql = (where: string) => `SELECT ps.position, s.id AS songId, s.name, s.singers,
         s.album, s.duration_ms AS durationMs, f.source_id AS source,
         coalesce(f.size_bytes, s.file_size_bytes) AS sizeBytes, b.root,
         f.relative_path AS relativePath, i.message,
         CASE WHEN b.root IS NOT NULL THEN 'in_library'
              ELSE coalesce(i.state, 'not_synced') END AS state
  FROM playlist_songs ps
  JOIN songs s ON s.id = ps.song_id
  LEFT JOIN local_files f ON f.id = (SELECT max(id) FROM local_files
                                     WHERE song_id = s.id AND active = 1)
  LEFT JOIN storage_backends b ON b.id = f.backend_id
  LEFT JOIN stage_items i ON i.id = (SELECT max(id) FROM stage_items WHERE song_id = s.id)
  ${where}`

function playlistSongs(db: CatalogDatabase, query: SongsQuery): PlaylistSongsPage {
  const search = query.search?.trim() ? likePattern(query.search.trim()) : null
  const where = `WHERE ps.playlist_id = @playlistId ${search ? SEARCH_SQL : ''}`
  const matching = `FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id ${where}`
  const params = { playlistId: query.playlistId, search, state: query.state ?? null }
  const page = { ...params, limit: query.limit, offset: query.offset }
  // The state is derived per song, so filtering by it derives every song's; without that filter
  // only the page's songs are looked up, which keeps a 50,000-song playlist quick to scroll.
  const [countSql, pageSql] = query.state
    ? [
        `SELECT count(*) AS n FROM (${withStateSql(where)}) WHERE state = @state`,
        `SELECT * FROM (${withStateSql(where)}) WHERE state = @state
         ORDER BY position LIMIT @limit OFFSET @offset`,
      ]
    : [
        `SELECT count(*) AS n ${matching}`,
        `${withStateSql(`WHERE ps.playlist_id = @playlistId AND ps.position IN
           (SELECT ps.position ${matching} ORDER BY ps.position LIMIT @limit OFFSET @offset)`)}
         ORDER BY ps.position`,
      ]
  const total = db.prepare<[typeof params], { n: number }>(countSql).get(params)
  const songs = db.prepare<[typeof page], SongRecord>(pageSql).all(page)
  return { total: total?.n ?? 0, songs: songs.map(toSongRow) }
}

function toSongRow(row: SongRecord): PlaylistSongRow {
  const { root, relativePath, ...rest } = row
  const localPath = root !== null && relativePath !== null ? join(root, relativePath) : null
  return { ...rest, localPath }
}
