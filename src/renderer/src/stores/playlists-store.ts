import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Bridge } from '../bridge'
import type { PlaylistSummary } from '../../../shared/contract'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import { throttle, type Timers } from './timing'

export interface PlaylistsState {
  playlists: PlaylistSummary[]
  /** False until the first answer, so an empty list is not shown while loading. */
  loaded: boolean
  selectedId: number | null
  error: string | null
  api: {
    /** Subscribes to the service's events, then fetches; returns the unsubscribe. */
    connect(timers?: Timers): () => void
    refresh(): Promise<void>
    select(playlistId: number | null): void
    setRemovalPolicy(playlistId: number, policy: RemovalPolicy): Promise<void>
  }
}

/** Sync progress changes counts often; at most one refresh a second is plenty for a list. */
const SYNC_REFRESH_MS = 1000

export type PlaylistsStore = StoreApi<PlaylistsState>

/** The playlists with their per-state counts: a cache of `playlists:list`. */
export function createPlaylistsStore(bridge: Bridge): PlaylistsStore {
  let latestRequest = 0
  return createStore<PlaylistsState>()((set, get) => ({
    playlists: [],
    loaded: false,
    selectedId: null,
    error: null,
    api: {
      connect(timers) {
        const { refresh } = get().api
        const onSync = throttle(() => void refresh(), SYNC_REFRESH_MS, timers)
        const offs = [
          bridge.on('playlists', () => void refresh()),
          bridge.on('job', onSync),
          bridge.on('items', onSync),
        ]
        void refresh()
        return () => {
          onSync.cancel()
          offs.forEach((off) => off())
        }
      },
      async refresh() {
        const request = ++latestRequest
        const result = await bridge.invoke('playlists:list')
        // An older reply arriving after a newer one would show counts that already changed.
        if (request !== latestRequest) return
        if (!result.ok) {
          set({ error: result.error, loaded: true })
          return
        }
        const playlists = result.value
        const { selectedId } = get()
        const stillThere = playlists.some((p) => p.id === selectedId)
        set({
          playlists,
          loaded: true,
          error: null,
          selectedId: stillThere ? selectedId : (playlists[0]?.id ?? null),
        })
      },
      select: (selectedId) => set({ selectedId }),
      async setRemovalPolicy(playlistId, policy) {
        const result = await bridge.invoke('playlists:set-removal-policy', { playlistId, policy })
        if (!result.ok) {
          set({ error: result.error })
          return
        }
        const updated = result.value
        set((state) => ({
          error: null,
          playlists: state.playlists.map((p) => (p.id === updated.id ? updated : p)),
        }))
      },
    },
  }))
}
