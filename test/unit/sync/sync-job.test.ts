import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { runnerHarness } from '../../support/runner-harness'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('a sync job run', () => {
  it('sends item changes at most every 100 ms, in order, losing none', async () => {
    const h = runnerHarness(temp, 20, { resolveMs: 3, downloadMs: 40 })
    const feeds: { at: number; changes: { itemId: number; state: string }[] }[] = []
    h.bus.on('items', ({ jobId, changes }) => {
      expect(jobId).toBe(h.job.id)
      feeds.push({ at: h.scheduler.now(), changes })
    })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 3, resolverCap: 2 }).run(),
    )
    expect(summary.counts.succeeded).toBe(20)
    expect(feeds.length).toBeGreaterThan(3)
    // The last feed is the flush at the end of the run, which goes out at once.
    const paced = feeds.slice(0, -1).map((f) => f.at)
    expect(paced.slice(1).every((at, i) => at - paced[i]! >= 100)).toBe(true)
    const changes = feeds.flatMap((f) => f.changes)
    const succeeded = changes.filter((c) => c.state === 'succeeded').map((c) => c.itemId)
    expect(new Set(succeeded).size).toBe(20)
    expect(succeeded).toHaveLength(20)
    for (const itemId of succeeded) {
      const states = changes.filter((c) => c.itemId === itemId).map((c) => c.state)
      expect(states).toEqual(['resolving', 'ready', 'downloading', 'succeeded'])
    }
  })

  it('measures its elapsed time on the scheduler', async () => {
    const h = runnerHarness(temp, 4, { resolveMs: 50, downloadMs: 200 })
    const started = h.scheduler.now()
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'static', workers: 2, resolverCap: 1 }).run(),
    )
    expect(summary.elapsedMs).toBe(h.scheduler.now() - started)
    // One resolver and one downloader: four 50 ms resolves, then the last 200 ms transfer.
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(4 * 50 + 200)
  })
})
