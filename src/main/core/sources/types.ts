import { SOURCE_KINDS, type SourceKind } from '../../../shared/settings'

/** What the export said about a song: everything a source may use to find it. */
export interface SongQuery {
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc: string | null
  /** The catalogue id from the export (Spotify URI, NetEase id, …). */
  sourceId: string | null
  platform: string | null
  /** The track's own location from the export (URL or path), if any. */
  location: string | null
  /** Folder of the playlist file, for relative locations. */
  playlistDir: string | null
}

/** One track a source offers for a query. */
export interface Candidate {
  /** The source's own id for the track (Subsonic song id, file path, URL…). */
  trackId: string
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc?: string | null
}

export interface ScoredCandidate extends Candidate {
  /** 0..1; 1 is a perfect match. */
  score: number
}

/** Where to fetch the chosen track from: a URL (with headers) or a local file. */
export interface ResolvedSong {
  /** The configured source id (`subsonic`, `nas`, …). */
  sourceId: string
  sourceType: SourceType
  trackId: string | null
  url: string | null
  filePath: string | null
  headers: Record<string, string>
  ext: string | null
  sizeBytes: number | null
  /** Epoch ms after which the URL must be resolved again; null if it does not expire. */
  expiresAt: number | null
  score: number
  /** For local files: hard-link instead of copying. */
  link: boolean
  /** Where the source offers the track's cover picture (credentials included), if it does. */
  coverUrl?: string | null
  /** What the match was, for display: `Title / Artists`. */
  matchedTitle: string
  matchedArtists: string[]
}

export type ResolveOutcome =
  | { kind: 'match'; song: ResolvedSong }
  /** A best candidate exists but is too weak to download without a person choosing. */
  | { kind: 'review'; reason: string; candidates: ScoredCandidate[] }
  | { kind: 'none'; reason: string }

export interface ResolveContext {
  signal: AbortSignal
  onProgress?: (text: string) => void
  /** The candidate a person chose in review, by its track id. */
  chosenTrackId?: string
}

export const SOURCE_TYPES = SOURCE_KINDS
export type SourceType = SourceKind

export interface Source {
  readonly id: string
  readonly type: SourceType
  /** How many resolves (and transfers) this source allows at once. */
  readonly maxConcurrency: number
  resolve(query: SongQuery, context: ResolveContext): Promise<ResolveOutcome>
  close?(): Promise<void>
}
