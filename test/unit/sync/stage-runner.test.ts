import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RateLimitedError } from '../../../src/main/core/net/http-errors'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { runnerHarness } from '../../support/runner-harness'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('the dual-pool runner', () => {
  it.each(['adaptive', 'static'] as const)(
    '%s: resolvers feed the queue, only download-* workers download',
    async (mode) => {
      const h = runnerHarness(temp, 30, { resolveMs: 3, downloadMs: 8 })
      const summary = await h.scheduler.runUntil(
        h.start({ mode, workers: mode === 'static' ? 6 : 4, resolverCap: 4 }).run(),
      )
      expect(summary.state).toBe('succeeded')
      expect(summary.counts.succeeded).toBe(30)
      expect(h.itemWorkers().every((i) => /^download-\d+$/.test(i.worker ?? ''))).toBe(true)
      const resolving = h.snapshots.flat().filter((w) => w.status === 'resolving')
      expect(resolving.length).toBeGreaterThan(0)
      expect(resolving.every((w) => /^resolve-\d+$/.test(w.name))).toBe(true)
      const downloading = h.snapshots.flat().filter((w) => w.status === 'downloading')
      expect(downloading.every((w) => /^download-\d+$/.test(w.name))).toBe(true)
      expect(h.downloader.resolves).toHaveLength(30)
      expect(h.downloader.downloads).toHaveLength(30)
    },
  )

  it('keeps the queue within its capacity (2 × downloaders)', async () => {
    const h = runnerHarness(temp, 40, { resolveMs: 1, downloadMs: 20 })
    const run = h.start({ mode: 'static', workers: 10, resolverCap: 8 })
    const depths: number[] = []
    h.bus.on('transfer', (t) => depths.push(t.queueDepth))
    const summary = await h.scheduler.runUntil(run.run())
    expect(summary.counts.succeeded).toBe(40)
    expect(Math.max(...depths)).toBeLessThanOrEqual(14)
    expect(h.downloader.maxActiveDownloads).toBeLessThanOrEqual(7)
  })

  it('uses the single path named download-1 for one worker', async () => {
    const h = runnerHarness(temp, 5)
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'static', workers: 1, resolverCap: 1 }).run(),
    )
    expect(summary.counts.succeeded).toBe(5)
    expect(new Set(h.itemWorkers().map((i) => i.worker))).toEqual(new Set(['download-1']))
    expect(h.snapshots.flat().every((w) => w.name === 'download-1')).toBe(true)
  })

  it('skips songs already in the library', async () => {
    const h = runnerHarness(temp, 3)
    temp.service.library.recordLocalFile({
      songId: h.songIds[1]!,
      backendId: h.backend.id,
      relativePath: 'already.mp3',
      sizeBytes: 5,
    })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 2, resolverCap: 2 }).run(),
    )
    expect(summary.counts).toMatchObject({ succeeded: 2, skipped: 1 })
    expect(h.downloader.resolves.map((r) => r.song)).not.toContain('Song 1')
  })

  it('fails an item no source resolves, with the reason, and enqueues nothing', async () => {
    const h = runnerHarness(temp, 3, { unresolvable: new Set(['Song 2']) })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 2, resolverCap: 2 }).run(),
    )
    expect(summary.counts).toMatchObject({ succeeded: 2, failed: 1 })
    expect(h.downloader.downloads.map((d) => d.song)).not.toContain('Song 2')
    const failed = temp.service.dashboard.snapshot({ includeTaskRows: true, states: ['failed'] })
    expect(failed.task_rows?.[0]?.message).toBe('not found on first, second')
  })

  it('re-resolves on the next source when a download fails', async () => {
    const failing = new Map([['Song 0', new Set(['first'])]])
    const h = runnerHarness(temp, 2, { failingTransfers: failing })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 2, resolverCap: 1 }).run(),
    )
    expect(summary.counts.succeeded).toBe(2)
    expect(h.downloader.resolves).toContainEqual({ song: 'Song 0', fromSourceIndex: 1 })
    const file = temp.service.library.activeLocalFiles(h.songIds[0]!)[0]
    expect(file?.sourceId).toBe('second')
  })

  it('fails with every reason when the last source fails too', async () => {
    const failing = new Map([['Song 0', new Set(['first', 'second'])]])
    const h = runnerHarness(temp, 1, { failingTransfers: failing })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 1, resolverCap: 1 }).run(),
    )
    expect(summary.counts.failed).toBe(1)
    const row = temp.service.dashboard.snapshot({ includeTaskRows: true }).task_rows?.[0]
    expect(row?.message).toMatch(/first: HTTP 404 from first.*second: HTTP 404 from second/)
  })

  it('honours Retry-After on 429 and shows the cool-down', async () => {
    const h = runnerHarness(temp, 1, {
      transferErrors: [new RateLimitedError(429, 'http://127.0.0.1:9/x', 1000)],
    })
    const started = h.scheduler.now()
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 1, resolverCap: 1 }).run(),
    )
    expect(summary.counts.succeeded).toBe(1)
    expect(h.scheduler.now() - started).toBeGreaterThanOrEqual(1000)
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(1000)
    const texts = h.snapshots.flat().map((w) => w.progress_text)
    expect(texts.some((t) => /^first cooling down [12]s$/.test(t))).toBe(true)
  })
})

describe('the adaptive resolver pool', () => {
  const maxResolvers = (h: ReturnType<typeof runnerHarness>) =>
    Math.max(...h.snapshots.map((s) => s.filter((w) => w.role === 'resolve').length))

  it('grows up to its cap while downloaders wait on slow resolves', async () => {
    const h = runnerHarness(temp, 30, { resolveMs: 40, downloadMs: 1 })
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 4, resolverCap: 5, controlIntervalMs: 20 }).run(),
    )
    expect(summary.counts.succeeded).toBe(30)
    expect(maxResolvers(h)).toBe(5)
  })

  it('shrinks back when the queue is full', async () => {
    // Slow resolves first (the pool grows), then fast ones that fill the queue (it shrinks).
    const slowFirst = (song: string) => (Number(song.split(' ')[1]) < 10 ? 60 : 1)
    const h = runnerHarness(temp, 40, { resolveMs: slowFirst, downloadMs: 40 })
    const counts: number[] = []
    h.bus.on('workers', ({ workers }) =>
      counts.push(workers.filter((w) => w.role === 'resolve').length),
    )
    const summary = await h.scheduler.runUntil(
      h.start({ mode: 'adaptive', workers: 2, resolverCap: 4, controlIntervalMs: 10 }).run(),
    )
    expect(summary.counts.succeeded).toBe(40)
    const peak = counts.indexOf(Math.max(...counts))
    expect(Math.max(...counts)).toBeGreaterThan(1)
    expect(Math.min(...counts.slice(peak))).toBeLessThanOrEqual(1)
  })

  it('takes the same steps on every run, since only the scheduler moves time', async () => {
    const trace = async (catalog: TempCatalog) => {
      const slowFirst = (song: string) => (Number(song.split(' ')[1]) < 10 ? 60 : 1)
      const h = runnerHarness(catalog, 20, { resolveMs: slowFirst, downloadMs: 40 })
      const steps: string[] = []
      h.bus.on('workers', ({ workers }) =>
        steps.push(`${h.scheduler.now()} ${workers.map((w) => `${w.name}:${w.status}`).join(' ')}`),
      )
      h.bus.on('items', ({ changes }) =>
        steps.push(
          `${h.scheduler.now()} ${changes.map((c) => `${c.itemId}:${c.state}`).join(' ')}`,
        ),
      )
      const summary = await h.scheduler.runUntil(
        h.start({ mode: 'adaptive', workers: 2, resolverCap: 4, controlIntervalMs: 10 }).run(),
      )
      return { elapsed: summary.elapsedMs, steps, downloads: h.downloader.downloads }
    }
    const other = tempCatalog()
    try {
      const first = await trace(temp)
      expect(first.steps.length).toBeGreaterThan(5)
      expect(await trace(other)).toEqual(first)
    } finally {
      other.cleanup()
    }
  })
})
