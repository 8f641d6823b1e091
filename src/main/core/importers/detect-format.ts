import { FormatProblem } from './errors'
import { isRecord, looksLikeJsonp, serviceError, serviceMessage } from './json-document'
import type { JsonRecord } from './json-document'
import type { ExportFormat } from './types'
import type { XmlRoot } from './xml-reader'

export type Container = 'xml' | 'json' | 'csv' | 'm3u'

const EXPORTIFY_COLUMNS = [
  'track uri',
  'artist name(s)',
  'album name',
  'track duration (ms)',
  'duration (ms)',
]
const TUNEMYMUSIC_COLUMNS = ['playlist name', 'artist name', 'track name']
const SERVICE_ID_COLUMN = /^.+ - id$/i
const KNOWN_CSV_COLUMNS = new Set([...EXPORTIFY_COLUMNS, ...TUNEMYMUSIC_COLUMNS])

const CONTAINER_BY_EXTENSION: Record<string, Container> = {
  '.csv': 'csv',
  '.m3u': 'm3u',
  '.m3u8': 'm3u',
  '.xml': 'xml',
  '.xspf': 'xml',
  '.json': 'json',
  '.jspf': 'json',
}

/** The first line, looked for only near the start: junk without line breaks can be huge. */
function firstLine(text: string): string {
  const head = text.slice(0, 65_536)
  const end = head.search(/[\r\n]/)
  return end === -1 ? head : head.slice(0, end)
}

function hasKnownCsvHeader(line: string): boolean {
  const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase())
  return cells.length > 1 && cells.some((cell) => KNOWN_CSV_COLUMNS.has(cell))
}

/**
 * The kind of container, from the content first; the extension only decides for plain
 * text that says nothing about itself (an M3U without #EXTM3U) or for an unreadable file.
 */
export function sniffContainer(text: string, extension: string): Container {
  const start = text.trimStart()
  const head = start.charAt(0)
  if (head === '<') return 'xml'
  // No supported export is a top-level JSON array, and "[Live] Song.mp3" is an M3U entry.
  if (head === '{' || looksLikeJsonp(start)) return 'json'
  if (head === '#') return 'm3u'
  if (hasKnownCsvHeader(firstLine(start))) return 'csv'
  const byExtension = CONTAINER_BY_EXTENSION[extension]
  if (byExtension) return byExtension
  throw new FormatProblem('not a playlist export in any supported format')
}

export function xmlFormatOf(root: XmlRoot): ExportFormat {
  if (root.local === 'playlist') return 'xspf'
  if (root.local === 'plist') return 'itunes_xml'
  throw new FormatProblem(
    `XML root element <${root.local}> is neither an XSPF <playlist> nor an iTunes <plist>`,
  )
}

export function csvFormatOf(header: readonly string[]): ExportFormat {
  const names = new Set(header.map((name) => name.toLowerCase()))
  if (EXPORTIFY_COLUMNS.some((name) => names.has(name))) return 'exportify_csv'
  if (TUNEMYMUSIC_COLUMNS.some((name) => names.has(name))) {
    // 'Track Name' alone is Exportify's spelling, 'Track name' TuneMyMusic's.
    return header.includes('Track Name') ? 'exportify_csv' : 'tunemymusic_csv'
  }
  if (header.some((name) => SERVICE_ID_COLUMN.test(name))) return 'tunemymusic_csv'
  throw new FormatProblem(
    "CSV header has none of the columns of an Exportify or TuneMyMusic export (such as 'Track Name')",
    { line: 1 },
  )
}

/** Which JSON export this is; error bodies from the services get their own message. */
export function jsonFormatOf(value: JsonRecord): ExportFormat {
  if ('cdlist' in value || 'subcode' in value) return 'qq_json'
  const playlist = value.playlist
  if (isRecord(playlist)) {
    const netease = 'code' in value || 'tracks' in playlist || 'trackIds' in playlist
    return netease ? 'netease_json' : 'jspf'
  }
  if ('code' in value && value.code !== 0 && value.code !== 200) {
    throw serviceError('the service', value)
  }
  if (value.code === 200) return 'netease_json'
  if (value.code === 0) return 'qq_json'
  const message = serviceMessage(value)
  const detail = message === null ? '' : ` (it says: ${message})`
  throw new FormatProblem(`JSON is not a playlist in any supported format${detail}`)
}
