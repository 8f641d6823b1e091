/** setTimeout behind an interface, so tests can run time forward by hand. */
export interface Scheduler {
  now(): number
  setTimeout(fn: () => void, ms: number): { cancel(): void }
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms)
    timer.unref?.()
    return { cancel: () => clearTimeout(timer) }
  },
}

/** Calls `fn` at most once per `intervalMs`, on the trailing edge, however often it is poked. */
export class Coalescer {
  private pending: { cancel(): void } | null = null
  private last = Number.NEGATIVE_INFINITY

  constructor(
    private readonly scheduler: Scheduler,
    private readonly intervalMs: number,
    private readonly fn: () => void,
  ) {}

  poke(): void {
    if (this.pending) return
    const wait = Math.max(0, this.last + this.intervalMs - this.scheduler.now())
    this.pending = this.scheduler.setTimeout(() => this.fire(), wait)
  }

  /** Runs now if something is pending (at the end of a run, so the last state is not lost). */
  flush(): void {
    if (!this.pending) return
    this.pending.cancel()
    this.fire()
  }

  /** Drops what is pending, for a subscriber that goes away. */
  cancel(): void {
    this.pending?.cancel()
    this.pending = null
  }

  private fire(): void {
    this.pending = null
    this.last = this.scheduler.now()
    this.fn()
  }
}
