export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Throttled {
  (): void
  cancel(): void
}

/**
 * Runs `run` at once, then at most once per `ms`: calls in between collapse into one trailing
 * run, so a burst of sync events costs one refresh a second and the last change is never lost.
 */
export function throttle(run: () => void, ms: number, timers: Timers = realTimers): Throttled {
  let timer: unknown = null
  let pending = false
  const open = () => {
    timer = timers.setTimeout(() => {
      timer = null
      if (!pending) return
      pending = false
      run()
      open()
    }, ms)
  }
  const throttled = () => {
    if (timer !== null) {
      pending = true
      return
    }
    run()
    open()
  }
  throttled.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
    pending = false
  }
  return throttled
}
