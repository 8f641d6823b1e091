import type { DownloadRow } from '../ops'
import type { SongQuery } from '../matching'
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/** What the sources get to search with: the catalog song plus the export's own location. */
export function songQuery(row: DownloadRow): SongQuery {
  return {
    title: row.name,
    artists: row.artists,
    album: row.album,
    durationMs: row.durationMs,
    isrc: row.isrc,
    sourceId: row.externalId,
    platform: row.platform,
    location: text(row.metadata.location),
    playlistDir: text(row.metadata.playlistDir),
  }
}
