import { useEffect } from 'react'
import { chooseBridge } from './bridge'
import { useStatusStore } from './status-store'

export function App() {
  const status = useStatusStore((state) => state.status)
  const error = useStatusStore((state) => state.error)
  const refresh = useStatusStore((state) => state.api.refresh)

  useEffect(() => {
    void refresh(chooseBridge())
  }, [refresh])

  return (
    <main className="app">
      <h1>CatalogSync</h1>
      {error && <p role="alert">{error}</p>}
      {status && (
        <dl className="status">
          <dt>Playlists</dt>
          <dd>{status.catalog.playlists}</dd>
          <dt>Songs</dt>
          <dd>{status.catalog.songs}</dd>
          <dt>Files in the library</dt>
          <dd>{status.catalog.activeLocalFiles}</dd>
        </dl>
      )}
    </main>
  )
}
