import { FormatProblem } from './errors'
import { isRecord, serviceError } from './json-document'
import type { JsonRecord } from './json-document'
import {
  buildTrack,
  cleanArtists,
  cleanSourceId,
  cleanText,
  durationFromMs,
  otherFields,
} from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'

// ar/al stay in the snapshot whole: they carry the artist and album ids.
const MAPPED = new Set(['name', 'id', 'dt', 'duration'])

function names(value: unknown): unknown[] {
  return Array.isArray(value)
    ? value.map((item: unknown) => (isRecord(item) ? item.name : null))
    : []
}

/** The current API writes ar/al/dt; older responses wrote artists/album/duration. */
function neteaseTrack(track: JsonRecord): ParsedTrack {
  const album = track.al ?? track.album
  return buildTrack({
    title: track.name,
    artists: cleanArtists(names(track.ar ?? track.artists)),
    album: isRecord(album) ? album.name : null,
    durationMs: durationFromMs(track.dt ?? track.duration),
    sourceId: track.id,
    extra: otherFields(track, MAPPED),
  })
}

function trackRecords(playlist: JsonRecord): JsonRecord[] {
  const tracks = playlist.tracks ?? []
  if (!Array.isArray(tracks)) {
    throw new FormatProblem('is not an array', { field: 'playlist.tracks' })
  }
  return tracks.map((track: unknown, i) => {
    if (!isRecord(track)) {
      throw new FormatProblem('is not an object', { field: `playlist.tracks[${i}]` })
    }
    return track
  })
}

/** Anonymous responses list every id in trackIds but details only for the first songs. */
function unresolvedIds(playlist: JsonRecord, tracks: readonly ParsedTrack[]): string[] {
  const known = new Set(tracks.map((track) => track.sourceId))
  const ids = Array.isArray(playlist.trackIds) ? playlist.trackIds : []
  return ids
    .map((entry: unknown) => cleanSourceId(isRecord(entry) ? entry.id : entry))
    .filter((id): id is string => id !== null && !known.has(id))
}

/** NetEase Cloud Music playlist-detail response. */
export function parseNeteaseJson(document: JsonRecord): ParsedBody {
  if ('code' in document && document.code !== 200) throw serviceError('NetEase', document)
  const playlist = document.playlist
  if (!isRecord(playlist)) {
    throw new FormatProblem("response has no 'playlist' object", { field: 'playlist' })
  }
  const tracks = trackRecords(playlist).map(neteaseTrack)
  return {
    platform: 'netease',
    playlists: [
      {
        name: cleanText(playlist.name),
        sourceId: cleanSourceId(playlist.id),
        unresolvedTrackIds: unresolvedIds(playlist, tracks),
        tracks,
      },
    ],
  }
}
