import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useBridge } from '../../bridge-context'
import { rowAt } from '../../stores/song-pages'
import { useSongsStore } from '../../store-context'
import type { PlaylistSongRow } from '../../../../shared/contract'
import { PlaceholderRow, SongRow, type PathActions } from './song-row'
import { useNotice } from './use-notice'

const ROW_HEIGHT = 44

/** The chosen playlist's songs; only the rows in view exist, their pages fetched on demand. */
export function SongsTable() {
  const bridge = useBridge()
  const total = useSongsStore((state) => state.total)
  const pages = useSongsStore((state) => state.pages)
  const error = useSongsStore((state) => state.error)
  const ensureRange = useSongsStore((state) => state.api.ensureRange)
  const scroller = useRef<HTMLDivElement>(null)
  const [notice, setNotice] = useNotice()

  // The virtualiser's methods answer differently as the list scrolls, so this component is left
  // to plain React re-rendering rather than the compiler's memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (last >= 0) ensureRange(first, last)
  }, [ensureRange, first, last, pages])

  // A new query starts at the top rather than at an offset the new rows may not reach.
  useEffect(() => {
    if (total === null) virtualizer.scrollToOffset(0)
  }, [total, virtualizer])

  const copy = useCallback(
    (row: PlaylistSongRow) => {
      if (!row.localPath) return
      navigator.clipboard.writeText(row.localPath).then(
        () => setNotice({ kind: 'ok', text: `Copied the path of ${row.name}` }),
        (reason: unknown) =>
          setNotice({ kind: 'error', text: `Could not copy the path: ${String(reason)}` }),
      )
    },
    [setNotice],
  )
  const reveal = useCallback(
    (row: PlaylistSongRow) => {
      void bridge.revealSong?.(row.songId).then((result) => {
        setNotice(result.ok ? null : { kind: 'error', text: result.error })
      })
    },
    [bridge, setNotice],
  )
  const actions = useMemo<PathActions>(
    () => (bridge.revealSong ? { reveal, copy } : { copy }),
    [bridge, reveal, copy],
  )

  return (
    <div className="songs" role="table" aria-label="Songs" aria-rowcount={(total ?? 0) + 1}>
      <div role="rowgroup" className="songs-head">
        <div role="row" className="song-row" aria-rowindex={1}>
          <span role="columnheader" className="number">
            #
          </span>
          <span role="columnheader">Title</span>
          <span role="columnheader" className="number">
            Time
          </span>
          <span role="columnheader">State</span>
          <span role="columnheader">Source</span>
          <span role="columnheader" className="number">
            Size
          </span>
          <span role="columnheader">Local path</span>
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="songs-scroll"
        data-testid="songs-table"
        tabIndex={0}
        aria-label="Songs of the playlist"
      >
        <div className="songs-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(pages, item.index)
            return row ? (
              <SongRow
                key={`p${row.position}`}
                row={row}
                index={item.index}
                top={item.start}
                actions={actions}
              />
            ) : (
              <PlaceholderRow key={`loading-${item.index}`} index={item.index} top={item.start} />
            )
          })}
        </div>
        {total === 0 && <p className="songs-empty muted">No songs match.</p>}
      </div>
      {error && (
        <p role="alert" className="songs-alert">
          {error}
        </p>
      )}
      {notice?.kind === 'error' && (
        <p role="alert" className="songs-alert">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'ok' && (
        <p role="status" className="muted">
          {notice.text}
        </p>
      )}
    </div>
  )
}
