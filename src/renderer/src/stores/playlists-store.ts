import { create } from 'zustand'
import type { Bridge } from '../bridge'
import type { PlaylistSummary } from '../../../shared/contract'
import type { RemovalPolicy } from '../../../shared/removal-policy'
import { throttle, type Timers } from './timing'

interface PlaylistsState {
  playlists: PlaylistSummary[]
  /** False until the first answer, so an empty list is not shown while loading. */
  loaded: boolean
  selectedId: number | null
  error: string | null
  api: {
    /** Subscribes to the service's events, then fetches; returns the unsubscribe. */
    connect(bridge: Bridge, timers?: Timers): () => void
    refresh(bridge: Bridge): Promise<void>
    select(playlistId: number | null): void
    setRemovalPolicy(bridge: Bridge, playlistId: number, policy: RemovalPolicy): Promise<void>
  }
}

/** Sync progress changes counts often; at most one refresh a second is plenty for a list. */
const SYNC_REFRESH_MS = 1000

let latestRequest = 0

/** The playlists with their per-state counts: a cache of `playlists:list`. */
export const usePlaylistsStore = create<PlaylistsState>()((set, get) => ({
  playlists: [],
  loaded: false,
  selectedId: null,
  error: null,
  api: {
    connect(bridge, timers) {
      const { refresh } = get().api
      const onSync = throttle(() => void refresh(bridge), SYNC_REFRESH_MS, timers)
      const offs = [
        bridge.on('playlists', () => void refresh(bridge)),
        bridge.on('job', onSync),
        bridge.on('items', onSync),
      ]
      void refresh(bridge)
      return () => {
        onSync.cancel()
        offs.forEach((off) => off())
      }
    },
    async refresh(bridge) {
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
    async setRemovalPolicy(bridge, playlistId, policy) {
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
