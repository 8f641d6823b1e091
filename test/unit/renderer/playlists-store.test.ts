import { describe, expect, it } from 'vitest'
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

describe('the playlists store', () => {
  it('selects the first playlist once loaded', async () => {
    const { bridge } = fakeBridge(async () => ({
      ok: true,
      value: [playlist(1, 'A'), playlist(2, 'B')],
    }))
    const store = createPlaylistsStore(bridge)
    await store.getState().api.refresh()
    expect(store.getState()).toMatchObject({ loaded: true, selectedId: 1 })
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
