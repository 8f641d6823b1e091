import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventBus } from '../../../src/main/core/events/event-bus'
import { initialStatus, watchSyncStatus } from '../../../src/main/electron/sync-status'
import type { TrayStatus } from '../../../src/main/electron/tray-menu'
import type { DashboardView } from '../../../src/shared/contract'
import type { CoreEvents, TransferEvent } from '../../../src/shared/events'
import type { JobSummary } from '../../../src/shared/dashboard'
import type { JobState } from '../../../src/shared/states'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const idle: TrayStatus = { jobState: null, speed: 0, done: 0, total: 0 }
const counts = (succeeded: number, pending: number) => ({
  pending,
  resolving: 0,
  ready: 0,
  downloading: 0,
  succeeded,
  failed: 0,
  skipped: 0,
})
const job = (state: JobState) => ({ id: 1, kind: 'sync', state }) as JobSummary
const transfer = (speed: number) => ({ jobId: 1, downloadSpeedBytesPerSec: speed }) as TransferEvent

describe('the tray status feed', () => {
  it('publishes the initial status, then job and transfer events at most once a second', () => {
    const bus = new EventBus<CoreEvents>()
    const published: TrayStatus[] = []
    const stop = watchSyncStatus(bus, idle, (s) => published.push(s))
    expect(published).toEqual([idle])
    bus.emit('job', { job: job('running'), counts: counts(1, 9) })
    vi.advanceTimersByTime(0)
    for (let i = 0; i < 50; i++) bus.emit('transfer', transfer(1000 + i))
    vi.advanceTimersByTime(1000)
    expect(published.slice(1)).toEqual([
      { jobState: 'running', speed: 0, done: 1, total: 10 },
      { jobState: 'running', speed: 1049, done: 1, total: 10 },
    ])
    bus.emit('job', { job: job('paused'), counts: counts(4, 6) })
    vi.advanceTimersByTime(1000)
    expect(published.at(-1)).toEqual({ jobState: 'paused', speed: 0, done: 4, total: 10 })
    stop()
    expect(bus.listenerCount('job') + bus.listenerCount('transfer')).toBe(0)
  })
})

describe('the tray status at start-up', () => {
  const dashboard = (state: JobState | null) => () =>
    ({
      job: state ? job(state) : null,
      counts: counts(3, 7),
      transfer_stats: { download_speed_bytes_per_sec: 0 },
    }) as unknown as DashboardView

  it('offers to resume a job a crash left running, and shows others as they are', () => {
    const isSyncing = () => false
    expect(initialStatus({ dashboard: dashboard('running'), isSyncing })).toEqual({
      jobState: 'paused',
      speed: 0,
      done: 3,
      total: 10,
    })
    expect(initialStatus({ dashboard: dashboard('paused'), isSyncing }).jobState).toBe('paused')
    expect(initialStatus({ dashboard: dashboard(null), isSyncing }).jobState).toBeNull()
  })
})
