import { z } from 'zod'
import { videoCandidate, type Candidate } from '../../matching'
import { cookieHeaderOf } from './cookie-header'
import { chooseFormat, formatSchema, type Format } from './pick-format'

/** One playable entry the extractor printed, as a matching candidate. */
export interface CommandCandidate extends Candidate {
  url: string
  headers: Record<string, string>
  ext: string | null
  sizeBytes: number | null
  expiresAt: number | null
  /** The names to show for the match, which the scorer's reading leaves whole. */
  shown: { title: string; artists: string[] }
}

const formatList = z
  .array(z.unknown())
  .nullish()
  .transform((list) => (list ?? []).flatMap((value) => parsedFormat(value)))

// yt-dlp's field names: the chosen format's fields sit at the top level, next to the video's.
const entrySchema = formatSchema.extend({
  id: z.union([z.string(), z.number()]).optional(),
  duration: z.number().nullish(),
  title: z.string().nullish(),
  track: z.string().nullish(),
  artist: z.string().nullish(),
  artists: z.array(z.string()).nullish(),
  creator: z.string().nullish(),
  album: z.string().nullish(),
  channel: z.string().nullish(),
  uploader: z.string().nullish(),
  isrc: z.string().nullish(),
  requested_formats: formatList,
  formats: formatList,
})
type Entry = z.infer<typeof entrySchema>

function parsedFormat(value: unknown): Format[] {
  const format = formatSchema.safeParse(value)
  return format.success ? [format.data] : []
}

/**
 * Every entry in the extractor's stdout: one JSON object per line (`yt-dlp -j`) or one with
 * `entries` (`-J`). Lines that are not JSON, and entries offering no audio-only http(s)
 * format, are skipped.
 */
export function parseCommandOutput(stdout: string): CommandCandidate[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.trimStart().startsWith('{'))
    .flatMap((line) => entriesOf(safeJson(line)))
    .flatMap((value, index) => {
      const entry = entrySchema.safeParse(value)
      if (!entry.success) return []
      const format = chooseFormat(entry.data, entry.data.requested_formats, entry.data.formats)
      return format ? [toCandidate(entry.data, format, index)] : []
    })
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return null
  }
}

function entriesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return []
  const entries = 'entries' in value ? value.entries : undefined
  return Array.isArray(entries) ? entries.flatMap(entriesOf) : [value]
}

const ARTIST_TITLE = /^(.+?)\s+[-–—]\s+(.+)$/u

/**
 * The site's tags; else "Artist - Title" split; else the title under the channel's name, as
 * "Adele - Topic" and "AdeleVEVO" are Adele's.
 */
function shownNames(candidate: Candidate): { title: string; artists: string[] } {
  if (candidate.artists.length > 0) return { title: candidate.title, artists: candidate.artists }
  const split = ARTIST_TITLE.exec(candidate.title)
  if (split?.[1] && split[2]) return { title: split[2], artists: [split[1]] }
  const channel = (candidate.channel ?? '')
    .replace(/\s+-\s+Topic$/iu, '')
    .replace(/\s*VEVO$/u, '')
    .trim()
  return { title: candidate.title, artists: channel ? [channel] : [] }
}

function toCandidate(
  entry: Entry,
  format: Format & { url: string },
  index: number,
): CommandCandidate {
  // The matcher's own reading of a video result, so its channel rules apply here too.
  const candidate = videoCandidate({
    id: String(entry.id ?? index),
    title: entry.title ?? entry.track ?? '',
    channel: entry.channel,
    uploader: entry.uploader,
    duration: entry.duration,
    track: entry.track,
    artist: entry.artist ?? entry.creator,
    artists: entry.artists,
    album: entry.album,
  })
  const cookie = cookieHeaderOf(format.cookies ?? entry.cookies)
  return {
    ...candidate,
    isrc: entry.isrc ?? null,
    url: format.url,
    // The format's own headers win: they are the ones its URL was signed for.
    headers: {
      ...entry.http_headers,
      ...format.http_headers,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    ext: format.ext?.toLowerCase() ?? null,
    sizeBytes: format.filesize ?? null,
    expiresAt: expiryOf(format.url),
    shown: shownNames(candidate),
  }
}

/** Signed media URLs (YouTube's among them) carry their expiry as `expire=<epoch seconds>`. */
function expiryOf(url: string): number | null {
  const expire = Number(new URL(url).searchParams.get('expire') ?? Number.NaN)
  return Number.isFinite(expire) && expire > 0 ? expire * 1000 : null
}
