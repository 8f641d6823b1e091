import { afterEach, describe, expect, it, vi } from 'vitest'
import { BridgeProvider } from '../../../src/renderer/src/bridge-context'
import { StoresProvider } from '../../../src/renderer/src/store-context'
import { connectWindowEvents, WindowEvents } from '../../../src/renderer/src/window-events'
import { createWindowStores } from '../../../src/renderer/src/stores/window-stores'
import type { DashboardView, InvokeChannel } from '../../../src/shared/contract'
import type { EventChannel } from '../../../src/shared/contract'
import { fakeBridge, ok } from '../../support/renderer/fake-bridge'
import { memoryStorage } from '../../support/renderer/memory-storage'
import { mountBare } from '../../support/renderer/mount-bare'
import { counts, job, songRow } from '../../support/renderer/view-fixtures'
import { worker } from '../../support/renderer/worker-fixtures'

const EVENTS: EventChannel[] = ['workers', 'transfer', 'job', 'items', 'playlists']

const dashboard = (): DashboardView => ({
  job: null,
  counts: counts({ pending: 1 }),
  workers: [],
  transfer_stats: { download_speed_bytes_per_sec: 0, active_downloads: 0, active_resolvers: 0 },
  stages: [],
})

/** A window's stores over a fake service with one 50,000-song playlist and no problems. */
function aWindow() {
  const fake = fakeBridge({
    'dashboard:get': () => ok(dashboard()),
    'playlists:list': () => ok([]),
    'playlists:songs': ({ offset, limit }) => {
      const songs = Array.from({ length: Math.min(limit, 50_000 - offset) }, (_, i) =>
        songRow(offset + i),
      )
      return ok({ total: 50_000, songs })
    },
    'items:problems': () => ok({ total: 0, items: [] }),
  })
  const stores = createWindowStores(fake.bridge, memoryStorage())
  const callsTo = (channel: InvokeChannel) => fake.calls.filter((c) => c.channel === channel)
  return { ...fake, stores, callsTo }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  vi.useRealTimers()
})

describe('the window events', () => {
  it('subscribes when the component mounts, feeds the stores, and unsubscribes on unmount', async () => {
    const { bridge, stores, emit, listening, callsTo } = aWindow()
    const mounted = await mountBare(
      <BridgeProvider bridge={bridge}>
        <StoresProvider stores={stores}>
          <WindowEvents />
        </StoresProvider>
      </BridgeProvider>,
    )
    expect(EVENTS.map(listening)).toEqual([1, 1, 1, 1, 1])
    expect(callsTo('dashboard:get')).toHaveLength(1)
    emit('job', { job: job(3, 'running'), counts: counts({ pending: 1 }) })
    expect(stores.sync.getState().job?.id).toBe(3)
    await mounted.unmount()
    expect(EVENTS.map(listening)).toEqual([0, 0, 0, 0, 0])
  })

  it('subscribes to each event once, before its first fetch', () => {
    const { bridge, stores, listening } = aWindow()
    const order: string[] = []
    const on = bridge.on.bind(bridge)
    const invoke = bridge.invoke.bind(bridge)
    bridge.on = (event, listener) => {
      order.push(`on ${event}`)
      return on(event, listener)
    }
    bridge.invoke = (channel, ...args) => {
      order.push(`fetch ${channel}`)
      return invoke(channel, ...args)
    }
    const off = connectWindowEvents(bridge, stores)
    expect(order).toEqual([...EVENTS.map((event) => `on ${event}`), 'fetch dashboard:get'])
    expect(EVENTS.map(listening)).toEqual([1, 1, 1, 1, 1])
    off()
  })

  it('unsubscribes from everything and stops its timers when disconnected', () => {
    vi.useFakeTimers()
    const { bridge, stores, emit, listening, callsTo } = aWindow()
    stores.ui.getState().api.show('playlists')
    const off = connectWindowEvents(bridge, stores)
    emit('items', { jobId: 1, changes: [] })
    emit('items', { jobId: 1, changes: [] })
    off()
    expect(EVENTS.map(listening)).toEqual([0, 0, 0, 0, 0])
    expect(vi.getTimerCount()).toBe(0)
    const before = callsTo('dashboard:get').length
    vi.advanceTimersByTime(5000)
    expect(callsTo('dashboard:get')).toHaveLength(before)
    expect(stores.sync.getState().speedHistory).toEqual([])
  })

  it('feeds job, worker and transfer events to the sync store, and samples the speed', () => {
    vi.useFakeTimers()
    const { bridge, stores, emit } = aWindow()
    const off = connectWindowEvents(bridge, stores)
    emit('job', { job: job(1, 'running'), counts: counts({ pending: 1 }) })
    emit('workers', { jobId: 1, workers: [worker({ name: 'download-1', status: 'downloading' })] })
    emit('transfer', {
      jobId: 1,
      downloadSpeedBytesPerSec: 2_000_000,
      queueDepth: 3,
      queueCapacity: 8,
      activeResolvers: 1,
      activeDownloads: 2,
      bytesDone: 1000,
      etaSeconds: 60,
    })
    const state = stores.sync.getState()
    expect(state.job?.id).toBe(1)
    expect(state.board.byName['download-1']?.status).toBe('downloading')
    expect(state.transfer?.downloadSpeedBytesPerSec).toBe(2_000_000)
    vi.advanceTimersByTime(1000)
    expect(stores.sync.getState().speedHistory.map((s) => s.bytesPerSec)).toEqual([2_000_000])
    off()
  })

  it('fetches the counts again at most once a second on item events, and for a stale job', () => {
    vi.useFakeTimers()
    const { bridge, stores, emit, callsTo } = aWindow()
    const off = connectWindowEvents(bridge, stores)
    expect(callsTo('dashboard:get')).toHaveLength(1)
    emit('job', { job: job(1, 'running'), counts: counts({ pending: 1 }) })
    for (let i = 0; i < 20; i++) emit('items', { jobId: 1, changes: [] })
    expect(callsTo('dashboard:get')).toHaveLength(1)
    vi.advanceTimersByTime(1000)
    expect(callsTo('dashboard:get')).toHaveLength(2)
    emit('workers', { jobId: 1, workers: [] })
    vi.advanceTimersByTime(1000)
    expect(callsTo('dashboard:get')).toHaveLength(2)
    emit('workers', { jobId: 2, workers: [] })
    vi.advanceTimersByTime(1000)
    expect(callsTo('dashboard:get')).toHaveLength(3)
    off()
  })

  it('refreshes the playlists on an import at once and on sync events at most once a second, while they show', () => {
    vi.useFakeTimers()
    const { bridge, stores, emit, callsTo } = aWindow()
    stores.ui.getState().api.show('playlists')
    const off = connectWindowEvents(bridge, stores)
    emit('playlists', { playlistIds: [1] })
    expect(callsTo('playlists:list')).toHaveLength(1)
    for (let i = 0; i < 20; i++) emit('items', { jobId: 1, changes: [] })
    expect(callsTo('playlists:list')).toHaveLength(2)
    vi.advanceTimersByTime(1000)
    expect(callsTo('playlists:list')).toHaveLength(3)
    stores.ui.getState().api.show('sync')
    vi.advanceTimersByTime(1000)
    emit('playlists', { playlistIds: [1] })
    emit('items', { jobId: 1, changes: [] })
    vi.advanceTimersByTime(1000)
    expect(callsTo('playlists:list')).toHaveLength(3)
    off()
  })

  it('reloads the rows in view when its playlist is re-imported, not for other playlists', async () => {
    const { bridge, stores, emit, callsTo } = aWindow()
    stores.ui.getState().api.show('playlists')
    const off = connectWindowEvents(bridge, stores)
    const { setQuery, ensureRange } = stores.songs.getState().api
    setQuery({ playlistId: 7 })
    ensureRange(1000, 1020)
    await flush()
    expect(callsTo('playlists:songs')).toHaveLength(2)
    emit('playlists', { playlistIds: [8] })
    expect(callsTo('playlists:songs')).toHaveLength(2)
    emit('playlists', { playlistIds: [7] })
    await flush()
    const offsets = callsTo('playlists:songs')
      .slice(2)
      .map((c) => (c.args[0] as { offset: number }).offset)
    expect(offsets.sort((a, b) => a - b)).toEqual([0, 1000])
    off()
  })

  it('keeps the problems on screen fresh on item and job events, at most once a second', () => {
    vi.useFakeTimers()
    const { bridge, stores, emit, callsTo } = aWindow()
    const off = connectWindowEvents(bridge, stores)
    emit('items', { jobId: 1, changes: [] })
    expect(callsTo('items:problems')).toHaveLength(0)
    stores.ui.getState().api.show('failed')
    for (let i = 0; i < 5; i++) emit('items', { jobId: 1, changes: [] })
    emit('job', { job: job(1, 'running'), counts: counts({ pending: 1 }) })
    expect(callsTo('items:problems')).toHaveLength(1)
    vi.advanceTimersByTime(1000)
    expect(callsTo('items:problems')).toHaveLength(2)
    off()
  })
})
