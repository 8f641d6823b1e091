import { useCallback, useEffect } from 'react'
import { useBridge } from '../../bridge-context'
import { usePlaylistsStore, useSongsStore } from '../../store-context'
import { ImportButton } from '../import/import-button'
import { PlaylistList } from './playlist-list'
import { RemovalPolicySelect } from './removal-policy-select'
import { SongsTable } from './songs-table'
import { SongsToolbar } from './songs-toolbar'
import { useNotice } from './use-notice'
import { countsText } from './song-states'
import './playlists.css'

/** Playlists with counts per state, and the chosen one's songs. */
export function PlaylistsScreen() {
  const bridge = useBridge()
  const playlists = usePlaylistsStore((state) => state.playlists)
  const loaded = usePlaylistsStore((state) => state.loaded)
  const selectedId = usePlaylistsStore((state) => state.selectedId)
  const error = usePlaylistsStore((state) => state.error)
  const { refresh, select } = usePlaylistsStore((state) => state.api)
  const songsApi = useSongsStore((state) => state.api)
  const [notice, setNotice] = useNotice()

  // The window's events keep the list fresh while it shows; opening the screen fetches it.
  useEffect(() => void refresh(), [refresh])
  useEffect(
    () => songsApi.setQuery({ playlistId: selectedId, search: '', state: null }),
    [selectedId, songsApi],
  )

  const sync = useCallback(
    async (playlistId: number) => {
      const result = await bridge.invoke('jobs:start', { playlistIds: [playlistId] })
      if (!result.ok) setNotice({ kind: 'error', text: result.error })
      else if (result.value.changed) setNotice({ kind: 'ok', text: 'Sync started.' })
      else setNotice({ kind: 'ok', text: 'A sync is already running; it was left as it is.' })
    },
    [bridge, setNotice],
  )
  const onSync = useCallback((id: number) => void sync(id), [sync])

  const selected = playlists.find((playlist) => playlist.id === selectedId) ?? null

  return (
    <section className="playlists-screen" aria-labelledby="playlists-title">
      <header className="playlists-header">
        <h1 id="playlists-title">Playlists</h1>
        {/* Beside the title rather than above the lists, so a notice never moves the table. */}
        {notice && (
          <p
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={`notice ${notice.kind}`}
          >
            {notice.text}
          </p>
        )}
        <ImportButton />
      </header>
      {error && (
        <p role="alert" className="songs-alert">
          {error}
        </p>
      )}
      {loaded && playlists.length === 0 ? (
        <p className="playlists-empty muted">
          No playlists yet. Drop playlist exports (M3U, CSV, XSPF, JSON, iTunes XML) anywhere on the
          window, or use Import playlists….
        </p>
      ) : (
        <div className="playlists-body">
          <PlaylistList
            playlists={playlists}
            selectedId={selectedId}
            onSelect={select}
            onSync={onSync}
          />
          <div className="playlist-detail">
            {selected && (
              <div className="playlist-detail-head">
                <h2>{selected.name}</h2>
                <p className="muted">{countsText(selected)}</p>
                <RemovalPolicySelect playlist={selected} />
              </div>
            )}
            <SongsToolbar key={selectedId} />
            <SongsTable />
          </div>
        </div>
      )}
    </section>
  )
}
