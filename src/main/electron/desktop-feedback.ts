import { Notification, type BrowserWindow } from 'electron'
import type { AppService } from '../core/service/app-service'
import type { CoreEvents } from '../../shared/events'
import type { JobState } from '../../shared/states'
import { progressOf } from './tray-menu'
import { countNeedsReview, endedNow, progressBarValue, syncEndNotice } from './sync-feedback'

/** Taskbar/dock progress while a sync runs, and a notification when it ends. */
export function showSyncFeedback(
  app: Pick<AppService, 'on' | 'dashboard'>,
  currentWindow: () => BrowserWindow | null,
): () => void {
  const seen = new Map<number, JobState>()
  return app.on('job', ({ job, counts }: CoreEvents['job']) => {
    const { done, total } = progressOf(counts)
    currentWindow()?.setProgressBar(progressBarValue(job.state, done, total))
    const ended = endedNow(seen.get(job.id), job.state)
    seen.set(job.id, job.state)
    if (!ended || !Notification.isSupported()) return
    const notice = syncEndNotice({
      state: job.state,
      done: counts.succeeded + counts.skipped,
      failed: counts.failed,
      needsReview: countNeedsReview(app, job.id),
    })
    new Notification(notice).show()
  })
}
