import { useEffect, useState } from 'react'
import type { CatalogStatus } from '../../../../shared/status'
import { useBridge } from '../../bridge-context'

export function SyncScreen() {
  const bridge = useBridge()
  const [status, setStatus] = useState<CatalogStatus | null>(null)
  useEffect(() => {
    void bridge.invoke('status:get').then((result) => result.ok && setStatus(result.value))
  }, [bridge])
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">Sync</h1>
      {status && <p>{status.catalog.playlists} playlists</p>}
    </section>
  )
}
