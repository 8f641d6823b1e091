import { FormatProblem } from './errors'
import { isRecord } from './json-document'
import type { JsonRecord } from './json-document'
import {
  buildTrack,
  cleanSourceId,
  cleanText,
  durationFromMs,
  otherFields,
  singleArtist,
} from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'

const LISTENBRAINZ_PLAYLIST = 'https://musicbrainz.org/doc/jspf#playlist'
const LISTENBRAINZ_TRACK = 'https://musicbrainz.org/doc/jspf#track'
const MAPPED = new Set(['title', 'creator', 'album', 'duration', 'location', 'identifier'])

/** The spec makes location and identifier arrays of strings; a bare string is accepted too. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

function jspfTrack(track: JsonRecord): ParsedTrack {
  const locations = strings(track.location)
  const identifiers = strings(track.identifier)
  const extra = otherFields(track, MAPPED)
  // A second location or identifier is a fallback worth keeping in the snapshot.
  if (locations.length > 1) extra.location = locations
  if (identifiers.length > 1) extra.identifier = identifiers
  return buildTrack({
    title: track.title,
    artists: singleArtist(track.creator),
    album: track.album,
    durationMs: durationFromMs(track.duration),
    location: locations[0],
    sourceId: identifiers[0],
    extra,
  })
}

function isListenBrainz(playlist: JsonRecord, tracks: readonly JsonRecord[]): boolean {
  const hasExtension = (item: JsonRecord, key: string): boolean =>
    isRecord(item.extension) && key in item.extension
  return (
    hasExtension(playlist, LISTENBRAINZ_PLAYLIST) ||
    tracks.some((track) => hasExtension(track, LISTENBRAINZ_TRACK))
  )
}

function trackRecords(playlist: JsonRecord): JsonRecord[] {
  const tracks = playlist.track ?? []
  if (!Array.isArray(tracks)) {
    throw new FormatProblem('is not an array', { field: 'playlist.track' })
  }
  return tracks.map((track: unknown, i) => {
    if (!isRecord(track)) {
      throw new FormatProblem('is not an object', { field: `playlist.track[${i}]` })
    }
    return track
  })
}

/** JSPF, XSPF's JSON form, including ListenBrainz exports (whose extensions are ignored). */
export function parseJspf(document: JsonRecord): ParsedBody {
  const playlist = document.playlist
  if (!isRecord(playlist)) {
    throw new FormatProblem("JSON has no 'playlist' object", { field: 'playlist' })
  }
  const records = trackRecords(playlist)
  return {
    platform: isListenBrainz(playlist, records) ? 'listenbrainz' : null,
    playlists: [
      {
        name: cleanText(playlist.title),
        sourceId: cleanSourceId(strings(playlist.identifier)[0]),
        tracks: records.map(jspfTrack),
      },
    ],
  }
}
