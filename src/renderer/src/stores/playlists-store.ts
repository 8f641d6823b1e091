import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Bridge } from '../bridge'
import type { PlaylistSummary } from '../../../shared/contract'
import type { RemovalPolicy } from '../../../shared/removal-policy'

export interface PlaylistsState {
  playlists: PlaylistSummary[]
  /** False until the first answer, so an empty list is not shown while loading. */
  loaded: boolean
  selectedId: number | null
  error: string | null
  api: {
    refresh(): Promise<void>
    select(playlistId: number | null): void
    setRemovalPolicy(playlistId: number, policy: RemovalPolicy): Promise<void>
  }
}

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
