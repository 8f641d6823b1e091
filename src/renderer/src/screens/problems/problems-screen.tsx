import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ProblemKind } from '../../../../shared/contract'
import { formatCount } from '../../../../shared/format'
import { useStores } from '../../store-context'
import type { ProblemsStore } from '../../stores/problems-store'
import { FailedRow } from './failed-row'
import { ProblemsPager } from './problems-pager'
import { RetryToolbar } from './retry-toolbar'
import { ReviewRow } from './review-row'
import './problems-screen.css'

const TITLES: Record<ProblemKind, string> = { review: 'Needs review', failed: 'Failed' }
const EMPTY: Record<ProblemKind, string> = {
  review: 'Nothing needs review: every match of the newest sync was strong enough.',
  failed: 'No failed songs in the newest sync.',
}

/** Opens the kind shown; while the screen shows, the window's events keep it fresh. */
function useProblemsOpen(store: ProblemsStore, kind: ProblemKind): void {
  useEffect(() => void store.getState().api.open(kind), [store, kind])
}

/** The newest sync's weak matches to review, or its failed songs to retry. */
export function ProblemsScreen({ kind }: { kind: ProblemKind }) {
  const store = useStores().problems
  useProblemsOpen(store, kind)
  const total = useStore(store, (s) => s.total)
  const items = useStore(store, (s) => s.items)
  const loaded = useStore(store, (s) => s.loaded)
  const error = useStore(store, (s) => s.error)
  const notice = useStore(store, (s) => s.notice)
  const shownKind = useStore(store, (s) => s.kind)
  // Until the store caught up with a changed kind, its items belong to the other screen.
  const current = shownKind === kind

  return (
    <section className="problems" aria-labelledby="problems-title">
      <header className="problems-head">
        <h1 id="problems-title">
          {TITLES[kind]}{' '}
          <span className="problems-count" data-testid="problems-total">
            {current ? formatCount(total) : '…'}
          </span>
        </h1>
        {kind === 'failed' && <RetryToolbar store={store} />}
      </header>
      {error && (
        <p role="alert" className="problems-error" data-testid="problems-error">
          {error}
        </p>
      )}
      <p role="status" className="problems-notice">
        {notice}
      </p>
      {current && loaded && items.length === 0 && (
        <p className="problems-empty" data-testid="problems-empty">
          {EMPTY[kind]}
        </p>
      )}
      <ul className="problems-list" data-testid="problems-list" aria-labelledby="problems-title">
        {current &&
          items.map((item) =>
            kind === 'review' ? (
              <ReviewRow key={item.itemId} item={item} store={store} />
            ) : (
              <FailedRow key={item.itemId} item={item} store={store} />
            ),
          )}
      </ul>
      <ProblemsPager store={store} />
    </section>
  )
}
