import type { CatalogDatabase } from '../db'
import type { JsonObject } from '../catalog'
import type { ItemState } from '../../../shared/states'
import type { DownloadRow } from './types'

interface DownloadRowRecord {
  item_id: number
  stage_id: number
  job_id: number
  item_state: ItemState
  attempts: number
  song_id: number
  playlist_id: number | null
  playlist_name: string | null
  name: string
  singers: string
  artists_json: string
  album: string | null
  duration_ms: number | null
  isrc: string | null
  platform: string | null
  external_id: string | null
  ext: string | null
  file_size_bytes: number | null
  metadata_json: string
}

/** The joined song + playlist row a worker needs for one item, or null if there is no item. */
export function buildDownloadRow(db: CatalogDatabase, itemId: number): DownloadRow | null {
  const record = db
    .prepare<[number], DownloadRowRecord>(
      `SELECT i.id AS item_id, i.stage_id, i.job_id, i.state AS item_state, i.attempts,
              s.id AS song_id, i.playlist_id, p.name AS playlist_name, s.name, s.singers,
              s.artists_json, s.album, s.duration_ms, s.isrc, s.platform, s.external_id, s.ext,
              s.file_size_bytes, s.metadata_json
       FROM stage_items i
       JOIN songs s ON s.id = i.song_id
       LEFT JOIN playlists p ON p.id = i.playlist_id
       WHERE i.id = ?`,
    )
    .get(itemId)
  if (!record) return null
  return {
    itemId: record.item_id,
    stageId: record.stage_id,
    jobId: record.job_id,
    itemState: record.item_state,
    attempts: record.attempts,
    songId: record.song_id,
    playlistId: record.playlist_id,
    playlistName: record.playlist_name,
    name: record.name,
    singers: record.singers,
    artists: JSON.parse(record.artists_json) as string[],
    album: record.album,
    durationMs: record.duration_ms,
    isrc: record.isrc,
    platform: record.platform,
    externalId: record.external_id,
    ext: record.ext,
    fileSizeBytes: record.file_size_bytes,
    metadata: JSON.parse(record.metadata_json) as JsonObject,
  }
}

/** `Title / Singers`, the text every worker card and log line shows for a song. */
export function displayText(row: Pick<DownloadRow, 'name' | 'singers'>): string {
  return row.singers ? `${row.name} / ${row.singers}` : row.name
}

/** `displayText` in SQL, over a `songs s` join, for the pages that list many items. */
export const DISPLAY_TEXT_SQL = `CASE WHEN s.singers = '' THEN s.name ELSE s.name || ' / ' || s.singers END`
