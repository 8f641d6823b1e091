import { JobHeader } from './job-header'
import { WorkerLanes } from './worker-lanes'
import './sync-screen.css'

/** The running sync: its job, the resolver and downloader lanes, and the transfer speed. */
export function SyncScreen() {
  return (
    <section className="sync-screen" aria-labelledby="sync-title">
      <JobHeader />
      <WorkerLanes />
    </section>
  )
}
