import { describe, expect, it } from 'vitest'
import { EventBus } from '../../../src/main/core/events/event-bus'
import { WorkerBoard, type BoardOptions } from '../../../src/main/core/sync/worker-board'
import type { WorkerState } from '../../../src/shared/dashboard'
import type { CoreEvents, TransferEvent } from '../../../src/shared/events'
import { ManualScheduler } from '../../support/manual-scheduler'

/** A board on a manual scheduler, recording every publication (with its time) and write. */
function board(options: BoardOptions = {}) {
  const scheduler = new ManualScheduler()
  const bus = new EventBus<CoreEvents>()
  const published: { at: number; event: 'transfer' | 'workers' }[] = []
  const snapshots: WorkerState[][] = []
  const transfers: TransferEvent[] = []
  const writes: { at: number; workers: WorkerState[] }[] = []
  bus.on('transfer', (t) => {
    published.push({ at: scheduler.now(), event: 'transfer' })
    transfers.push(t)
  })
  bus.on('workers', ({ jobId, workers }) => {
    expect(jobId).toBe(7)
    published.push({ at: scheduler.now(), event: 'workers' })
    snapshots.push(workers)
  })
  const persist = (workers: WorkerState[]) => writes.push({ at: scheduler.now(), workers })
  const workerBoard = new WorkerBoard(7, bus, persist, scheduler, options)
  const times = () => published.filter((p) => p.event === 'workers').map((p) => p.at)
  return { scheduler, workerBoard, published, snapshots, transfers, writes, times }
}

describe('WorkerBoard', () => {
  it('publishes about ten snapshots a second however many updates arrive', async () => {
    const { scheduler, workerBoard, snapshots, times } = board()
    workerBoard.register('download-1', 'download')
    // A progress chunk every 5 ms for two seconds: 400 updates.
    for (let i = 1; i <= 400; i++) {
      workerBoard.update('download-1', { status: 'downloading', downloaded_bytes: i })
      await scheduler.advance(5)
    }
    expect(times()[0]).toBe(0)
    expect(times()).toHaveLength(21)
    const gaps = times()
      .slice(1)
      .map((at, i) => at - times()[i]!)
    expect(gaps.every((gap) => gap === 100)).toBe(true)
    // Each snapshot holds the latest state at its time, not a stale one.
    expect(snapshots.at(-1)?.[0]?.downloaded_bytes).toBe(400)
  })

  it('follows its emit interval, and sends nothing while nothing changes', async () => {
    const { scheduler, workerBoard, times } = board({ emitIntervalMs: 250 })
    workerBoard.register('resolve-1', 'resolve')
    for (let i = 0; i < 100; i++) {
      workerBoard.update('resolve-1', { progress_text: `step ${i}` })
      await scheduler.advance(10)
    }
    expect(times()).toEqual([0, 250, 500, 750, 1000])
    await scheduler.advance(10_000)
    expect(times()).toHaveLength(5)
  })

  it('sends the transfer figures just before each snapshot', async () => {
    const { scheduler, workerBoard, published } = board()
    workerBoard.register('download-1', 'download')
    await scheduler.advance(0)
    workerBoard.update('download-1', { status: 'downloading' })
    await scheduler.advance(100)
    expect(published.map((p) => p.event)).toEqual(['transfer', 'workers', 'transfer', 'workers'])
  })

  it('writes the workers to the catalog at most every two seconds', async () => {
    const { scheduler, workerBoard, writes } = board()
    workerBoard.register('download-1', 'download')
    for (let i = 0; i < 500; i++) {
      workerBoard.update('download-1', { downloaded_bytes: i })
      await scheduler.advance(10)
    }
    expect(writes.map((w) => w.at)).toEqual([0, 2000, 4000])
    expect(writes.at(-1)?.workers[0]?.downloaded_bytes).toBe(399)
  })

  it('flushes the latest state to the bus and the catalog at once', async () => {
    const { scheduler, workerBoard, snapshots, writes } = board()
    workerBoard.register('download-1', 'download')
    await scheduler.advance(0)
    workerBoard.update('download-1', { progress_text: 'last words' })
    workerBoard.flush()
    expect(snapshots.at(-1)?.[0]?.progress_text).toBe('last words')
    expect(writes.at(-1)?.workers[0]?.progress_text).toBe('last words')
    expect(scheduler.pending).toBe(0)
  })

  it('lists workers by role, then by number, and keeps name and role on reset', () => {
    const { workerBoard } = board()
    for (const name of ['download-10', 'download-2', 'download-1'])
      workerBoard.register(name, 'download')
    workerBoard.register('resolve-1', 'resolve')
    workerBoard.update('download-2', { status: 'downloading', progress_text: 'busy' })
    workerBoard.update('nobody', { status: 'downloading' })
    expect(workerBoard.snapshot().map((w) => w.name)).toEqual([
      'download-1',
      'download-2',
      'download-10',
      'resolve-1',
    ])
    workerBoard.reset('download-2')
    expect(workerBoard.snapshot()[1]).toMatchObject({
      name: 'download-2',
      role: 'download',
      status: 'idle',
      progress_text: '',
    })
    workerBoard.remove('resolve-1')
    expect(workerBoard.snapshot().map((w) => w.name)).not.toContain('resolve-1')
  })

  it('adds running bytes to finished ones and estimates the time left at the pace so far', async () => {
    const { scheduler, workerBoard, transfers } = board()
    workerBoard.watchQueue(() => ({ depth: 3, capacity: 8 }))
    workerBoard.setItemsLeft(4)
    workerBoard.register('download-1', 'download')
    workerBoard.register('resolve-1', 'resolve')
    await scheduler.advance(10_000)
    workerBoard.itemFinished(1000)
    workerBoard.update('download-1', {
      status: 'downloading',
      downloaded_bytes: 250,
      speed_bytes_per_sec: 5000,
    })
    workerBoard.update('resolve-1', { status: 'resolving', downloaded_bytes: 999 })
    await scheduler.advance(0)
    expect(transfers.at(-1)).toEqual({
      jobId: 7,
      downloadSpeedBytesPerSec: 5000,
      queueDepth: 3,
      queueCapacity: 8,
      activeResolvers: 1,
      activeDownloads: 1,
      bytesDone: 1250,
      // One item in 10 s, three left: 30 s.
      etaSeconds: 30,
    })
    expect(transfers[0]?.etaSeconds).toBeNull()
  })
})
