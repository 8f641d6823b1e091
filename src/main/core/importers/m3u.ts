import { FormatProblem } from './errors'
import { buildTrack, cleanText, durationFromSeconds, singleArtist } from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'

// Longer than any path or stream URL: a line this long is junk, not an entry.
const MAX_LINE_LENGTH = 65_536
const EXTINF = /^#EXTINF:/i
const PLAYLIST = /^#PLAYLIST:/i
const DIRECTIVE = /^#EXT/i
const HEADER = /^#EXTM3U\b/i

interface EntryInfo {
  title: string | null
  artists: string[]
  durationMs: number | null
  attributes: string | null
}

/** `#EXTINF:<duration>[ attributes],<display>`; the display splits at its first " - ". */
export function parseExtinf(value: string): EntryInfo {
  const comma = value.indexOf(',')
  const head = (comma === -1 ? value : value.slice(0, comma)).trim()
  const display = comma === -1 ? '' : value.slice(comma + 1)
  // IPTV-style lists put attributes after the duration: `-1 tvg-id="x"`.
  const space = head.search(/\s/)
  const duration = space === -1 ? head : head.slice(0, space)
  const attributes = space === -1 ? null : head.slice(space).trim()
  const dash = display.indexOf(' - ')
  return {
    title: cleanText(dash === -1 ? display : display.slice(dash + 3)),
    artists: dash === -1 ? [] : singleArtist(display.slice(0, dash)),
    durationMs: durationFromSeconds(duration),
    attributes,
  }
}

function entryTrack(location: string, info: EntryInfo | null, directives: string[]): ParsedTrack {
  const extra: Record<string, unknown> = {}
  if (info?.attributes) extra.extinfAttributes = info.attributes
  if (directives.length > 0) extra.directives = directives
  return buildTrack({
    title: info?.title ?? null,
    artists: info?.artists ?? [],
    durationMs: info?.durationMs ?? null,
    location,
    extra,
  })
}

/** M3U and extended M3U8: one entry per non-comment line, described by the #EXTINF before it. */
export function parseM3u(text: string): ParsedBody {
  const tracks: ParsedTrack[] = []
  let name: string | null | undefined
  let info: EntryInfo | null = null
  let directives: string[] = []
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = raw.trim()
    if (line.length > MAX_LINE_LENGTH) {
      throw new FormatProblem(`line is ${line.length} characters long: not a playlist entry`, {
        line: index + 1,
      })
    }
    if (line === '') continue
    if (!line.startsWith('#')) {
      tracks.push(entryTrack(line, info, directives))
      info = null
      directives = []
    } else if (EXTINF.test(line)) {
      info = parseExtinf(line.slice('#EXTINF:'.length))
    } else if (PLAYLIST.test(line)) {
      if (name === undefined) name = cleanText(line.slice('#PLAYLIST:'.length))
    } else if (DIRECTIVE.test(line) && !HEADER.test(line)) {
      directives.push(line)
    }
  }
  return { platform: null, playlists: [{ name: name ?? null, tracks }] }
}
