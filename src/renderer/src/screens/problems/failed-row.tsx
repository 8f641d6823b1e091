import { memo } from 'react'
import { useStore } from 'zustand'
import type { ProblemItem } from '../../../../shared/contract'
import { formatCount } from '../../../../shared/format'
import type { ProblemsStore } from '../../stores/problems-store'

/** A failed song with its reason, selectable for a retry. */
export const FailedRow = memo(function FailedRow({
  item,
  store,
}: {
  item: ProblemItem
  store: ProblemsStore
}) {
  const checked = useStore(store, (s) => s.selected.includes(item.itemId))
  const toggle = useStore(store, (s) => s.api.toggle)
  const boxId = `problem-select-${item.itemId}`
  return (
    <li className="problem problem-failed" data-testid="problem-row" data-item-id={item.itemId}>
      <input
        id={boxId}
        type="checkbox"
        data-testid="problem-select"
        checked={checked}
        onChange={() => toggle(item.itemId)}
      />
      <label htmlFor={boxId} className="problem-song" data-testid="problem-song">
        {item.displayText}
      </label>
      <span className="problem-reason" data-testid="problem-reason">
        {item.message ?? 'No reason was recorded'}
      </span>
      <span className="problem-attempts">
        {formatCount(item.attempts)} {item.attempts === 1 ? 'attempt' : 'attempts'}
      </span>
    </li>
  )
})
