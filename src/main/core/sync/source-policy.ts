import { backoffDelayMs, withJitter, RateLimitedError } from '../net'
import type { ResolvedSong } from '../sources'
import { RejectedFileError } from '../transfer'
import type { SourceGates } from './source-gates'

/**
 * The one owner of source decisions: which source is tried next, how often a transfer is
 * retried, and how long a source rests after a 429/503. The runner schedules, the downloader
 * transfers; both ask here.
 */

/** A 429/503 without `Retry-After` rests its source this long. */
export const DEFAULT_COOL_DOWN_MS = 5000

export interface RetryRules {
  /** Tries of one transfer before moving on to the next source. */
  maxDownloadAttempts: number
  /** First backoff step; it doubles with each try. */
  retryBaseMs: number
}

export type TransferFailureDecision = { kind: 'retry'; waitMs: number } | { kind: 'next-source' }

export interface SourceSlot {
  /** Position in the configured order, persisted so a later fallback knows where to go on. */
  index: number
  id: string
}

/** The sources to try, in the configured order, from position `from` on. */
export function sourcesFrom(order: readonly string[], from = 0): SourceSlot[] {
  return order.slice(from).map((id, offset) => ({ index: from + offset, id }))
}

/** Where to fall back to after the source at `failedIndex` could not deliver; null if none is left. */
export function fallbackIndex(order: readonly string[], failedIndex: number): number | null {
  return failedIndex + 1 < order.length ? failedIndex + 1 : null
}

/** A resolved URL past its expiry is resolved again, on the same source, before transferring. */
export function hasExpired(song: Pick<ResolvedSong, 'expiresAt'>, now: number): boolean {
  return song.expiresAt !== null && song.expiresAt <= now
}

/**
 * A rate-limited source rests for its `Retry-After` (or DEFAULT_COOL_DOWN_MS), with jitter so
 * that the workers waiting on it do not all come back at the same moment.
 */
export function restIfRateLimited(
  error: unknown,
  sourceId: string,
  gates: SourceGates,
  random: () => number = Math.random,
): void {
  if (!(error instanceof RateLimitedError)) return
  gates.coolDown(sourceId, withJitter(error.retryAfterMs ?? DEFAULT_COOL_DOWN_MS, 0.2, random))
}

/**
 * After try number `attempt` (1-based) of a transfer failed: try the same source again after a
 * wait (the server's `Retry-After` when it sent one, else exponential backoff), or, once the
 * tries are used up or the file itself was refused, move on to the next source.
 */
export function afterTransferFailure(
  error: unknown,
  attempt: number,
  rules: RetryRules,
  random: () => number = Math.random,
): TransferFailureDecision {
  // A refused file (a preview, a loop, no audio) would come back the same from this source.
  if (error instanceof RejectedFileError || attempt >= rules.maxDownloadAttempts) {
    return { kind: 'next-source' }
  }
  const waitMs =
    error instanceof RateLimitedError && error.retryAfterMs !== null
      ? withJitter(error.retryAfterMs, 0.2, random)
      : backoffDelayMs(attempt, { baseMs: rules.retryBaseMs, random })
  return { kind: 'retry', waitMs }
}
