import { errorMessage } from '../../../../shared/error-message'
import type { IncomingHttpHeaders } from 'node:http'
import { request, type Dispatcher } from 'undici'
import { retryAfterMs, RateLimitedError, redactUrl } from '../../net'
export interface HttpOptions {
  dispatcher?: Dispatcher
  timeoutMs: number
}

export interface HttpAnswer {
  statusCode: number
  headers: IncomingHttpHeaders
  contentType: string
  /** The body as text, or null when `keepBody` said it was not wanted (audio). */
  text: string | null
}

// An API answer is a few kilobytes; a huge one is not a Subsonic response.
const MAX_TEXT_BYTES = 4 * 1024 * 1024
const DISCARD_LIMIT = 64 * 1024

export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

/**
 * One GET with the caller's signal and a total timeout. Errors name the URL without its
 * credentials; 429 and 503 become RateLimitedError so the runner can cool the source down.
 * The body is read as text only when `keepBody(contentType)` says so, else dropped unread.
 */
export async function httpGet(
  url: string,
  signal: AbortSignal,
  options: HttpOptions & { headers?: Record<string, string> },
  keepBody: (contentType: string) => boolean = () => true,
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  try {
    const response = await request(url, {
      method: 'GET',
      headers: options.headers ?? {},
      signal: AbortSignal.any([signal, timeout]),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    })
    const { statusCode, headers } = response
    const contentType = headerValue(headers, 'content-type') ?? ''
    if (statusCode === 429 || statusCode === 503) {
      await discard(response.body)
      const wait = retryAfterMs(headerValue(headers, 'retry-after'))
      throw new RateLimitedError(statusCode, redactUrl(url), wait)
    }
    if (!keepBody(contentType)) {
      await discard(response.body)
      return { statusCode, headers, contentType, text: null }
    }
    return { statusCode, headers, contentType, text: await readText(response.body, url) }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    if (timeout.aborted) {
      const message = `subsonic: no answer from ${redactUrl(url)} within ${options.timeoutMs}ms`
      throw new Error(message, { cause: error })
    }
    if (error instanceof RateLimitedError || error instanceof TooLargeError) throw error
    const reason = errorMessage(error)
    throw new Error(`subsonic: cannot reach ${redactUrl(url)}: ${reason}`, { cause: error })
  }
}

class TooLargeError extends Error {}

/** Drops a body we do not want: a short one is read to keep the connection, a long one cut. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: DISCARD_LIMIT }).catch(() => undefined)
}

async function readText(body: Dispatcher.ResponseData['body'], url: string): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    if (size > MAX_TEXT_BYTES) {
      // Leaving the loop by a throw destroys the body.
      throw new TooLargeError(`subsonic: the answer from ${redactUrl(url)} is too large`)
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
