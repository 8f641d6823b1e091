import { memo } from 'react'
import { formatBytes, formatCount, formatDuration } from '../../../../shared/format'
import type { PlaylistSongRow } from '../../../../shared/contract'
import { STATE_LABELS } from './song-states'

export interface PathActions {
  /** Electron: show the file in the file manager; absent in a browser. */
  reveal?(row: PlaylistSongRow): void
  copy(row: PlaylistSongRow): void
}

interface Props {
  row: PlaylistSongRow
  index: number
  top: number
  actions: PathActions
}

/** One song of the table, placed by the virtualiser at `top`. */
export const SongRow = memo(function SongRow({ row, index, top, actions }: Props) {
  const { reveal, copy } = actions
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="song-row"
      data-testid="song-row"
      data-song-id={row.songId}
      data-state={row.state}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="number muted">
        {formatCount(row.position + 1)}
      </span>
      <span role="cell" className="song-title">
        <span className="ellipsis" title={row.name}>
          {row.name}
        </span>
        <span className="ellipsis muted" title={row.singers}>
          {row.singers}
          {row.album ? ` — ${row.album}` : ''}
        </span>
      </span>
      <span role="cell" className="number muted">
        {formatDuration(row.durationMs === null ? null : row.durationMs / 1000)}
      </span>
      <span role="cell">
        <span className={`song-state state-${row.state}`} title={row.message ?? undefined}>
          {STATE_LABELS[row.state]}
        </span>
      </span>
      <span role="cell" className="ellipsis muted">
        {row.source ?? '—'}
      </span>
      <span role="cell" className={row.sizeBytes === null ? 'number muted' : 'number'}>
        {row.sizeBytes === null ? '—' : formatBytes(row.sizeBytes)}
      </span>
      <span role="cell" className="song-path">
        {row.localPath ? (
          // Right-to-left cuts a long path at its start, keeping the file name in view.
          <span className="ellipsis muted" dir="rtl" title={row.localPath}>
            <bdi>{row.localPath}</bdi>
          </span>
        ) : (
          <span className="ellipsis muted" title={row.message ?? undefined}>
            {row.message ?? '—'}
          </span>
        )}
        {row.localPath &&
          (reveal ? (
            <button
              type="button"
              className="ls-button small"
              data-testid="song-reveal"
              aria-label={`Show ${row.name} in its folder`}
              onClick={() => reveal(row)}
            >
              Show
            </button>
          ) : (
            <button
              type="button"
              className="ls-button small"
              data-testid="song-copy-path"
              aria-label={`Copy the path of ${row.name}`}
              onClick={() => copy(row)}
            >
              Copy path
            </button>
          ))}
      </span>
    </div>
  )
})

/** Where a row's page is still on its way. */
export function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="song-row placeholder"
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="number muted">
        {formatCount(index + 1)}
      </span>
      <span role="cell" className="muted">
        Loading…
      </span>
    </div>
  )
}
