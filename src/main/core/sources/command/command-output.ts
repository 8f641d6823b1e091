import { z } from 'zod'
import type { Candidate } from '../../matching'
/** One playable entry the extractor printed, as a matching candidate. */
export interface CommandCandidate extends Candidate {
  url: string
  headers: Record<string, string>
  ext: string | null
  sizeBytes: number | null
  expiresAt: number | null
}

// yt-dlp's field names; `track`/`artist` are set by music sites, plain `title` by the rest.
const entrySchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  url: z.string(),
  http_headers: z.record(z.string(), z.string()).optional().catch(undefined),
  ext: z.string().nullish(),
  filesize: z.number().nullish(),
  duration: z.number().nullish(),
  title: z.string().nullish(),
  track: z.string().nullish(),
  artist: z.string().nullish(),
  artists: z.array(z.string()).nullish(),
  creator: z.string().nullish(),
  album: z.string().nullish(),
  isrc: z.string().nullish(),
})
type Entry = z.infer<typeof entrySchema>

const HTTP_URL = /^https?:\/\//i
const ARTIST_TITLE = /^(.+?)\s+[-–—]\s+(.+)$/u

/**
 * Every entry in the extractor's stdout: one JSON object per line (`yt-dlp -j`) or one with
 * `entries` (`-J`). Lines that are not JSON, and entries without an http(s) URL, are skipped.
 */
export function parseCommandOutput(stdout: string): CommandCandidate[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.trimStart().startsWith('{'))
    .flatMap((line) => entriesOf(safeJson(line)))
    .flatMap((value, index) => {
      const entry = entrySchema.safeParse(value)
      const usable = entry.success && HTTP_URL.test(entry.data.url) && URL.canParse(entry.data.url)
      return usable ? [toCandidate(entry.data, index)] : []
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

/** Title and artists; "Artist - Title" is split when the site gave no artist of its own. */
function nameOf(entry: Entry): { title: string; artists: string[] } {
  const artists = (entry.artists ?? [entry.artist ?? entry.creator ?? '']).filter(Boolean)
  const title = (entry.track ?? entry.title ?? '').trim()
  const split = artists.length === 0 ? ARTIST_TITLE.exec(title) : null
  if (split?.[1] && split[2]) return { title: split[2], artists: [split[1]] }
  return { title, artists }
}

function toCandidate(entry: Entry, index: number): CommandCandidate {
  return {
    trackId: String(entry.id ?? index),
    ...nameOf(entry),
    album: entry.album ?? null,
    durationMs: entry.duration ? Math.round(entry.duration * 1000) : null,
    isrc: entry.isrc ?? null,
    url: entry.url,
    headers: entry.http_headers ?? {},
    ext: entry.ext?.toLowerCase() ?? null,
    sizeBytes: entry.filesize ?? null,
    expiresAt: expiryOf(entry.url),
  }
}

/** Signed media URLs (YouTube's among them) carry their expiry as `expire=<epoch seconds>`. */
function expiryOf(url: string): number | null {
  const expire = Number(new URL(url).searchParams.get('expire') ?? Number.NaN)
  return Number.isFinite(expire) && expire > 0 ? expire * 1000 : null
}
