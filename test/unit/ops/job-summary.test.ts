import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { toJobSummary } from '../../../src/main/core/ops/rows'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('the job summary', () => {
  it('is the same shape in the job event and in the dashboard, at every state', () => {
    const { ops, dashboard } = temp.service
    const { job } = seedDownloadJob(temp.service, 2)
    expect(dashboard.snapshot().job).toEqual(toJobSummary(job))
    const running = ops.transitionJob(job.id, 'running')
    const paused = ops.transitionJob(
      ops.transitionJob(job.id, 'pause_requested', 'paused by the user').id,
      'paused',
      'paused by the user',
    )
    expect(dashboard.snapshot({ jobId: job.id }).job).toEqual(toJobSummary(paused))
    expect(toJobSummary(running)).toMatchObject({ state: 'running', state_reason: null })
    expect(toJobSummary(paused)).toEqual({
      id: job.id,
      kind: 'sync',
      state: 'paused',
      state_reason: 'paused by the user',
      created_at: job.createdAt,
      started_at: running.startedAt,
      finished_at: null,
    })
  })

  it('is null on the dashboard when there is no job', () => {
    expect(temp.service.dashboard.snapshot().job).toBeNull()
    expect(temp.service.dashboard.snapshot({ jobId: 99 }).job).toBeNull()
  })
})
