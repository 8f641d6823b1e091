import { extname } from 'node:path'
import { toScoredCandidates, type MatchChoice, type Scored, type Candidate } from '../matching'
import type { ResolveOutcome, ResolvedSong } from './types'

/** The file extension without its dot, lower-cased; null when there is none. */
export function extensionOf(pathOrName: string): string | null {
  const ext = extname(pathOrName).slice(1).toLowerCase()
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : null
}

/** A ResolvedSong with the fields most sources leave empty already set. */
export function resolvedSong(
  fields: Pick<
    ResolvedSong,
    'sourceId' | 'sourceType' | 'score' | 'matchedTitle' | 'matchedArtists'
  > &
    Partial<ResolvedSong>,
): ResolvedSong {
  return {
    trackId: null,
    url: null,
    filePath: null,
    headers: {},
    ext: null,
    sizeBytes: null,
    expiresAt: null,
    link: false,
    ...fields,
  }
}

/** The outcome for a choice that is not a match: a review list or a reason. */
export function unmatched<C extends Candidate>(
  choice: Exclude<MatchChoice<C>, { kind: 'match' }>,
): ResolveOutcome {
  return choice.kind === 'review'
    ? { kind: 'review', reason: choice.reason, candidates: toScoredCandidates(choice.candidates) }
    : { kind: 'none', reason: choice.reason }
}

/** Turns the matcher's choice into an outcome, building the song only for a match. */
export function outcomeOf<C extends Candidate>(
  choice: MatchChoice<C>,
  toSong: (candidate: Scored<C>) => ResolvedSong,
): ResolveOutcome {
  return choice.kind === 'match'
    ? { kind: 'match', song: toSong(choice.candidate) }
    : unmatched(choice)
}
