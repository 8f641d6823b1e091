import { timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 18080

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]'])

export function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host.toLowerCase())) return true
  return isIP(host) === 4 && host.startsWith('127.')
}

/** Why the server must not start on this address, or null: off loopback a token is required. */
export function bindingProblem(host: string, token: string | undefined): string | null {
  if (isLoopback(host) || (token !== undefined && token.length > 0)) return null
  return (
    `refusing to serve on ${host}: that address is reachable from other machines. ` +
    'Give an access token (--token or CATALOGSYNC_TOKEN), or bind to 127.0.0.1.'
  )
}

/** The token a request carries: `Authorization: Bearer …`, or `?token=` (EventSource cannot set headers). */
export function requestToken(authorization: string | undefined, url: string): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
  if (bearer?.[1]) return bearer[1]
  return new URL(url, 'http://localhost').searchParams.get('token')
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Without a token the server trusts loopback, so it refuses pages of other origins and Host
 * names other than loopback ones (a DNS-rebinding page would send its own name).
 */
export function sameOriginProblem(
  host: string | undefined,
  origin: string | undefined,
  token: boolean,
) {
  if (origin !== undefined && origin !== `http://${host}`)
    return `cross-origin request from ${origin}`
  if (token || host === undefined) return null
  const name = host.replace(/:\d+$/, '')
  return isLoopback(name) ? null : `unexpected Host ${host}`
}
