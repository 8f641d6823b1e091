/** Rate limits for work triggered by bursts of events or keystrokes. */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Limited {
  (): void
  cancel(): void
}

/**
 * Runs `fn` at once when idle, then at most once per `intervalMs`; calls in between collapse
 * into one trailing run, so the last burst of events is never lost.
 */
export function throttle(fn: () => void, intervalMs: number, timers = globalTimers): Limited {
  let handle: unknown = null
  let pending = false
  const release = () => {
    if (!pending) {
      handle = null
      return
    }
    pending = false
    fn()
    handle = timers.setTimeout(release, intervalMs)
  }
  const limited = () => {
    if (handle !== null) {
      pending = true
      return
    }
    fn()
    handle = timers.setTimeout(release, intervalMs)
  }
  limited.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
    pending = false
  }
  return limited
}

/** Runs `fn` with the latest arguments once `delayMs` passed without another call. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  delayMs: number,
  timers = globalTimers,
): ((...args: A) => void) & { cancel(): void } {
  let handle: unknown = null
  const debounced = (...args: A) => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = timers.setTimeout(() => {
      handle = null
      fn(...args)
    }, delayMs)
  }
  debounced.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
  }
  return debounced
}
