import { FormatProblem } from './errors'
import {
  buildTrack,
  cleanSourceId,
  cleanText,
  durationFromMs,
  singleArtist,
} from './normalize-fields'
import { isPlistDict, plainValue, readPlist } from './plist-reader'
import type { PlistDict } from './plist-reader'
import type { ParsedBody, ParsedPlaylist, ParsedTrack } from './types'

const MAPPED = new Set(['Name', 'Artist', 'Album', 'Total Time', 'Location', 'Persistent ID'])

/** The master library, built-in lists ("Music", "Podcasts", ...) and folders are not playlists. */
function isUserPlaylist(playlist: PlistDict): boolean {
  return (
    playlist.get('Master') !== true &&
    !playlist.has('Distinguished Kind') &&
    playlist.get('Folder') !== true
  )
}

function snapshotOf(track: PlistDict): Record<string, unknown> {
  const kept = [...track].filter(([key]) => !MAPPED.has(key))
  return Object.fromEntries(kept.map(([key, value]) => [key, plainValue(value)]))
}

function itunesTrack(track: PlistDict): ParsedTrack {
  return buildTrack({
    title: track.get('Name'),
    artists: singleArtist(track.get('Artist')),
    album: track.get('Album'),
    durationMs: durationFromMs(track.get('Total Time')),
    location: track.get('Location'),
    sourceId: track.get('Persistent ID'),
    extra: snapshotOf(track),
  })
}

/** Items follow 'Playlist Items'; an item whose track the library lacks is skipped. */
function itunesPlaylist(playlist: PlistDict, library: PlistDict): ParsedPlaylist {
  const items = playlist.get('Playlist Items')
  const tracks: ParsedTrack[] = []
  for (const item of Array.isArray(items) ? items : []) {
    const id = isPlistDict(item) ? item.get('Track ID') : undefined
    const track = id === undefined ? undefined : library.get(String(id))
    if (isPlistDict(track)) tracks.push(itunesTrack(track))
  }
  return {
    name: cleanText(playlist.get('Name')),
    sourceId: cleanSourceId(playlist.get('Playlist Persistent ID')),
    tracks,
  }
}

/** iTunes / Apple Music library XML: every user playlist in it. */
export function parseItunesXml(text: string): ParsedBody {
  const library = readPlist(text)
  if (!isPlistDict(library)) {
    throw new FormatProblem('the plist root is not a <dict>: not an iTunes library')
  }
  const playlists = library.get('Playlists')
  if (!Array.isArray(playlists)) {
    throw new FormatProblem("no 'Playlists' array: not an iTunes library", { field: 'Playlists' })
  }
  const tracks = library.get('Tracks')
  const byId: PlistDict = isPlistDict(tracks) ? tracks : new Map()
  return {
    platform: 'itunes',
    playlists: playlists
      .filter(isPlistDict)
      .filter(isUserPlaylist)
      .map((p) => itunesPlaylist(p, byId)),
  }
}
