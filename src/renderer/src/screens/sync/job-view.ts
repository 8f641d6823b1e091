import type { JobSummary } from '../../../../shared/dashboard'
import {
  ITEM_STATES,
  type ItemState,
  type JobState,
  type StateCounts,
} from '../../../../shared/states'

export interface JobProgress {
  /** Items in a final state: succeeded, failed or skipped. */
  done: number
  total: number
}

export function jobProgress(counts: StateCounts<ItemState> | null): JobProgress {
  if (!counts) return { done: 0, total: 0 }
  const total = ITEM_STATES.reduce((sum, state) => sum + (counts[state] ?? 0), 0)
  return { done: counts.succeeded + counts.failed + counts.skipped, total }
}

export type JobAction = 'start' | 'pause' | 'resume' | 'cancel'

const ENABLED: Record<JobState | 'none', readonly JobAction[]> = {
  none: ['start'],
  pending: ['cancel'],
  running: ['pause', 'cancel'],
  pause_requested: ['cancel'],
  paused: ['resume', 'cancel'],
  canceled: ['start'],
  succeeded: ['start'],
  failed: ['start'],
}

/** Which buttons make sense in a job state (the service still has the last word). */
export const jobActions = (state: JobState | null): readonly JobAction[] => ENABLED[state ?? 'none']

export const isJobMoving = (state: JobState | null): boolean =>
  state === 'running' || state === 'pause_requested'

/** `pause_requested` → `pause requested`; `idle` when no sync ever ran. */
export const jobStateText = (job: JobSummary | null): string =>
  job ? job.state.replace(/_/g, ' ') : 'idle'

/** How a finished (or stopped) job ended, for the header while nothing runs. */
export function jobOutcome(
  job: JobSummary | null,
  counts: StateCounts<ItemState> | null,
  formatCount: (n: number) => string,
): string | null {
  if (!job) return 'No sync has run yet: Start syncs every playlist.'
  if (isJobMoving(job.state) || !counts) return null
  const parts = [
    `${formatCount(counts.succeeded)} downloaded`,
    `${formatCount(counts.skipped)} already in the library`,
    `${formatCount(counts.failed)} failed`,
  ]
  const reason = job.state_reason ? ` (${job.state_reason})` : ''
  return `Sync #${job.id} ${jobStateText(job)}${reason}: ${parts.join(', ')}`
}

/** The service's answer to a button, as a message when it did nothing. */
export function controlRefusal(action: JobAction, changed: boolean | null): string | null {
  if (changed) return null
  switch (action) {
    case 'start':
      return 'A sync is already running.'
    case 'resume':
      return changed === null ? 'There is no paused sync to resume.' : 'A sync is already running.'
    case 'pause':
    case 'cancel':
      return 'No sync is running.'
  }
}
