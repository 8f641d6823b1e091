import { useStore } from 'zustand'
import { formatCount } from '../../../../shared/format'
import { PROBLEMS_PAGE_SIZE, type ProblemsStore } from '../../stores/problems-store'

/** Previous / next when the list is longer than a page. */
export function ProblemsPager({ store }: { store: ProblemsStore }) {
  const offset = useStore(store, (s) => s.offset)
  const total = useStore(store, (s) => s.total)
  const shown = useStore(store, (s) => s.items.length)
  const api = useStore(store, (s) => s.api)
  if (total <= PROBLEMS_PAGE_SIZE) return null

  return (
    <nav className="problems-pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => void api.turnPage(-1)}>
        Previous
      </button>
      <span>
        {formatCount(offset + 1)}–{formatCount(offset + shown)} of {formatCount(total)}
      </span>
      <button
        type="button"
        disabled={offset + PROBLEMS_PAGE_SIZE >= total}
        onClick={() => void api.turnPage(1)}
      >
        Next
      </button>
    </nav>
  )
}
