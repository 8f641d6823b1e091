import { basename, extname } from 'node:path'
import type { SongInput } from '../catalog'
import type { ExportFormat, ParsedTrack } from '../importers'
export interface TrackContext {
  format: ExportFormat
  platform: string | null
  /** Absolute folder of the playlist file: relative locations are relative to it (none for uploads). */
  playlistDir: string | null
}

/** A location's last path segment without its extension, as players name untitled entries. */
function titleFromLocation(track: ParsedTrack): string | null {
  const path = track.localPath ?? track.location
  if (!path) return null
  let last = path.split(/[\\/]/).filter(Boolean).pop() ?? ''
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path))
      last = decodeURIComponent(new URL(path).pathname.split('/').pop() ?? '')
  } catch {
    // An unparseable URL keeps its raw last segment.
  }
  const name = basename(last, extname(last)).trim()
  return name || null
}

function extensionOf(track: ParsedTrack): string | null {
  const ext = extname(track.localPath ?? '')
    .slice(1)
    .toLowerCase()
  return /^[a-z0-9]{1,5}$/.test(ext) ? ext : null
}

/**
 * The catalog song for one exported track. Source ids are namespaced by platform (or by the
 * format when the export names no platform).
 */
export function trackToSong(track: ParsedTrack, context: TrackContext): SongInput {
  // Title, artists, album, duration, ids and ISRC have their own columns; the snapshot keeps
  // the rest of what the export said, which resolving may need later.
  const metadata: Record<string, unknown> = {
    format: context.format,
    platform: context.platform,
    location: track.location,
    localPath: track.localPath,
    playlistDir: context.playlistDir,
  }
  if (Object.keys(track.extra).length > 0) metadata.extra = track.extra
  // A name made from the file name is no title to write into the file's tags.
  if (track.title === null) metadata.titleGuessed = true
  return {
    name: track.title ?? titleFromLocation(track) ?? 'Untitled',
    artists: track.artists,
    album: track.album,
    durationMs: track.durationMs,
    isrc: track.isrc ?? null,
    platform: track.sourceId ? (context.platform ?? context.format) : null,
    externalId: track.sourceId,
    ext: extensionOf(track),
    metadata,
  }
}
