import type { ScoredCandidate, SongQuery } from '../matching'
import { SOURCE_KINDS, type SourceKind } from '../../../shared/settings'

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
