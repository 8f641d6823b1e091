import { z } from 'zod'
import type { Candidate } from './candidate'

/**
 * The fields of one `yt-dlp -j` search result the matcher reads. YouTube Music's "Artist -
 * Topic" uploads also carry `track`, `artist`/`artists` and `album`; plain videos only a title
 * and the channel or uploader.
 */
export const videoResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  channel: z.string().nullish(),
  uploader: z.string().nullish(),
  duration: z.number().nullish(),
  track: z.string().nullish(),
  artist: z.string().nullish(),
  artists: z.array(z.string()).nullish(),
  album: z.string().nullish(),
})
export type VideoResult = z.infer<typeof videoResultSchema>

/**
 * A search result as a candidate. Artists come only from the site's own tags: a plain video's
 * "Artist - Title" is left whole, as the scorer looks for the query's artists anywhere in it
 * and cannot be misled by "Title - Artist" or "Cover Singer - Title".
 */
export function videoCandidate(result: VideoResult): Candidate {
  const artists = result.artists ?? (result.artist ? result.artist.split(/\s*,\s*/u) : [])
  return {
    trackId: result.id,
    title: result.track ?? result.title,
    artists: artists.filter(Boolean),
    album: result.album ?? null,
    durationMs: result.duration ? Math.round(result.duration * 1000) : null,
    channel: result.channel ?? result.uploader ?? '',
  }
}
