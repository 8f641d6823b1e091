import { describe, expect, it } from 'vitest'
import { createSongsStore } from '../../../src/renderer/src/stores/songs-store'
import type { PlaylistSongsPage, Result } from '../../../src/shared/contract'
import { deferred, fakeBridge } from '../../support/renderer/fake-bridge'
import { songRow } from '../../support/renderer/view-fixtures'

/** A 50,000-song playlist served a page at a time. */
function bigPlaylist() {
  return fakeBridge(async (_channel, args) => {
    const { offset, limit } = args[0] as { offset: number; limit: number }
    const songs = Array.from({ length: Math.min(limit, 50_000 - offset) }, (_, i) =>
      songRow(offset + i),
    )
    return { ok: true, value: { total: 50_000, songs } }
  })
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the songs store', () => {
  it('fetches only the pages in view, once each, and keeps the total from the service', async () => {
    const { bridge, calls } = bigPlaylist()
    const store = createSongsStore(bridge)
    const { setQuery, ensureRange } = store.getState().api
    setQuery({ playlistId: 7 })
    ensureRange(0, 30)
    await flush()
    expect(store.getState().total).toBe(50_000)
    ensureRange(30_000, 30_040)
    ensureRange(30_000, 30_040)
    await flush()
    expect(calls.map((c) => (c.args[0] as { offset: number }).offset)).toEqual([0, 30_000])
    expect(Object.keys(store.getState().pages)).toEqual(['0', '150'])
  })

  it('sends the search and state filter, and drops replies for an older query', async () => {
    const first = deferred<Result<PlaylistSongsPage>>()
    const { bridge, calls } = fakeBridge(async (_c, args) => {
      const query = args[0] as { state?: string }
      if (!query.state) return first.promise
      return { ok: true, value: { total: 1, songs: [{ ...songRow(3), state: 'failed' }] } }
    })
    const store = createSongsStore(bridge)
    const { setQuery } = store.getState().api
    setQuery({ playlistId: 7, search: '  ' })
    setQuery({ search: 'band', state: 'failed' })
    await flush()
    first.resolve({ ok: true, value: { total: 50_000, songs: [songRow(0)] } })
    await flush()
    expect(calls[0]!.args[0]).toEqual({ playlistId: 7, offset: 0, limit: 200 })
    expect(calls[1]!.args[0]).toMatchObject({ search: 'band', state: 'failed' })
    expect(store.getState()).toMatchObject({ total: 1, pages: { 0: [{ position: 3 }] } })
  })

  it('shows the service error', async () => {
    const { bridge } = fakeBridge(async () => ({ ok: false, error: 'playlists:songs: nope' }))
    const store = createSongsStore(bridge)
    store.getState().api.setQuery({ playlistId: 7 })
    await flush()
    expect(store.getState().error).toBe('playlists:songs: nope')
  })
})
