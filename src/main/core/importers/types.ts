export type ExportFormat =
  | 'm3u'
  | 'm3u8'
  | 'xspf'
  | 'jspf'
  | 'exportify_csv'
  | 'tunemymusic_csv'
  | 'itunes_xml'
  | 'netease_json'
  | 'qq_json'

export interface ParsedTrack {
  title: string | null
  artists: string[]
  album: string | null
  durationMs: number | null
  location: string | null
  localPath: string | null
  sourceId: string | null
  isrc?: string | null
  /** Everything else the export said about the track, kept as a snapshot. */
  extra: Record<string, unknown>
}

export interface ParsedPlaylist {
  name: string | null
  sourceId?: string | null
  /** Ids the export listed without their track details (anonymous NetEase responses). */
  unresolvedTrackIds?: string[]
  tracks: ParsedTrack[]
}

export interface ParsedExport {
  file: string
  format: ExportFormat
  /** e.g. 'spotify', 'netease', 'qq', 'itunes', 'listenbrainz'; null when the export names none. */
  platform: string | null
  playlists: ParsedPlaylist[]
}

/** What a format parser yields; the caller adds the file and the format. */
export interface ParsedBody {
  platform: string | null
  playlists: ParsedPlaylist[]
}
