import { systemClock, type Clock } from '../util'
/** How long a full bucket lets traffic run at line speed: small, so the cap is felt at once. */
const BURST_SECONDS = 0.25

/**
 * A token bucket shared by every transfer: together they never go above the limit. A taker
 * that overdraws the bucket waits until the debt is paid back; the debt is shared, so takers
 * are served in turn. `setLimit(null)` lifts the cap and releases everyone at once.
 */
export class SpeedLimiter {
  private tokens = 0
  private updatedAt: number
  private readonly sleepers = new Set<() => void>()

  constructor(
    private limit: number | null = null,
    private readonly now: Clock = systemClock,
  ) {
    this.updatedAt = now()
    this.tokens = this.capacity()
  }

  get bytesPerSec(): number | null {
    return this.limit
  }

  setLimit(bytesPerSec: number | null): void {
    this.limit = bytesPerSec !== null && bytesPerSec > 0 ? bytesPerSec : null
    this.updatedAt = this.now()
    this.tokens = Math.min(0, this.tokens)
    for (const wake of this.sleepers) wake()
  }

  /**
   * Takes `bytes` now when the cap allows it (always, with no cap) and says so; false leaves the
   * bucket as it was, for `take` to wait. Lets the common case skip a promise per chunk.
   */
  tryTake(bytes: number): boolean {
    if (this.limit === null) return true
    this.refill()
    if (this.tokens < bytes) return false
    this.tokens -= bytes
    return true
  }

  /** Resolves once `bytes` may be sent; rejects with the signal's reason on abort. */
  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    if (this.limit === null) return
    this.refill()
    this.tokens -= bytes
    if (this.tokens >= 0) return
    await this.sleep((-this.tokens / this.limit) * 1000, signal)
  }

  private capacity(): number {
    return this.limit === null ? 0 : this.limit * BURST_SECONDS
  }

  private refill(): void {
    const now = this.now()
    if (this.limit !== null) {
      this.tokens = Math.min(
        this.capacity(),
        this.tokens + ((now - this.updatedAt) / 1000) * this.limit,
      )
    }
    this.updatedAt = now
  }

  private sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: unknown): void => {
        clearTimeout(timer)
        this.sleepers.delete(wake)
        signal?.removeEventListener('abort', onAbort)
        if (error === undefined) resolve()
        else reject(error)
      }
      const wake = (): void => finish()
      const onAbort = (): void => finish(signal?.reason ?? new Error('aborted'))
      const timer = setTimeout(wake, ms)
      this.sleepers.add(wake)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}
