import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce, throttle } from '../../../src/renderer/src/stores/timing'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('throttle', () => {
  it('runs at once, then collapses a burst into one trailing run per interval', () => {
    const fn = vi.fn()
    const limited = throttle(fn, 1000)
    limited()
    expect(fn).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 20; i++) limited()
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(fn).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(5000)
    expect(fn).toHaveBeenCalledTimes(2)
    limited()
    expect(fn).toHaveBeenCalledTimes(3)
  })

  it('forgets a pending run when canceled', () => {
    const fn = vi.fn()
    const limited = throttle(fn, 1000)
    limited()
    limited()
    limited.cancel()
    vi.advanceTimersByTime(2000)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})

describe('debounce', () => {
  it('runs once with the latest arguments after a quiet delay', () => {
    const fn = vi.fn()
    const debounced = debounce(fn, 200)
    debounced('a')
    vi.advanceTimersByTime(150)
    debounced('ab')
    vi.advanceTimersByTime(199)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledExactlyOnceWith('ab')
    debounced('x')
    debounced.cancel()
    vi.advanceTimersByTime(500)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
