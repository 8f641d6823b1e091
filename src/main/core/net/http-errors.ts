/** The server answered with a status we cannot use. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    message?: string,
  ) {
    super(message ?? `HTTP ${status} from ${url}`)
    this.name = 'HttpStatusError'
  }
}

/**
 * 429 or 503: the server asks us to slow down. `retryAfterMs` comes from `Retry-After` when
 * the server sent one; the runner cools the source down for that long.
 */
export class RateLimitedError extends HttpStatusError {
  constructor(
    status: number,
    url: string,
    readonly retryAfterMs: number | null,
  ) {
    super(
      status,
      url,
      `HTTP ${status} from ${url}: rate limited${retryAfterMs === null ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)}s)`}`,
    )
    this.name = 'RateLimitedError'
  }
}

/** A URL for messages and logs with credentials and query secrets removed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    for (const key of ['p', 't', 's', 'token', 'password', 'apiKey', 'api_key']) {
      if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***')
    }
    return parsed.toString()
  } catch {
    return url
  }
}
