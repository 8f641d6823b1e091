import { describe, expect, it } from 'vitest'
import {
  countNeedsReview,
  endedNow,
  progressBarValue,
  syncEndNotice,
} from '../../../src/main/electron/sync-feedback'
import type { DashboardQuery } from '../../../src/main/core/ops/dashboard-repository'
import type { DashboardView } from '../../../src/shared/contract'
import type { TaskRow } from '../../../src/shared/dashboard'

describe('taskbar progress', () => {
  it('is the done fraction while running and removed (-1) otherwise', () => {
    expect(progressBarValue('running', 412, 1000)).toBeCloseTo(0.412)
    expect(progressBarValue('running', 0, 0)).toBe(0)
    expect(progressBarValue('paused', 412, 1000)).toBe(-1)
    expect(progressBarValue('succeeded', 1000, 1000)).toBe(-1)
    expect(progressBarValue(null, 0, 0)).toBe(-1)
  })
})

describe('the end-of-sync notification', () => {
  it('counts done, failed and needing review apart', () => {
    expect(syncEndNotice({ state: 'succeeded', done: 1200, failed: 5, needsReview: 3 })).toEqual({
      title: 'Sync finished',
      body: '1,200 done · 2 failed · 3 need review',
    })
  })

  it('says when the sync was canceled or stopped', () => {
    expect(syncEndNotice({ state: 'canceled', done: 1, failed: 0, needsReview: 0 }).title).toBe(
      'Sync canceled',
    )
    expect(syncEndNotice({ state: 'failed', done: 0, failed: 1, needsReview: 0 }).title).toBe(
      'Sync stopped with an error',
    )
  })

  it('is shown once per end, again after a rerun', () => {
    expect(endedNow(undefined, 'succeeded')).toBe(true)
    expect(endedNow('running', 'succeeded')).toBe(true)
    expect(endedNow('succeeded', 'succeeded')).toBe(false)
    expect(endedNow('running', 'paused')).toBe(false)
    expect(endedNow('running', 'canceled')).toBe(true)
  })

  it('counts the failed items whose message starts with "needs review", over several pages', () => {
    const messages = [
      ...Array.from({ length: 600 }, () => 'needs review: weak match 0.61'),
      ...Array.from({ length: 5 }, () => 'HTTP 404 from subsonic'),
      null,
    ]
    const queries: DashboardQuery[] = []
    const dashboard = {
      dashboard(query: DashboardQuery = {}): DashboardView {
        queries.push(query)
        const offset = query.offset ?? 0
        const rows = messages
          .slice(offset, offset + (query.limit ?? 100))
          .map((message) => ({ message }) as TaskRow)
        return { task_rows: rows } as DashboardView
      },
    }
    expect(countNeedsReview(dashboard, 7)).toBe(600)
    expect(queries.map((q) => q.offset)).toEqual([0, 500])
    expect(queries[0]).toMatchObject({ jobId: 7, states: ['failed'], includeTaskRows: true })
  })
})
