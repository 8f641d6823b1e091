import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { runnerHarness } from '../../support/runner-harness'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

/** Resolves once `count` items have succeeded. */
function afterSucceeded(h: ReturnType<typeof runnerHarness>, count: number): Promise<void> {
  return new Promise((resolve) => {
    let done = 0
    const off = h.bus.on('items', ({ changes }) => {
      done += changes.filter((c) => c.state === 'succeeded').length
      if (done >= count) {
        off()
        resolve()
      }
    })
  })
}

describe('pause, resume and cancel', () => {
  it('pauses cleanly and resumes without resolving ready items again', async () => {
    const h = runnerHarness(temp, 24, { resolveMs: 2, downloadMs: 30 })
    const options = { mode: 'static' as const, workers: 4, resolverCap: 2 }
    const first = h.start(options)
    const running = first.run()
    await h.scheduler.runUntil(afterSucceeded(h, 3))
    first.pause()
    const paused = await h.scheduler.runUntil(running)
    expect(paused.state).toBe('paused')
    expect(paused.reason).toBe('paused by the user')
    expect(paused.counts.resolving + paused.counts.downloading).toBe(0)
    const readyAtPause = paused.counts.ready
    expect(readyAtPause).toBeGreaterThan(0)

    const resumed = await h.scheduler.runUntil(h.start(options).run())
    expect(resumed.state).toBe('succeeded')
    expect(resumed.counts.succeeded).toBe(24)
    // Ready items went straight to the queue: each song was resolved exactly once overall.
    expect(h.downloader.resolves).toHaveLength(24)
    const downloaded = h.downloader.downloads.map((d) => d.song)
    expect(new Set(downloaded).size).toBe(24)
  })

  it('stops running transfers on pause when told to, leaving them ready', async () => {
    const h = runnerHarness(temp, 6, { resolveMs: 1, downloadMs: 400 })
    const run = h.start(
      { mode: 'adaptive', workers: 2, resolverCap: 1 },
      { finishTransfersOnPause: false },
    )
    const running = run.run()
    await h.scheduler.runUntil(
      h.when(
        'workers',
        ({ workers }) => workers.filter((w) => w.status === 'downloading').length === 2,
      ),
    )
    run.pause()
    const paused = await h.scheduler.runUntil(running)
    expect(paused.state).toBe('paused')
    expect(paused.counts.succeeded).toBe(0)
    expect(paused.counts.downloading).toBe(0)
    expect(paused.counts.ready).toBeGreaterThanOrEqual(2)
  })

  it('cancels at once and leaves no item claimed', async () => {
    const h = runnerHarness(temp, 10, { resolveMs: 5, downloadMs: 500 })
    const run = h.start({ mode: 'adaptive', workers: 3, resolverCap: 2 })
    const running = run.run()
    await h.scheduler.runUntil(
      h.when('workers', ({ workers }) => workers.some((w) => w.status === 'downloading')),
    )
    const started = h.scheduler.now()
    run.cancel()
    const canceled = await h.scheduler.runUntil(running)
    // Nothing waits out its timer: the run ends before the scheduler moves at all.
    expect(h.scheduler.now() - started).toBe(0)
    expect(canceled.state).toBe('canceled')
    expect(canceled.counts.resolving + canceled.counts.downloading).toBe(0)
    expect(canceled.counts.succeeded).toBe(0)
  })
})
