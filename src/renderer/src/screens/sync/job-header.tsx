import { formatBytes, formatCount, formatDuration } from '../../../../shared/format'
import { useSyncStore } from '../../store-context'
import { JobControls } from './job-controls'
import { isJobMoving, jobOutcome, jobProgress, jobStateText } from './job-view'
import { SpeedPanel } from './speed-panel'

/** Bytes and ETA change with every transfer event: only this part renders that often. */
function TransferFigures() {
  const moving = useSyncStore((s) => isJobMoving(s.job?.state ?? null))
  const bytes = useSyncStore((s) =>
    s.transfer && s.transfer.jobId === s.job?.id ? s.transfer.bytesDone : null,
  )
  const eta = useSyncStore((s) => s.transfer?.etaSeconds ?? null)
  return (
    <>
      <div className="figure">
        <span className="figure-label">Downloaded</span>
        <span className="figure-value" data-testid="job-bytes">
          {bytes === null ? '—' : formatBytes(bytes)}
        </span>
      </div>
      <div className="figure">
        <span className="figure-label">Time left</span>
        <span className="figure-value" data-testid="job-eta">
          {moving ? formatDuration(eta) : '—'}
        </span>
      </div>
    </>
  )
}

export function JobHeader() {
  const job = useSyncStore((s) => s.job)
  const counts = useSyncStore((s) => s.counts)
  const loaded = useSyncStore((s) => s.loaded)
  const { done, total } = jobProgress(counts)
  const percent = total > 0 ? Math.round((done / total) * 100) : 0
  // Before the first snapshot, "no sync has run yet" could be wrong.
  const outcome = loaded ? jobOutcome(job, counts, formatCount) : null
  return (
    <header className="job-header">
      <div className="job-title-row">
        <h1 id="sync-title" className="job-title">
          Sync
        </h1>
        <span className="job-state" data-testid="job-state" data-state={job?.state ?? 'none'}>
          {jobStateText(job)}
        </span>
        <JobControls />
      </div>
      <div className="job-figures">
        <div className="figure">
          <span className="figure-label">Songs done</span>
          <span className="figure-value" data-testid="job-progress">
            {formatCount(done)} / {formatCount(total)}
          </span>
        </div>
        <TransferFigures />
        <SpeedPanel />
      </div>
      <div
        className="job-bar"
        role="progressbar"
        aria-label="Songs done"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="job-bar-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      {outcome && <p className="job-outcome">{outcome}</p>}
    </header>
  )
}
