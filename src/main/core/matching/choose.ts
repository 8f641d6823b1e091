import type { Candidate, ScoredCandidate } from './candidate'
import { scoreCandidate, songKey, type MatchQuery } from './score'

export interface MatchOptions {
  /** The best candidate at or above this is downloaded. */
  threshold?: number
  /** A best candidate below `threshold` but at or above this goes to the review list. */
  reviewThreshold?: number
  /** A person chose this candidate in review: it is the match whatever its score. */
  chosenTrackId?: string
}

export type Scored<C extends Candidate> = C & { score: number }

/** Like ResolveOutcome, before a source turns the chosen candidate into a ResolvedSong. */
export type MatchChoice<C extends Candidate> =
  | { kind: 'match'; candidate: Scored<C>; candidates: Scored<C>[] }
  | { kind: 'review'; reason: string; candidates: Scored<C>[] }
  | { kind: 'none'; reason: string; candidates: Scored<C>[] }

// Tuned on the training part of the labelled cases (npm run bench:matching): every threshold
// from 0.775 to 0.9 downloads no wrong song and picks the most right ones; 0.85 is the middle
// of that plateau, clear of the version cap (0.75) below it. Review keeps everything down to
// 0.5, the artist-mismatch cap's neighbourhood: no right candidate in training scored below it.
export const DEFAULT_THRESHOLD = 0.85
export const DEFAULT_REVIEW_THRESHOLD = 0.5
// Two different songs scoring this close are a coin toss: a person chooses, not the matcher.
const AMBIGUITY_MARGIN = 0.05
const REVIEW_LIMIT = 10

/** `Title / Artist, Artist`, as the window shows a song. */
export function describeCandidate(candidate: Candidate): string {
  return candidate.artists.length > 0
    ? `${candidate.title} / ${candidate.artists.join(', ')}`
    : candidate.title
}

function pickBest<C extends Candidate>(
  query: MatchQuery,
  best: Scored<C>,
  ranked: Scored<C>[],
): MatchChoice<C> {
  const bestKey = songKey(query, best)
  const rival = ranked.find(
    (other) => other.score >= best.score - AMBIGUITY_MARGIN && songKey(query, other) !== bestKey,
  )
  const asked = songKey(query, { trackId: '', album: null, ...query })
  // The very title and artists asked for beat a near miss ("Amber Song" vs "Ember Song").
  if (!rival || bestKey === asked) {
    return { kind: 'match', candidate: best, candidates: ranked }
  }
  const reason = `ambiguous: "${describeCandidate(best)}" and "${describeCandidate(rival)}" match equally well`
  return { kind: 'review', reason, candidates: ranked.slice(0, REVIEW_LIMIT) }
}

/**
 * Scores every candidate and decides: the best one at or above `threshold` is a match (unless
 * a different song scores as well); a weaker best one at or above `reviewThreshold` needs review;
 * anything less is no match.
 */
export function chooseMatch<C extends Candidate>(
  query: MatchQuery,
  candidates: readonly C[],
  options: MatchOptions = {},
): MatchChoice<C> {
  const { threshold = DEFAULT_THRESHOLD, reviewThreshold = DEFAULT_REVIEW_THRESHOLD } = options
  const ranked = candidates
    .map((candidate): Scored<C> => ({ ...candidate, score: scoreCandidate(query, candidate) }))
    .sort((a, b) => b.score - a.score)
  const chosen = ranked.find((candidate) => candidate.trackId === options.chosenTrackId)
  if (options.chosenTrackId !== undefined && chosen) {
    return { kind: 'match', candidate: chosen, candidates: ranked }
  }
  const best = ranked[0]
  if (!best) return { kind: 'none', reason: 'no candidates found', candidates: [] }
  if (best.score >= threshold) return pickBest(query, best, ranked)
  const described = `"${describeCandidate(best)}" scored ${best.score.toFixed(2)}`
  if (best.score >= reviewThreshold) {
    const reason = `weak match: best candidate ${described}, below ${threshold}`
    return { kind: 'review', reason, candidates: ranked.slice(0, REVIEW_LIMIT) }
  }
  return { kind: 'none', reason: `no close match: best candidate ${described}`, candidates: ranked }
}

/** Plain scored candidates for a review list: no source-specific fields. */
export function toScoredCandidates(candidates: readonly Scored<Candidate>[]): ScoredCandidate[] {
  return candidates.map(({ trackId, title, artists, album, durationMs, isrc, score }) => ({
    trackId,
    title,
    artists,
    album,
    durationMs,
    isrc: isrc ?? null,
    score,
  }))
}
