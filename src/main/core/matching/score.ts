import type { Candidate, SongQuery } from './candidate'
import { artistNames } from './artist-names'
import { similarity } from './similarity'
import { titleParts, type TitleParts } from './title-parts'

/** What the matcher needs from a query: the export's title, artists, duration and ISRC. */
export type MatchQuery = Pick<SongQuery, 'title' | 'artists' | 'durationMs' | 'isrc'>

/** Each part's score (0..1, null when one side does not know it) and the total. */
export interface ScoreDetails {
  score: number
  title: number
  artists: number | null
  duration: number | null
  isrcEqual: boolean
}

const WEIGHTS = { title: 0.55, artists: 0.3, duration: 0.15 }
const DURATION_EXACT_MS = 2000
const DURATION_FAR_MS = 20_000
// A part that clearly disagrees caps the total, however well the rest agrees: the same title
// by another artist may be offered for review but never downloaded as a match.
const TITLE_MIN = 0.7
const CAP_TITLE_MISMATCH = 0.3
const ARTISTS_MIN = 0.5
const CAP_ARTIST_MISMATCH = 0.55
const CAP_DURATION_MISMATCH = 0.7
// A live take or a remix is another recording than the one the export meant.
const CAP_VERSION_MISMATCH = 0.75
const ISRC_MATCH = 0.95

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item))
}

/** Equal titles score 1; equal core words under different brackets or suffixes a little less. */
function titleScore(query: TitleParts, candidate: TitleParts): number {
  return query.full === candidate.full ? 1 : Math.min(0.95, similarity(query.core, candidate.core))
}

function coverage(from: readonly string[], to: readonly string[]): number {
  const best = from.map((name) => Math.max(...to.map((other) => similarity(name, other))))
  return best.reduce((sum, value) => sum + value, 0) / best.length
}

/** Either side may leave out featured artists, so the better-covered direction counts. */
function artistScore(query: readonly string[], candidate: readonly string[]): number | null {
  if (query.length === 0 || candidate.length === 0) return null
  const joined = similarity([...query].sort().join(' '), [...candidate].sort().join(' '))
  return Math.max(coverage(query, candidate), coverage(candidate, query), joined)
}

function durationScore(query: number | null, candidate: number | null): number | null {
  if (query === null || candidate === null || query <= 0 || candidate <= 0) return null
  const off = Math.abs(query - candidate)
  if (off <= DURATION_EXACT_MS) return 1
  return Math.max(0, 1 - (off - DURATION_EXACT_MS) / (DURATION_FAR_MS - DURATION_EXACT_MS))
}

function isrcKey(isrc: string | null | undefined): string | null {
  const key = isrc?.replace(/[\s-]/g, '').toUpperCase()
  return key ? key : null
}

function weighted(parts: ReadonlyArray<readonly [number, number | null]>): number {
  let total = 0
  let weight = 0
  for (const [partWeight, value] of parts) {
    if (value === null) continue
    total += partWeight * value
    weight += partWeight
  }
  return total / weight
}

function capped(
  score: number,
  title: number,
  artists: number | null,
  duration: number | null,
  sameVersion: boolean,
): number {
  let result = score
  if (title < TITLE_MIN) result = Math.min(result, CAP_TITLE_MISMATCH)
  if (!sameVersion) result = Math.min(result, CAP_VERSION_MISMATCH)
  if (artists !== null && artists < ARTISTS_MIN) result = Math.min(result, CAP_ARTIST_MISMATCH)
  if (duration === 0) result = Math.min(result, CAP_DURATION_MISMATCH)
  return result
}

/** Scores one candidate against the query, with each part's score for display and tests. */
export function scoreDetails(query: MatchQuery, candidate: Candidate): ScoreDetails {
  const queryTitle = titleParts(query.title)
  const candidateTitle = titleParts(candidate.title)
  const title = titleScore(queryTitle, candidateTitle)
  const artists = artistScore(
    artistNames(query.artists, queryTitle.featured),
    artistNames(candidate.artists, candidateTitle.featured),
  )
  const duration = durationScore(query.durationMs, candidate.durationMs)
  const queryIsrc = isrcKey(query.isrc)
  const isrcEqual = queryIsrc !== null && queryIsrc === isrcKey(candidate.isrc)

  let score = weighted([
    [WEIGHTS.title, title],
    [WEIGHTS.artists, artists],
    [WEIGHTS.duration, duration],
  ])
  score = capped(
    score,
    title,
    artists,
    duration,
    sameSet(queryTitle.versions, candidateTitle.versions),
  )
  // One recording, one ISRC: equal codes outweigh differently written tags.
  if (isrcEqual) score = Math.max(score, ISRC_MATCH)
  return {
    score: round(score),
    title: round(title),
    artists: artists === null ? null : round(artists),
    duration: duration === null ? null : round(duration),
    isrcEqual,
  }
}

/** 0..1: how surely this candidate is the song the query describes. */
export function scoreCandidate(query: MatchQuery, candidate: Candidate): number {
  return scoreDetails(query, candidate).score
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
