import { useEffect } from 'react'
import type { Bridge } from './bridge'
import { useBridge } from './bridge-context'
import { useStores } from './store-context'
import { jobIsStale } from './stores/sync-store'
import { throttle } from './stores/timing'
import type { Screen } from './stores/ui-store'
import type { WindowStores } from './stores/window-stores'

/** Item changes move the job's counts; the job and counts are fetched again at most this often. */
const COUNTS_REFRESH_MS = 1000
const SPEED_SAMPLE_MS = 1000
/** Sync progress changes lists often; the list on screen is fetched again at most once a second. */
const LIST_REFRESH_MS = 1000

/**
 * Subscribes once to each of the service's events and feeds the stores: the sync store always,
 * the playlists, songs and problems stores only while their screen shows (each screen fetches
 * on opening). Subscribes before the first fetch, so nothing in between is lost. Returns the
 * unsubscribe, which also stops every timer it started.
 */
export function connectWindowEvents(bridge: Bridge, stores: WindowStores): () => void {
  const { sync, playlists, songs, problems, ui } = stores
  const showing = (...screens: Screen[]) => screens.includes(ui.getState().screen)

  let countsTimer: ReturnType<typeof setTimeout> | null = null
  const refreshCounts = () => {
    countsTimer ??= setTimeout(() => {
      countsTimer = null
      void sync.getState().api.refresh('job')
    }, COUNTS_REFRESH_MS)
  }
  const refreshPlaylists = throttle(() => void playlists.getState().api.refresh(), LIST_REFRESH_MS)
  const reloadSongs = throttle(() => songs.getState().api.reload(), LIST_REFRESH_MS)
  const refreshProblems = throttle(() => void problems.getState().api.refresh(), LIST_REFRESH_MS)
  const listsMoved = () => {
    if (showing('playlists')) {
      refreshPlaylists()
      reloadSongs()
    }
    if (showing('review', 'failed')) refreshProblems()
  }

  const unsubscribe = [
    bridge.on('workers', (payload) => {
      sync.getState().api.workers(payload)
      if (jobIsStale(sync.getState(), payload.jobId)) refreshCounts()
    }),
    bridge.on('transfer', (payload) => sync.getState().api.transfer(payload)),
    bridge.on('job', (payload) => {
      sync.getState().api.job(payload)
      listsMoved()
    }),
    bridge.on('items', () => {
      refreshCounts()
      listsMoved()
    }),
    bridge.on('playlists', ({ playlistIds }) => {
      if (!showing('playlists')) return
      void playlists.getState().api.refresh()
      const { playlistId } = songs.getState().query
      if (playlistId !== null && playlistIds.includes(playlistId)) songs.getState().api.reload()
    }),
  ]
  void sync.getState().api.refresh('all')
  const sampler = setInterval(() => sync.getState().api.sample(Date.now()), SPEED_SAMPLE_MS)

  return () => {
    unsubscribe.forEach((off) => off())
    clearInterval(sampler)
    if (countsTimer) clearTimeout(countsTimer)
    for (const limited of [refreshPlaylists, reloadSongs, refreshProblems]) limited.cancel()
  }
}

/** The window's one owner of event subscriptions; renders nothing. */
export function WindowEvents() {
  const bridge = useBridge()
  const stores = useStores()
  useEffect(() => connectWindowEvents(bridge, stores), [bridge, stores])
  return null
}
