import { memo, useEffect, useState } from 'react'
import type { WorkerState } from '../../../../shared/dashboard'
import { formatBytes, formatSpeed } from '../../../../shared/format'
import { useSyncStore } from '../../store-context'
import { coolingSeconds, isCooling, laneOf, secondsLeft, workerActivity } from './worker-view'

const STATUS_LABEL: Record<WorkerState['status'], string> = {
  idle: 'idle',
  resolving: 'resolving',
  downloading: 'downloading',
  cooling_down: 'cooling down',
  paused: 'paused',
  stopped: 'stopped',
}

/** The core says the wait once (`… cooling down 12s`); the card counts it down itself. */
function CoolingDown({ text }: { text: string }) {
  const seconds = coolingSeconds(text)
  const [since] = useState(() => Date.now())
  const [now, setNow] = useState(since)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [])
  if (seconds === null) return <>{text}</>
  return <>{text.replace(/\d+s\b/, `${secondsLeft(seconds, since, now)}s`)}</>
}

function TransferFigures({ worker }: { worker: WorkerState }) {
  const active = worker.status !== 'idle'
  const percent = worker.percent === null ? null : Math.round(worker.percent)
  const bytes =
    worker.total_bytes === null
      ? formatBytes(worker.downloaded_bytes)
      : `${formatBytes(worker.downloaded_bytes)} / ${formatBytes(worker.total_bytes)}`
  return (
    <>
      <div
        className="worker-bar"
        role="progressbar"
        aria-label={`${worker.name} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={active ? (percent ?? undefined) : 0}
      >
        <div
          className="worker-bar-fill"
          style={{ transform: `scaleX(${active ? (percent ?? 0) / 100 : 0})` }}
        />
      </div>
      <div className="worker-figures">
        <span data-testid="worker-bytes">{active ? bytes : '—'}</span>
        <span data-testid="worker-speed">
          {active ? formatSpeed(worker.speed_bytes_per_sec) : '—'}
        </span>
      </div>
    </>
  )
}

/** One worker; it renders again only when the store hands it a new worker object. */
export const WorkerCard = memo(function WorkerCard({ name }: { name: string }) {
  const worker = useSyncStore((state) => state.board.byName[name])
  if (!worker) return null
  const idle = worker.status === 'idle'
  const cooling = isCooling(worker)
  return (
    <li
      className="worker-card"
      data-testid="worker-card"
      data-worker={worker.name}
      data-status={worker.status}
      data-cooling={cooling || undefined}
    >
      <div className="worker-head">
        <span className="worker-name">{worker.name}</span>
        <span className="worker-status">
          {cooling ? STATUS_LABEL.cooling_down : STATUS_LABEL[worker.status]}
        </span>
      </div>
      <p className="worker-song" data-testid="worker-song" title={worker.display_text}>
        {idle ? 'No song' : worker.display_text}
      </p>
      <p className="worker-text" data-testid="worker-text" title={worker.progress_text}>
        {cooling ? (
          <CoolingDown key={worker.progress_text} text={worker.progress_text} />
        ) : (
          workerActivity(worker)
        )}
      </p>
      {laneOf(worker.role) === 'downloaders' && <TransferFigures worker={worker} />}
    </li>
  )
})
