import type { IncomingHttpHeaders } from 'node:http'
import { retryAfterMs, HttpStatusError, RateLimitedError, redactUrl } from '../net'
import type { PartState } from './part-file'
import {
  contentLength,
  header,
  isNonAudioType,
  mediaType,
  parseContentRange,
} from './response-checks'
import { NotAudioError } from './transfer-errors'

/**
 * What to do with a final (non-redirect) answer, decided from its status and headers alone:
 * write its body from `start`, or (`restart`) drop the .part, which is no prefix of what the
 * server has now, and ask for everything.
 */
export type ResponsePlan =
  { kind: 'restart' } | { kind: 'body'; start: number; totalBytes: number | null }

/**
 * Judges an answer before any byte is written. Range support is read from this answer only
 * (never from Accept-Ranges): a 206 whose Content-Range starts at the end of our .part
 * continues it, a 200 starts over. Errors and non-audio types throw clear errors.
 */
export function planResponse(
  url: string,
  statusCode: number,
  headers: IncomingHttpHeaders,
  part: PartState | null,
  expectedBytes: number | null,
): ResponsePlan {
  if (statusCode === 416 && part) return { kind: 'restart' }
  assertSuccess(url, statusCode, headers)
  const contentType = header(headers, 'content-type')
  if (isNonAudioType(contentType)) {
    throw new NotAudioError(
      `not audio: ${redactUrl(url)} answered with Content-Type ${mediaType(contentType)}`,
    )
  }
  if (statusCode === 200) {
    return { kind: 'body', start: 0, totalBytes: contentLength(headers) ?? expectedBytes }
  }
  // Only a range that runs from the end of our .part to the end of the file continues it.
  const range = parseContentRange(header(headers, 'content-range'))
  const continues = part && range?.start === part.bytes && range.end + 1 === range.total
  return continues
    ? { kind: 'body', start: part.bytes, totalBytes: range.total }
    : { kind: 'restart' }
}

/**
 * 429 and 503 become RateLimitedError with the server's Retry-After; anything but 200 and 206
 * an HttpStatusError.
 */
function assertSuccess(url: string, statusCode: number, headers: IncomingHttpHeaders): void {
  if (statusCode === 200 || statusCode === 206) return
  if (statusCode === 429 || statusCode === 503) {
    const wait = retryAfterMs(header(headers, 'retry-after'))
    throw new RateLimitedError(statusCode, redactUrl(url), wait)
  }
  throw new HttpStatusError(statusCode, redactUrl(url))
}
