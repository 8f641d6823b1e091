import { cellAt, columnIndex, rectangularRows, snapshotOf } from './csv-table'
import type { CsvTable, RowSnapshot } from './csv-table'
import { FormatProblem } from './errors'
import { buildTrack, cleanText, singleArtist } from './normalize-fields'
import type { ParsedBody, ParsedPlaylist, ParsedTrack } from './types'

// 'Spotify - id', 'Apple Music - id': the service whose catalogue the ids belong to.
const SERVICE_ID_COLUMN = /^(.+?)\s+-\s+id$/i

interface Columns {
  title: number
  artist: number | undefined
  album: number | undefined
  playlist: number | undefined
  isrc: number | undefined
  sourceId: number | undefined
}

function columnsOf(header: readonly string[]): Columns {
  const index = columnIndex(header)
  const title = index.get('track name')
  if (title === undefined) {
    throw new FormatProblem("missing column 'Track name'", { line: 1 })
  }
  const sourceId = header.findIndex((name) => SERVICE_ID_COLUMN.test(name))
  return {
    title,
    artist: index.get('artist name'),
    album: index.get('album'),
    playlist: index.get('playlist name'),
    isrc: index.get('isrc'),
    sourceId: sourceId === -1 ? undefined : sourceId,
  }
}

/** 'Apple Music' → 'apple_music', the platform key the catalogue dedupes ids under. */
function platformOf(header: readonly string[], columns: Columns): string | null {
  if (columns.sourceId === undefined) return null
  const service = SERVICE_ID_COLUMN.exec(header[columns.sourceId] ?? '')?.[1] ?? ''
  const key = service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  return key === '' ? null : key
}

function tuneMyMusicTrack(row: string[], columns: Columns, snapshot: RowSnapshot): ParsedTrack {
  return buildTrack({
    title: cellAt(row, columns.title),
    artists: singleArtist(cellAt(row, columns.artist)),
    album: cellAt(row, columns.album),
    durationMs: null,
    sourceId: cellAt(row, columns.sourceId),
    isrc: cellAt(row, columns.isrc),
    extra: snapshot(row),
  })
}

/** TuneMyMusic / Soundiiz-style CSV: rows grouped into playlists by 'Playlist name'. */
export function parseTuneMyMusicCsv(table: CsvTable): ParsedBody {
  const columns = columnsOf(table.header)
  const snapshot = snapshotOf(table.header, Object.values(columns))
  const playlists = new Map<string | null, ParsedPlaylist>()
  for (const row of rectangularRows(table)) {
    const name = cleanText(columns.playlist === undefined ? null : row[columns.playlist])
    let playlist = playlists.get(name)
    if (!playlist) {
      playlist = { name, tracks: [] }
      playlists.set(name, playlist)
    }
    playlist.tracks.push(tuneMyMusicTrack(row, columns, snapshot))
  }
  // A header with no rows is still one (empty) playlist, as for every other format.
  const list = playlists.size === 0 ? [{ name: null, tracks: [] }] : [...playlists.values()]
  return { platform: platformOf(table.header, columns), playlists: list }
}
