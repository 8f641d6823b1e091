import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Bridge } from '../bridge'
import type { PlaylistSongRow, SongState } from '../../../shared/contract'
import { PAGE_SIZE, pagesFor } from './song-pages'

export interface SongsQuery {
  playlistId: number | null
  search: string
  state: SongState | null
}

export interface SongsState {
  query: SongsQuery
  /** Rows matching the query, as the service counted them; null until the first page arrives. */
  total: number | null
  pages: Record<number, PlaylistSongRow[]>
  error: string | null
  api: {
    setQuery(patch: Partial<SongsQuery>): void
    /** Fetches the pages holding rows `first..last` that are not cached or on their way. */
    ensureRange(first: number, last: number): void
    /** Refetches the rows last asked for (songs changed state), keeping the others' rows. */
    reload(): void
  }
}

export type SongsStore = StoreApi<SongsState>

/** One playlist's songs, a page at a time as the table scrolls: a cache of `playlists:songs`. */
export function createSongsStore(bridge: Bridge): SongsStore {
  // Bookkeeping that never renders: which query the replies belong to and what is in flight.
  let generation = 0
  let inFlight = new Set<number>()
  let lastRange: [number, number] = [0, 0]

  return createStore<SongsState>()((set, get) => {
    async function fetchPage(page: number) {
      const { query } = get()
      if (query.playlistId === null) return
      const mine = generation
      inFlight.add(page)
      const result = await bridge.invoke('playlists:songs', {
        playlistId: query.playlistId,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.state ? { state: query.state } : {}),
      })
      // A reply for an older query (another playlist, search or filter) is dropped.
      if (mine !== generation) return
      inFlight.delete(page)
      if (!result.ok) {
        set({ error: result.error })
        return
      }
      set((state) => ({
        error: null,
        total: result.value.total,
        pages: { ...state.pages, [page]: result.value.songs },
      }))
    }

    return {
      query: { playlistId: null, search: '', state: null },
      total: null,
      pages: {},
      error: null,
      api: {
        setQuery(patch) {
          generation++
          inFlight = new Set()
          lastRange = [0, 0]
          set((state) => ({
            query: { ...state.query, ...patch },
            total: null,
            pages: {},
            error: null,
          }))
          void fetchPage(0)
        },
        ensureRange(first, last) {
          lastRange = [first, last]
          const { pages } = get()
          for (const page of pagesFor(first, last)) {
            if (!pages[page] && !inFlight.has(page)) void fetchPage(page)
          }
        },
        reload() {
          if (get().query.playlistId === null) return
          generation++
          inFlight = new Set()
          const wanted = new Set(pagesFor(...lastRange))
          wanted.add(0)
          // Rows outside the view are forgotten so that scrolling there fetches them fresh.
          set((state) => ({
            pages: Object.fromEntries(
              Object.entries(state.pages).filter(([page]) => wanted.has(Number(page))),
            ),
          }))
          wanted.forEach((page) => void fetchPage(page))
        },
      },
    }
  })
}
