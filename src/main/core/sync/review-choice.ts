import type { JsonObject } from '../catalog'
import type { ScoredCandidate } from '../matching'
/**
 * How a weak match is kept in its item's result: the candidates, the source that offered them,
 * and (after a person's review) the chosen one. `ReviewRecord` is that JSON's shape.
 */
export interface ReviewRecord {
  review: ScoredCandidate[]
  reviewSourceId: string
  chosen?: ScoredCandidate
}

export function reviewRecord(sourceId: string, candidates: ScoredCandidate[]): JsonObject {
  const record: ReviewRecord = { review: candidates, reviewSourceId: sourceId }
  return record as unknown as JsonObject
}

/** The choice a person made in review, if the item's result holds one. */
export function chosenTrack(
  result: JsonObject | null | undefined,
): { sourceId: string; trackId: string } | undefined {
  const sourceId = result?.reviewSourceId
  const chosen = result?.chosen
  if (typeof sourceId !== 'string' || typeof chosen !== 'object' || chosen === null) return
  const trackId = 'trackId' in chosen ? chosen.trackId : undefined
  return typeof trackId === 'string' ? { sourceId, trackId } : undefined
}
