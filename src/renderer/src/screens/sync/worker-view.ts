import type { WorkerRole, WorkerState } from '../../../../shared/dashboard'

export type Lane = 'resolvers' | 'downloaders'

/** Single workers resolve and download the same item: they sit with the downloaders. */
export const laneOf = (role: WorkerRole): Lane => (role === 'resolve' ? 'resolvers' : 'downloaders')

/** The source a transfer comes from, as the progress text names it (`… via subsonic`). */
export function transferSource(progressText: string): string | null {
  return /\bvia (\S+)$/.exec(progressText)?.[1] ?? null
}

/** The seconds a cooling-down worker said it waits (`subsonic cooling down 12s`). */
export function coolingSeconds(progressText: string): number | null {
  const match = /cooling down (\d+)s\b/.exec(progressText)
  return match ? Number(match[1]) : null
}

/** Waiting out a source's back-off: a transfer retrying later, or any worker at a source gate. */
export const isCooling = (worker: WorkerState): boolean =>
  worker.status === 'cooling_down' || coolingSeconds(worker.progress_text) !== null

/** Seconds left of a wait of `seconds` that began at `since` (both clocks in ms). */
export const secondsLeft = (seconds: number, since: number, now: number): number =>
  Math.max(0, seconds - Math.floor((now - since) / 1000))

/** The card's line under the song: what the worker does right now. */
export function workerActivity(worker: WorkerState): string {
  switch (worker.status) {
    case 'idle':
      return 'Idle'
    case 'downloading': {
      const source = transferSource(worker.progress_text)
      const verb = worker.progress_text.startsWith('starting') ? 'Starting download' : 'Downloading'
      return source ? `${verb} via ${source}` : verb
    }
    case 'paused':
      return 'Paused'
    case 'stopped':
      return 'Stopped'
    default:
      return worker.progress_text
  }
}
