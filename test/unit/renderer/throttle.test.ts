import { afterEach, describe, expect, it, vi } from 'vitest'
import { throttle } from '../../../src/renderer/src/stores/throttle'

afterEach(() => vi.useRealTimers())

describe('throttle', () => {
  it('runs at once, then once per interval with the calls in between collapsed', () => {
    vi.useFakeTimers()
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    throttled()
    expect(run).toHaveBeenCalledTimes(1)
    throttled()
    throttled()
    throttled()
    vi.advanceTimersByTime(999)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(5000)
    expect(run).toHaveBeenCalledTimes(2)
    throttled()
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('drops a pending run when cancelled', () => {
    vi.useFakeTimers()
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    throttled()
    throttled()
    throttled.cancel()
    vi.advanceTimersByTime(2000)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
