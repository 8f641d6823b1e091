import { useShallow } from 'zustand/react/shallow'
import { formatCount } from '../../../../shared/format'
import { useSyncStore } from '../../store-context'
import type { SyncState } from '../../stores/sync-store'
import { WorkerCard } from './worker-card'
import { laneOf, type Lane } from './worker-view'

const namesIn = (lane: Lane) => (state: SyncState) =>
  state.board.order.filter((name) => {
    const worker = state.board.byName[name]
    return worker !== undefined && laneOf(worker.role) === lane
  })

const TITLES: Record<Lane, string> = { resolvers: 'Resolvers', downloaders: 'Downloaders' }

/** The lane's card list changes only when workers come or go, not on their progress. */
function WorkerLane({ lane, single }: { lane: Lane; single: boolean }) {
  const names = useSyncStore(useShallow(namesIn(lane)))
  const busy = useSyncStore((state) =>
    names.reduce((n, name) => n + (state.board.byName[name]?.status === 'idle' ? 0 : 1), 0),
  )
  const titleId = `lane-${lane}-title`
  return (
    <section className={`lane lane-${lane}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="lane-title">
        {TITLES[lane]}{' '}
        {names.length > 0 && (
          <span className="lane-count">
            {formatCount(busy)} of {formatCount(names.length)} busy
          </span>
        )}
      </h2>
      <ul className="lane-cards" data-testid={`lane-${lane}`}>
        {names.map((name) => (
          <WorkerCard key={name} name={name} />
        ))}
      </ul>
      {names.length === 0 && (
        <p className="lane-empty">
          {single ? 'Each worker resolves its own songs.' : `No ${lane} at work right now.`}
        </p>
      )}
    </section>
  )
}

/** Resolved songs waiting for a download slot, between the two lanes. */
function ReadyQueue({ single }: { single: boolean }) {
  const depth = useSyncStore((state) => state.transfer?.queueDepth ?? 0)
  const capacity = useSyncStore((state) => state.transfer?.queueCapacity ?? 0)
  const fill = capacity > 0 ? Math.min(100, (depth / capacity) * 100) : 0
  return (
    <section className="ready-queue" aria-labelledby="ready-queue-title">
      <h2 id="ready-queue-title" className="lane-title">
        Ready
      </h2>
      <div className="ready-queue-gauge" aria-hidden="true">
        <div className="ready-queue-fill" style={{ transform: `scaleY(${fill / 100})` }} />
      </div>
      <p className="ready-queue-depth" data-testid="queue-depth">
        {formatCount(depth)} / {formatCount(capacity)}
      </p>
      <p className="ready-queue-note">
        {single ? 'not used: no separate resolvers' : 'resolved, waiting for a download slot'}
      </p>
    </section>
  )
}

/** Single-mode workers resolve and download: no resolver lane, no queue between. */
const hasSingleWorkers = (state: SyncState) =>
  state.board.order.some((name) => state.board.byName[name]?.role === 'single')

export function WorkerLanes() {
  const single = useSyncStore(hasSingleWorkers)
  return (
    <div className="lanes">
      <WorkerLane lane="resolvers" single={single} />
      <ReadyQueue single={single} />
      <WorkerLane lane="downloaders" single={single} />
    </div>
  )
}
