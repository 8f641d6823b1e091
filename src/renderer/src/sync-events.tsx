import { useEffect } from 'react'
import { useBridge } from './bridge-context'
import { useStores } from './store-context'
import { jobIsStale } from './stores/sync-store'

/** Item changes move the job's counts; the job and counts are fetched again at most this often. */
const COUNTS_REFRESH_MS = 1000
const SPEED_SAMPLE_MS = 1000

/** Wires the service's job, worker and transfer events into the sync store; renders nothing. */
export function SyncEvents() {
  const bridge = useBridge()
  const { sync: syncStore } = useStores()
  useEffect(() => {
    const { api } = syncStore.getState()
    let countsTimer: ReturnType<typeof setTimeout> | null = null
    const refreshCounts = () => {
      countsTimer ??= setTimeout(() => {
        countsTimer = null
        void api.refresh('job')
      }, COUNTS_REFRESH_MS)
    }
    // Subscribe first, then fetch: nothing that happens in between is lost.
    const unsubscribe = [
      bridge.on('workers', (payload) => {
        api.workers(payload)
        if (jobIsStale(syncStore.getState(), payload.jobId)) refreshCounts()
      }),
      bridge.on('transfer', api.transfer),
      bridge.on('job', api.job),
      bridge.on('items', refreshCounts),
    ]
    void api.refresh('all')
    const sampler = setInterval(() => api.sample(Date.now()), SPEED_SAMPLE_MS)
    return () => {
      unsubscribe.forEach((off) => off())
      clearInterval(sampler)
      if (countsTimer) clearTimeout(countsTimer)
    }
  }, [bridge, syncStore])
  return null
}
