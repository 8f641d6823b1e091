import { describe, expect, it } from 'vitest'
import { SpeedLimiter } from '../../../src/main/core/transfer/speed-limiter'

const MiB = 2 ** 20

/** Several takers sharing one limiter, each taking `bytes` in 64 KiB steps. */
async function transfer(limiter: SpeedLimiter, takers: number, bytes: number): Promise<number> {
  const started = performance.now()
  await Promise.all(
    Array.from({ length: takers }, async () => {
      for (let sent = 0; sent < bytes; sent += 64 * 1024) await limiter.take(64 * 1024)
    }),
  )
  return (performance.now() - started) / 1000
}

describe('SpeedLimiter', () => {
  it('lets everything through without a limit', async () => {
    expect(await transfer(new SpeedLimiter(null), 4, 8 * MiB)).toBeLessThan(0.5)
  })

  it('caps the total of all takers (measured loosely)', async () => {
    const seconds = await transfer(new SpeedLimiter(8 * MiB), 4, 2 * MiB)
    // 8 MiB at 8 MiB/s, less the 0.25 s burst the bucket starts with.
    expect(seconds).toBeGreaterThan(0.6)
    expect(seconds).toBeLessThan(2)
  })

  it('applies a new limit at run time and releases waiters when lifted', async () => {
    const limiter = new SpeedLimiter(64 * 1024)
    await limiter.take(16 * 1024)
    const waiting = limiter.take(10 * MiB)
    limiter.setLimit(null)
    await waiting
    expect(limiter.bytesPerSec).toBeNull()
    limiter.setLimit(4 * MiB)
    expect(limiter.bytesPerSec).toBe(4 * MiB)
  })

  it('passes what the bucket holds at once, and nothing more, without waiting', () => {
    let now = 0
    const limiter = new SpeedLimiter(MiB, () => now)
    // A full bucket holds a quarter of a second's worth.
    expect(limiter.tryTake(MiB / 4)).toBe(true)
    expect(limiter.tryTake(1)).toBe(false)
    now += 500
    expect(limiter.tryTake(MiB / 4)).toBe(true)
    expect(new SpeedLimiter(null).tryTake(100 * MiB)).toBe(true)
  })

  it('rejects a waiting take on abort', async () => {
    const limiter = new SpeedLimiter(1024)
    const controller = new AbortController()
    const waiting = limiter.take(MiB, controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
  })
})
