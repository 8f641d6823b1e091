import type { AppService } from '../core/service/app-service'
import type { JobState } from '../../shared/states'

/** States after which a sync job does not run again on its own. */
const ENDED: readonly JobState[] = ['succeeded', 'failed', 'canceled']

const isSyncEnd = (state: JobState): boolean => ENDED.includes(state)

/** The taskbar/dock fraction while a sync runs; -1 removes the bar when it does not. */
export function progressBarValue(state: JobState | null, done: number, total: number): number {
  if (state !== 'running' && state !== 'pending') return -1
  return total > 0 ? Math.min(1, done / total) : 0
}

/** The matcher's refusals: a failed item waiting for a person to pick the right candidate. */
export const isNeedsReview = (message: string | null): boolean =>
  message?.startsWith('needs review') ?? false

export interface SyncEndCounts {
  state: JobState
  done: number
  failed: number
  needsReview: number
}

/** The notification shown when a sync ends; items needing review are not counted as failed. */
export function syncEndNotice(counts: SyncEndCounts): { title: string; body: string } {
  const title =
    counts.state === 'canceled'
      ? 'Sync canceled'
      : counts.state === 'failed'
        ? 'Sync stopped with an error'
        : 'Sync finished'
  const failed = counts.failed - counts.needsReview
  const body =
    `${counts.done.toLocaleString('en-US')} done · ${failed.toLocaleString('en-US')} failed · ` +
    `${counts.needsReview.toLocaleString('en-US')} need review`
  return { title, body }
}

/** True on the first event of an ended job after it ran, so each end is announced once. */
export const endedNow = (previous: JobState | undefined, current: JobState): boolean =>
  isSyncEnd(current) && !(previous !== undefined && isSyncEnd(previous))

type TaskRowPages = Pick<AppService, 'dashboard'>
const PAGE = 500

/** Counts the job's failed items that the matcher sent to review, page by page. */
export function countNeedsReview(app: TaskRowPages, jobId: number): number {
  let count = 0
  for (let offset = 0; ; offset += PAGE) {
    const rows = app.dashboard({
      jobId,
      includeTaskRows: true,
      states: ['failed'],
      offset,
      limit: PAGE,
    }).task_rows
    count += rows?.filter((row) => isNeedsReview(row.message)).length ?? 0
    if (!rows || rows.length < PAGE) return count
  }
}
