import type { Scheduler } from '../../src/main/core/sync/scheduler'

interface Timer {
  due: number
  order: number
  fn: () => void
}

/** One turn of the event loop: every promise job queued so far, and those they queue, runs. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * A Scheduler whose time moves only when a test moves it. Due timers run in the order they are
 * due (ties in the order they were set), each followed by the promise jobs it started, as Node
 * runs real timers; so a run takes the same steps every time, however loaded the machine is.
 */
export class ManualScheduler implements Scheduler {
  private current: number
  private nextOrder = 0
  private readonly timers: Timer[] = []

  constructor(start = 0) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const timer = { due: this.current + Math.max(0, ms), order: this.nextOrder++, fn }
    this.timers.push(timer)
    return {
      cancel: () => {
        const index = this.timers.indexOf(timer)
        if (index >= 0) this.timers.splice(index, 1)
      },
    }
  }

  /** Waits `ms` of this scheduler's time, or rejects with the signal's reason once it aborts. */
  readonly sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      const timer = this.setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        timer.cancel()
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
    })

  /** Timers set and not yet run or cancelled. */
  get pending(): number {
    return this.timers.length
  }

  /** Runs, in order, every timer due within `ms` from now, then stands the clock at now + `ms`. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms
    await settle()
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.runTimer(timer)
      await settle()
    }
    this.current = target
  }

  /**
   * Moves time from one due timer to the next until `promise` settles, and returns its value.
   * Throws when the promise still waits with no timer left (it would never settle), or when it
   * needs more than `limitMs` of scheduler time. The code it drives must wait only on this
   * scheduler, never on real I/O, or time would move on before that I/O is done.
   */
  async runUntil<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
    let done = false
    const watched = promise.finally(() => {
      done = true
    })
    // Observed here so a rejection is not reported as unhandled while time still moves.
    watched.catch(() => undefined)
    const limit = this.current + limitMs
    await settle()
    while (!done) {
      const timer = this.nextDue(limit)
      if (!timer) {
        throw new Error(
          this.timers.length === 0
            ? 'the awaited promise waits, but no timer is left to run'
            : `the awaited promise still waits after ${limitMs} ms of scheduler time`,
        )
      }
      this.runTimer(timer)
      await settle()
    }
    return watched
  }

  private runTimer(timer: Timer): void {
    this.timers.splice(this.timers.indexOf(timer), 1)
    this.current = Math.max(this.current, timer.due)
    timer.fn()
  }

  private nextDue(until: number): Timer | undefined {
    let next: Timer | undefined
    for (const timer of this.timers) {
      if (timer.due > until) continue
      if (!next || timer.due < next.due || (timer.due === next.due && timer.order < next.order))
        next = timer
    }
    return next
  }
}
