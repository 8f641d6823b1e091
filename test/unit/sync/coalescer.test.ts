import { describe, expect, it } from 'vitest'
import { Coalescer } from '../../../src/main/core/sync/scheduler'
import { ManualScheduler } from '../../support/manual-scheduler'

/** A coalescer over a manual scheduler that records the time of each call. */
function coalescer(intervalMs: number) {
  const scheduler = new ManualScheduler()
  const calls: number[] = []
  const feed = new Coalescer(scheduler, intervalMs, () => calls.push(scheduler.now()))
  return { scheduler, calls, feed }
}

describe('Coalescer', () => {
  it('calls on the next tick first, then only once per interval however often it is poked', async () => {
    const { scheduler, calls, feed } = coalescer(1000)
    feed.poke()
    expect(calls).toEqual([])
    await scheduler.advance(0)
    expect(calls).toEqual([0])
    feed.poke()
    feed.poke()
    await scheduler.advance(999)
    expect(calls).toEqual([0])
    await scheduler.advance(1)
    expect(calls).toEqual([0, 1000])
    await scheduler.advance(5000)
    expect(calls).toEqual([0, 1000])
  })

  it('hands the latest state on: the call reads what the last poke left behind', async () => {
    const scheduler = new ManualScheduler()
    let value = 0
    const sent: number[] = []
    const feed = new Coalescer(scheduler, 100, () => sent.push(value))
    for (const next of [1, 2]) {
      value = next
      feed.poke()
    }
    await scheduler.advance(0)
    for (const next of [3, 4, 5]) {
      value = next
      feed.poke()
    }
    await scheduler.advance(100)
    expect(sent).toEqual([2, 5])
  })

  it('calls at once after a quiet interval, and waits only for what is left of one', async () => {
    const { scheduler, calls, feed } = coalescer(100)
    feed.poke()
    await scheduler.advance(0)
    await scheduler.advance(250)
    feed.poke()
    await scheduler.advance(0)
    expect(calls).toEqual([0, 250])
    await scheduler.advance(40)
    feed.poke()
    await scheduler.advance(59)
    expect(calls).toEqual([0, 250])
    await scheduler.advance(1)
    expect(calls).toEqual([0, 250, 350])
  })

  it('flushes what is pending at once, and does nothing when nothing is', async () => {
    const { scheduler, calls, feed } = coalescer(100)
    feed.flush()
    expect(calls).toEqual([])
    feed.poke()
    feed.flush()
    expect(calls).toEqual([0])
    expect(scheduler.pending).toBe(0)
    await scheduler.advance(30)
    feed.poke()
    await scheduler.advance(69)
    expect(calls).toEqual([0])
    await scheduler.advance(1)
    expect(calls).toEqual([0, 100])
  })

  it('drops what is pending when cancelled, and can be poked again', async () => {
    const { scheduler, calls, feed } = coalescer(100)
    feed.poke()
    feed.cancel()
    await scheduler.advance(500)
    expect(calls).toEqual([])
    expect(scheduler.pending).toBe(0)
    feed.poke()
    await scheduler.advance(0)
    expect(calls).toEqual([500])
  })
})
