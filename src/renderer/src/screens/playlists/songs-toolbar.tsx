import { useEffect, useState } from 'react'
import { formatCount } from '../../../../shared/format'
import { useSongsStore, useStores } from '../../store-context'
import { SONG_STATES, type SongState } from '../../../../shared/contract'
import { STATE_LABELS } from './song-states'

/** Typing pauses this long before the search goes to the service. */
const SEARCH_DELAY_MS = 250

const isSongState = (value: string): value is SongState =>
  (SONG_STATES as readonly string[]).includes(value)

/** Search and state filter for the songs, and how many match; keyed by playlist to reset. */
export function SongsToolbar() {
  const { songs } = useStores()
  const total = useSongsStore((state) => state.total)
  const filter = useSongsStore((state) => state.query.state)
  const setQuery = useSongsStore((state) => state.api.setQuery)
  const [search, setSearch] = useState('')

  // The typed text goes to the service once typing pauses.
  useEffect(() => {
    const current = songs.getState().query.search
    if (search === current) return
    const timer = setTimeout(() => setQuery({ search }), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [songs, search, setQuery])

  return (
    <div className="songs-toolbar">
      <label className="songs-field">
        <span>Search</span>
        <input
          type="search"
          data-testid="songs-search"
          placeholder="Title, artist or album"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="songs-field">
        <span>State</span>
        <select
          data-testid="songs-state-filter"
          value={filter ?? ''}
          onChange={(event) => {
            const value = event.target.value
            setQuery({ state: isSongState(value) ? value : null })
          }}
        >
          <option value="">All states</option>
          {SONG_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <span data-testid="songs-total" className="songs-total" aria-live="polite">
        {total === null ? 'Loading…' : `${formatCount(total)} song${total === 1 ? '' : 's'}`}
      </span>
    </div>
  )
}
