/** The net folder's public face: other folders import only this. */
export { backoffDelayMs, retryAfterMs, withJitter } from './backoff'
export { HttpStatusError, RateLimitedError, redactUrl } from './http-errors'
