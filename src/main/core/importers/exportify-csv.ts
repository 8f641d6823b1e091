import { cellAt, columnIndex, rectangularRows, snapshotOf } from './csv-table'
import type { CsvTable, RowSnapshot } from './csv-table'
import { FormatProblem } from './errors'
import { buildTrack, cleanArtists, durationFromMs } from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'

// exportify.app escapes a comma inside one name as "\,"; names are joined with ", ".
const APP_ARTIST_SEPARATOR = /(?<!\\), /
const ESCAPED_COMMA = /\\,/g

type Variant = 'app' | 'net'

interface Columns {
  uri: number | undefined
  title: number
  artists: number | undefined
  album: number | undefined
  duration: number | undefined
  isrc: number | undefined
}

/**
 * exportify.app (watsonbox) writes 'Track Duration (ms)' and quotes every cell;
 * exportify.net (pavelkomarov) writes 'Duration (ms)' in a bare header.
 */
function variantOf(table: CsvTable, index: Map<string, number>): Variant {
  if (index.has('track duration (ms)')) return 'app'
  if (index.has('duration (ms)')) return 'net'
  return table.headerQuoted ? 'app' : 'net'
}

function columnsOf(index: Map<string, number>): Columns {
  const title = index.get('track name')
  if (title === undefined) {
    throw new FormatProblem("missing column 'Track Name'", { line: 1 })
  }
  return {
    uri: index.get('track uri'),
    title,
    artists: index.get('artist name(s)'),
    album: index.get('album name'),
    duration: index.get('track duration (ms)') ?? index.get('duration (ms)'),
    isrc: index.get('isrc'),
  }
}

export function splitArtists(cell: string, variant: Variant): string[] {
  const names =
    variant === 'app'
      ? cell.split(APP_ARTIST_SEPARATOR).map((name) => name.replace(ESCAPED_COMMA, ','))
      : cell.split(';')
  return cleanArtists(names)
}

function exportifyTrack(
  row: string[],
  columns: Columns,
  variant: Variant,
  snapshot: RowSnapshot,
): ParsedTrack {
  return buildTrack({
    title: cellAt(row, columns.title),
    artists: splitArtists(cellAt(row, columns.artists) ?? '', variant),
    album: cellAt(row, columns.album),
    durationMs: durationFromMs(cellAt(row, columns.duration)),
    sourceId: cellAt(row, columns.uri),
    isrc: cellAt(row, columns.isrc),
    extra: snapshot(row),
  })
}

/** A Spotify playlist exported by Exportify: one playlist, which the file does not name. */
export function parseExportifyCsv(table: CsvTable): ParsedBody {
  const index = columnIndex(table.header)
  const columns = columnsOf(index)
  const variant = variantOf(table, index)
  const snapshot = snapshotOf(table.header, Object.values(columns))
  const tracks = rectangularRows(table).map((row) =>
    exportifyTrack(row, columns, variant, snapshot),
  )
  return { platform: 'spotify', playlists: [{ name: null, tracks }] }
}
