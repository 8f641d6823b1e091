import { z } from 'zod'
import type { Candidate } from '../../matching'
import type { SubsonicBody } from './subsonic-response'

/** A search3 song as a matching candidate, with what a download needs. */
export interface SubsonicCandidate extends Candidate {
  suffix: string | null
  sizeBytes: number | null
  contentType: string | null
  /** The id `getCoverArt` takes for the song's picture. */
  coverArt: string | null
}

// Ids are strings in most servers and numbers in a few; OpenSubsonic adds `artists` and `isrc`.
const id = z.union([z.string().min(1), z.number()]).transform(String)
const songSchema = z.object({
  id,
  title: z.string(),
  artist: z.string().optional(),
  artists: z.array(z.object({ name: z.string() })).optional(),
  album: z.string().optional(),
  duration: z.number().optional(),
  size: z.number().optional(),
  suffix: z.string().optional(),
  contentType: z.string().optional(),
  coverArt: id.optional(),
  isrc: z.array(z.string()).optional(),
  isDir: z.boolean().optional(),
  isVideo: z.boolean().optional(),
})

// Servers leave empty lists out altogether (`"searchResult3": {}`), never `[]`.
const searchResultSchema = z.object({
  searchResult3: z.object({ song: z.array(z.unknown()).optional() }).optional(),
})

/** The songs of a search3 response; entries that are folders, videos or malformed are skipped. */
export function searchSongs(body: SubsonicBody): SubsonicCandidate[] {
  const parsed = searchResultSchema.safeParse(body)
  const entries = parsed.success ? (parsed.data.searchResult3?.song ?? []) : []
  return entries.flatMap((entry) => {
    const song = songSchema.safeParse(entry)
    if (!song.success || song.data.isDir === true || song.data.isVideo === true) return []
    return [toCandidate(song.data)]
  })
}

function toCandidate(song: z.infer<typeof songSchema>): SubsonicCandidate {
  const artists = song.artists?.map((artist) => artist.name).filter(Boolean)
  return {
    trackId: song.id,
    title: song.title,
    artists: artists && artists.length > 0 ? artists : song.artist ? [song.artist] : [],
    album: song.album ?? null,
    durationMs: song.duration !== undefined ? Math.round(song.duration * 1000) : null,
    isrc: song.isrc?.[0] ?? null,
    suffix: song.suffix?.toLowerCase() ?? null,
    sizeBytes: song.size ?? null,
    contentType: song.contentType ?? null,
    coverArt: song.coverArt ?? null,
  }
}
