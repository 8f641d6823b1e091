import { useStore } from 'zustand'
import { formatCount } from '../../../../shared/format'
import type { ProblemsStore } from '../../stores/problems-store'

/** Select all on the page, retry the selection, or retry every failed song of the sync. */
export function RetryToolbar({ store }: { store: ProblemsStore }) {
  const selected = useStore(store, (s) => s.selected)
  const shown = useStore(store, (s) => s.items.length)
  const total = useStore(store, (s) => s.total)
  const busy = useStore(store, (s) => s.busy)
  const api = useStore(store, (s) => s.api)
  const allSelected = shown > 0 && selected.length === shown

  return (
    <div className="problems-toolbar" role="toolbar" aria-label="Retry">
      <label className="problems-select-all">
        <input
          type="checkbox"
          data-testid="select-all"
          checked={allSelected}
          disabled={shown === 0}
          ref={(box) => {
            if (box) box.indeterminate = selected.length > 0 && !allSelected
          }}
          onChange={(event) => api.selectAll(event.currentTarget.checked)}
        />
        Select all on this page
      </label>
      <button
        type="button"
        data-testid="retry-selected"
        disabled={busy || selected.length === 0}
        onClick={() => void api.retry(selected)}
      >
        Retry selected ({formatCount(selected.length)})
      </button>
      <button
        type="button"
        className="primary"
        data-testid="retry-all"
        disabled={busy || total === 0}
        onClick={() => void api.retry()}
      >
        Retry all failed
      </button>
    </div>
  )
}
