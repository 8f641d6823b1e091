import { describe, expect, it } from 'vitest'
import { HttpStatusError, RateLimitedError } from '../../../src/main/core/net/http-errors'
import { SourceGates } from '../../../src/main/core/sync/source-gates'
import { RejectedFileError } from '../../../src/main/core/transfer/transfer-errors'
import {
  afterTransferFailure,
  DEFAULT_COOL_DOWN_MS,
  fallbackIndex,
  hasExpired,
  restIfRateLimited,
  sourcesFrom,
} from '../../../src/main/core/sync/source-policy'

const ORDER = ['subsonic', 'nas', 'direct']
const RULES = { maxDownloadAttempts: 3, retryBaseMs: 1000 }
const noJitter = () => 0
const fullJitter = () => 1
const rateLimited = (retryAfterMs: number | null) =>
  new RateLimitedError(429, 'http://127.0.0.1:9/x', retryAfterMs)

describe('source fallback', () => {
  it('tries the sources in the configured order, from a position on', () => {
    expect(sourcesFrom(ORDER)).toEqual([
      { index: 0, id: 'subsonic' },
      { index: 1, id: 'nas' },
      { index: 2, id: 'direct' },
    ])
    expect(sourcesFrom(ORDER, 1)).toEqual([
      { index: 1, id: 'nas' },
      { index: 2, id: 'direct' },
    ])
    expect(sourcesFrom(ORDER, 3)).toEqual([])
  })

  it('falls back to the next source, and to none after the last', () => {
    expect(fallbackIndex(ORDER, 0)).toBe(1)
    expect(fallbackIndex(ORDER, 1)).toBe(2)
    expect(fallbackIndex(ORDER, 2)).toBeNull()
    expect(fallbackIndex([], 0)).toBeNull()
  })

  it('resolves a URL again once it has expired, never one without expiry', () => {
    expect(hasExpired({ expiresAt: null }, 5000)).toBe(false)
    expect(hasExpired({ expiresAt: 5001 }, 5000)).toBe(false)
    expect(hasExpired({ expiresAt: 5000 }, 5000)).toBe(true)
    expect(hasExpired({ expiresAt: 10 }, 5000)).toBe(true)
  })
})

describe('transfer retries', () => {
  it('backs off exponentially while tries are left, then moves to the next source', () => {
    const error = new HttpStatusError(500, 'http://127.0.0.1:9/x')
    expect(afterTransferFailure(error, 1, RULES, fullJitter)).toEqual({
      kind: 'retry',
      waitMs: 1000,
    })
    expect(afterTransferFailure(error, 2, RULES, fullJitter)).toEqual({
      kind: 'retry',
      waitMs: 2000,
    })
    expect(afterTransferFailure(error, 2, RULES, noJitter)).toEqual({ kind: 'retry', waitMs: 1000 })
    expect(afterTransferFailure(error, 3, RULES)).toEqual({ kind: 'next-source' })
  })

  it("waits the server's Retry-After (plus up to 20 % jitter) over the backoff", () => {
    expect(afterTransferFailure(rateLimited(30_000), 1, RULES, noJitter)).toEqual({
      kind: 'retry',
      waitMs: 30_000,
    })
    expect(afterTransferFailure(rateLimited(30_000), 1, RULES, fullJitter)).toEqual({
      kind: 'retry',
      waitMs: 36_000,
    })
    expect(afterTransferFailure(rateLimited(null), 1, RULES, fullJitter)).toEqual({
      kind: 'retry',
      waitMs: 1000,
    })
  })

  it('moves on even when rate limited once the tries are used up', () => {
    expect(afterTransferFailure(rateLimited(1000), 3, RULES)).toEqual({ kind: 'next-source' })
    expect(
      afterTransferFailure(rateLimited(1000), 1, { ...RULES, maxDownloadAttempts: 1 }),
    ).toEqual({ kind: 'next-source' })
  })

  it('moves on at once from a source whose file was refused, since it would send it again', () => {
    const refused = new RejectedFileError('duration 0:30 is far from the expected 3:45')
    expect(afterTransferFailure(refused, 1, RULES)).toEqual({ kind: 'next-source' })
  })
})

describe('source cool-downs', () => {
  const gatesAt = (now: { ms: number }) => new SourceGates(() => now.ms)

  it('rests a rate-limited source for its Retry-After, jittered', () => {
    const now = { ms: 0 }
    const gates = gatesAt(now)
    restIfRateLimited(rateLimited(10_000), 'subsonic', gates, fullJitter)
    expect(gates.coolingFor('subsonic')).toBe(12_000)
    expect(gates.coolingFor('nas')).toBe(0)
    now.ms = 12_000
    expect(gates.coolingFor('subsonic')).toBe(0)
  })

  it('rests it for the default when the server gave no Retry-After', () => {
    const gates = gatesAt({ ms: 0 })
    restIfRateLimited(rateLimited(null), 'subsonic', gates, noJitter)
    expect(gates.coolingFor('subsonic')).toBe(DEFAULT_COOL_DOWN_MS)
  })

  it('leaves a source alone after any other error', () => {
    const gates = gatesAt({ ms: 0 })
    restIfRateLimited(new HttpStatusError(404, 'http://127.0.0.1:9/x'), 'subsonic', gates)
    restIfRateLimited(new Error('socket hang up'), 'subsonic', gates)
    expect(gates.coolingFor('subsonic')).toBe(0)
  })

  it('never shortens a cool-down already running', () => {
    const gates = gatesAt({ ms: 0 })
    restIfRateLimited(rateLimited(60_000), 'subsonic', gates, noJitter)
    restIfRateLimited(rateLimited(1000), 'subsonic', gates, noJitter)
    expect(gates.coolingFor('subsonic')).toBe(60_000)
  })
})
