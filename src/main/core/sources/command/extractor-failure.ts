import { RateLimitedError } from '../../net'

/**
 * A bot check or a 429 lasts minutes, not seconds: the source rests this long (yt-dlp passes on
 * no Retry-After), so the songs behind it wait instead of failing one after another.
 */
export const EXTRACTOR_COOL_DOWN_MS = 60_000

/** The extractor was told to slow down; the source policy cools the source down for it. */
export class ExtractorRateLimitedError extends RateLimitedError {
  constructor(program: string, what: string, detail: string) {
    super(429, program, EXTRACTOR_COOL_DOWN_MS)
    this.name = 'ExtractorRateLimitedError'
    this.message = `"${program}" ${what}; resting the source for ${EXTRACTOR_COOL_DOWN_MS / 1000}s${detail}`
  }
}

// yt-dlp's own wording (its YouTube extractor passes on the site's playability reason).
const RATE_LIMITS: readonly [RegExp, string][] = [
  [/confirm you.?re not a bot/i, 'met a bot check (give it cookies with --cookies if it persists)'],
  [/HTTP Error 429|Too Many Requests|rate-limited by/i, 'was rate limited (HTTP 429)'],
]
const REASONS: readonly [RegExp, string][] = [
  [/private video|video is private/i, 'found the video private'],
  [
    /age-restricted|confirm your age/i,
    'found the video age-restricted (it needs cookies of a signed-in account)',
  ],
  [
    /video unavailable|this video is not available|has been removed/i,
    'found the video unavailable',
  ],
]

/**
 * The error for a failed run whose ERROR lines say a known failure, in our words with the
 * extractor's line after them; null for any other failure.
 */
export function knownFailure(program: string, errorLines: string, detail: string): Error | null {
  const limit = RATE_LIMITS.find(([pattern]) => pattern.test(errorLines))
  if (limit) return new ExtractorRateLimitedError(program, limit[1], detail)
  const reason = REASONS.find(([pattern]) => pattern.test(errorLines))
  return reason ? new Error(`"${program}" ${reason[1]}${detail}`) : null
}
