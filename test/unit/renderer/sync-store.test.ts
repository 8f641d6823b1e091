import { describe, expect, it } from 'vitest'
import type { DashboardSnapshot } from '../../../src/shared/dashboard'
import type { TransferEvent } from '../../../src/shared/events'
import { createSyncStore, jobIsStale } from '../../../src/renderer/src/stores/sync-store'
import { fakeBridge, ok } from '../../support/renderer/fake-bridge'
import { counts, job } from '../../support/renderer/view-fixtures'
import { worker } from '../../support/renderer/worker-fixtures'

const newStore = () => createSyncStore(fakeBridge({}).bridge)

const transfer = (jobId: number, speed: number): TransferEvent => ({
  jobId,
  downloadSpeedBytesPerSec: speed,
  queueDepth: 3,
  queueCapacity: 8,
  activeResolvers: 1,
  activeDownloads: 2,
  bytesDone: 1000,
  etaSeconds: 60,
})

const snapshot = (patch: Partial<DashboardSnapshot>): DashboardSnapshot => ({
  job: job(1, 'running'),
  counts: counts({ pending: 10 }),
  workers: [],
  transfer_stats: { download_speed_bytes_per_sec: 0, active_downloads: 0, active_resolvers: 0 },
  ...patch,
})

describe('the sync store', () => {
  it('applies a snapshot asked for before any event', () => {
    const store = newStore()
    const { api } = store.getState()
    const asked = api.seen()
    api.snapshot(snapshot({ workers: [worker({ name: 'download-1' })] }), asked, 'all')
    const state = store.getState()
    expect(state.loaded).toBe(true)
    expect(state.job?.id).toBe(1)
    expect(state.board.order).toEqual(['download-1'])
  })

  it('drops the parts of a snapshot that events overtook', () => {
    const store = newStore()
    const { api } = store.getState()
    const asked = api.seen()
    api.job({ job: job(1, 'paused'), counts: counts({ succeeded: 4 }) })
    api.workers({ jobId: 1, workers: [worker({ name: 'download-1', status: 'downloading' })] })
    api.snapshot(snapshot({ workers: [worker({ name: 'download-1' })] }), asked, 'all')
    const state = store.getState()
    expect(state.job?.state).toBe('paused')
    expect(state.counts?.succeeded).toBe(4)
    expect(state.board.byName['download-1']?.status).toBe('downloading')
    expect(state.loaded).toBe(true)
  })

  it('takes only the job and counts from a later refresh', () => {
    const store = newStore()
    const { api } = store.getState()
    api.workers({ jobId: 1, workers: [worker({ name: 'download-1', status: 'downloading' })] })
    api.snapshot(
      snapshot({ counts: counts({ succeeded: 7 }), workers: [worker({ name: 'download-1' })] }),
      api.seen(),
      'job',
    )
    expect(store.getState().counts?.succeeded).toBe(7)
    expect(store.getState().board.byName['download-1']?.status).toBe('downloading')
  })

  it('forgets the workers and figures of the previous job when a new one starts', () => {
    const store = newStore()
    const { api } = store.getState()
    api.job({ job: job(1, 'succeeded'), counts: counts() })
    api.workers({ jobId: 1, workers: [worker({ name: 'download-1' })] })
    api.transfer(transfer(1, 0))
    api.job({ job: job(2, 'running'), counts: counts({ pending: 3 }) })
    expect(store.getState().board.order).toEqual([])
    expect(store.getState().transfer).toBeNull()
    api.workers({ jobId: 1, workers: [worker({ name: 'download-9' })] })
    api.transfer(transfer(1, 5))
    expect(store.getState().board.order).toEqual([])
    expect(store.getState().transfer).toBeNull()
  })

  it('samples the speed of a moving job and zero otherwise', () => {
    const store = newStore()
    const { api } = store.getState()
    api.job({ job: job(1, 'running'), counts: counts() })
    api.transfer(transfer(1, 2_000_000))
    api.sample(1000)
    api.job({ job: job(1, 'paused'), counts: counts() })
    api.sample(2000)
    expect(store.getState().speedHistory).toEqual([
      { at: 1000, bytesPerSec: 2_000_000 },
      { at: 2000, bytesPerSec: 0 },
    ])
  })

  it('refreshes from the dashboard without task rows, keeping what events overtook', async () => {
    const { bridge, calls } = fakeBridge({
      'dashboard:get': () => ok({ ...snapshot({ counts: counts({ succeeded: 2 }) }), stages: [] }),
    })
    const store = createSyncStore(bridge)
    const { api } = store.getState()
    const pending = api.refresh('job')
    api.job({ job: job(1, 'paused'), counts: counts({ succeeded: 5 }) })
    await pending
    expect(calls).toEqual([{ channel: 'dashboard:get', args: [{ includeTaskRows: false }] }])
    expect(store.getState()).toMatchObject({ loaded: true, counts: { succeeded: 5 } })
    await api.refresh('job')
    expect(store.getState().counts?.succeeded).toBe(2)
  })

  it('tells when workers report for a job it does not know as moving', () => {
    expect(jobIsStale({ job: null }, 1)).toBe(true)
    expect(jobIsStale({ job: job(1, 'running') }, 1)).toBe(false)
    expect(jobIsStale({ job: job(1, 'pause_requested') }, 1)).toBe(false)
    expect(jobIsStale({ job: job(1, 'succeeded') }, 1)).toBe(true)
    expect(jobIsStale({ job: job(1, 'running') }, 2)).toBe(true)
    expect(jobIsStale({ job: job(2, 'running') }, 1)).toBe(false)
  })
})
