import { describe, expect, it, vi } from 'vitest'
import { createPlaylistsStore } from '../../../src/renderer/src/stores/playlists-store'
import type { PlaylistSummary, Result } from '../../../src/shared/contract'
import { deferred, fakeBridge } from '../../support/renderer/fake-bridge'

const playlist = (id: number, name: string): PlaylistSummary => ({
  id,
  name,
  sourceFormat: 'm3u',
  platform: null,
  importedAt: 0,
  lastSyncedAt: null,
  removalPolicy: 'keep',
  songs: 2,
  counts: { not_synced: 2 },
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the playlists store', () => {
  it('subscribes before it fetches, and selects the first playlist', async () => {
    const order: string[] = []
    const { bridge } = fakeBridge(async () => {
      order.push('fetch')
      return { ok: true, value: [playlist(1, 'A'), playlist(2, 'B')] }
    })
    const on = bridge.on.bind(bridge)
    bridge.on = (event, listener) => {
      order.push(`on ${event}`)
      return on(event, listener)
    }
    const store = createPlaylistsStore(bridge)
    const off = store.getState().api.connect()
    await flush()
    expect(order).toEqual(['on playlists', 'on job', 'on items', 'fetch'])
    expect(store.getState()).toMatchObject({ loaded: true, selectedId: 1 })
    off()
  })

  it('drops a reply that arrives after a newer one', async () => {
    const replies = [deferred<Result<PlaylistSummary[]>>(), deferred<Result<PlaylistSummary[]>>()]
    let n = 0
    const { bridge } = fakeBridge(() => replies[n++]!.promise)
    const store = createPlaylistsStore(bridge)
    const { refresh } = store.getState().api
    const older = refresh()
    const newer = refresh()
    replies[1]!.resolve({ ok: true, value: [playlist(2, 'New')] })
    await newer
    replies[0]!.resolve({ ok: true, value: [playlist(1, 'Old')] })
    await older
    expect(store.getState().playlists.map((p) => p.name)).toEqual(['New'])
  })

  it('refreshes on an import at once and on sync events at most once a second', async () => {
    vi.useFakeTimers()
    const { bridge, calls, emit, listening } = fakeBridge(async () => ({ ok: true, value: [] }))
    const off = createPlaylistsStore(bridge).getState().api.connect()
    expect(calls).toHaveLength(1)
    emit('playlists', { playlistIds: [1] })
    expect(calls).toHaveLength(2)
    for (let i = 0; i < 20; i++) emit('items', { jobId: 1, changes: [] })
    expect(calls).toHaveLength(3)
    vi.advanceTimersByTime(1000)
    expect(calls).toHaveLength(4)
    off()
    expect(listening('items')).toBe(0)
    vi.useRealTimers()
  })

  it('keeps the chosen playlist while it exists, and shows the service error', async () => {
    let answer: Result<PlaylistSummary[]> = {
      ok: true,
      value: [playlist(1, 'A'), playlist(2, 'B')],
    }
    const { bridge } = fakeBridge(async () => answer)
    const store = createPlaylistsStore(bridge)
    const { refresh, select } = store.getState().api
    await refresh()
    select(2)
    await refresh()
    expect(store.getState().selectedId).toBe(2)
    answer = { ok: false, error: 'playlists:list: catalog is locked' }
    await refresh()
    expect(store.getState().error).toBe('playlists:list: catalog is locked')
  })

  it('sets the removal policy of a playlist and shows what the service kept', async () => {
    const listed = [playlist(1, 'A'), playlist(2, 'B')]
    const { bridge, calls } = fakeBridge({
      'playlists:set-removal-policy': ({ playlistId, policy }) => ({
        ok: true,
        value: { ...playlist(playlistId, 'A'), removalPolicy: policy },
      }),
    })
    const store = createPlaylistsStore(bridge)
    store.setState({ playlists: listed, loaded: true })
    await store.getState().api.setRemovalPolicy(1, 'archive')
    expect(calls).toEqual([
      { channel: 'playlists:set-removal-policy', args: [{ playlistId: 1, policy: 'archive' }] },
    ])
    const policies = store.getState().playlists.map((p) => p.removalPolicy)
    expect(policies).toEqual(['archive', 'keep'])
    const failing = createPlaylistsStore(fakeBridge({}).bridge)
    failing.setState({ playlists: listed, loaded: true })
    await failing.getState().api.setRemovalPolicy(2, 'delete')
    expect(failing.getState().error).toMatch(/not faked/)
  })
})
