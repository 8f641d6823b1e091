import { memo } from 'react'
import type { PlaylistSummary } from '../../../../shared/contract'
import { countsText } from './song-states'

interface RowProps {
  playlist: PlaylistSummary
  selected: boolean
  onSelect(id: number): void
  onSync(id: number): void
}

const PlaylistRow = memo(function PlaylistRow({ playlist, selected, onSelect, onSync }: RowProps) {
  return (
    <li
      data-testid="playlist-row"
      data-playlist-id={playlist.id}
      className={selected ? 'playlist-row selected' : 'playlist-row'}
    >
      <button
        type="button"
        className="playlist-open"
        aria-pressed={selected}
        onClick={() => onSelect(playlist.id)}
      >
        <span data-testid="playlist-name" className="playlist-name">
          {playlist.name}
        </span>
        <span data-testid="playlist-counts" className="playlist-counts">
          {countsText(playlist)}
        </span>
      </button>
      <button
        type="button"
        className="ls-button playlist-sync"
        data-testid="playlist-sync"
        aria-label={`Sync ${playlist.name}`}
        onClick={() => onSync(playlist.id)}
      >
        Sync
      </button>
    </li>
  )
})

interface ListProps {
  playlists: readonly PlaylistSummary[]
  selectedId: number | null
  onSelect(id: number): void
  onSync(id: number): void
}

/** Every playlist with its counts per state; choosing one shows its songs. */
export function PlaylistList({ playlists, selectedId, onSelect, onSync }: ListProps) {
  return (
    <ul data-testid="playlist-list" className="playlist-list" aria-label="Playlists">
      {playlists.map((playlist) => (
        <PlaylistRow
          key={playlist.id}
          playlist={playlist}
          selected={playlist.id === selectedId}
          onSelect={onSelect}
          onSync={onSync}
        />
      ))}
    </ul>
  )
}
