import type { IncomingHttpHeaders } from 'node:http'
import { Writable } from 'node:stream'
import { stream, type Dispatcher } from 'undici'
import { redactUrl } from '../net'
import { header } from './response-checks'
import { RedirectError } from './transfer-errors'

export interface StreamOptions {
  dispatcher: Dispatcher
  url: string
  headers: Record<string, string>
  signal: AbortSignal
  maxRedirects: number
  /** Called before each request goes out, so the stall timeout covers waiting for headers. */
  onAttempt: () => void
  /** Given each answer that is not a redirect; returns where its body goes, or throws. */
  onResponse: (url: string, statusCode: number, headers: IncomingHttpHeaders) => Writable
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Credentials meant for one origin never follow a redirect to another. */
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization'])

/** Where an unwanted body (a redirect's page) goes. */
export const discardSink = (): Writable =>
  new Writable({
    write: (_chunk, _encoding, callback) => callback(),
  })

/**
 * GETs with undici's `stream` (the body goes straight into the returned Writable, with no
 * intermediate Readable) and follows redirects: at most `maxRedirects`, never in a loop.
 * Resolves once the last body was written and its Writable finished.
 */
export async function streamFollowingRedirects(options: StreamOptions): Promise<void> {
  const { dispatcher, signal } = options
  let { url, headers } = options
  const visited = new Set<string>()
  for (;;) {
    visited.add(url)
    options.onAttempt()
    const answer: { location: string | null } = { location: null }
    const current = url
    // The caller's stall watch times headers and body; undici's own timers would also fire
    // while the speed limiter holds a transfer back on purpose.
    const timeouts = { headersTimeout: 0, bodyTimeout: 0 }
    await stream(url, { dispatcher, method: 'GET', headers, signal, ...timeouts }, (response) => {
      const isRedirect = REDIRECTS.has(response.statusCode)
      answer.location = isRedirect ? header(response.headers, 'location') : null
      if (answer.location !== null) return discardSink()
      return options.onResponse(current, response.statusCode, response.headers)
    })
    if (answer.location === null) return
    const next = redirectTarget(options, url, answer.location, visited)
    if (next.origin !== new URL(url).origin) headers = withoutCredentials(headers)
    url = next.href
  }
}

function redirectTarget(
  options: StreamOptions,
  from: string,
  location: string,
  visited: Set<string>,
): URL {
  const next = new URL(location, from)
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new RedirectError(`redirect to an unsupported scheme from ${redactUrl(from)}`)
  }
  if (visited.has(next.href)) throw new RedirectError(`redirect loop at ${redactUrl(next.href)}`)
  if (visited.size > options.maxRedirects) {
    throw new RedirectError(
      `too many redirects (more than ${options.maxRedirects}) from ${redactUrl(options.url)}`,
    )
  }
  return next
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.has(name.toLowerCase())),
  )
}
