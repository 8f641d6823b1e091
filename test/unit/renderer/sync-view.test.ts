import { describe, expect, it } from 'vitest'
import {
  controlRefusal,
  jobActions,
  jobOutcome,
  jobProgress,
  jobStateText,
} from '../../../src/renderer/src/screens/sync/job-view'
import {
  coolingSeconds,
  isCooling,
  laneOf,
  secondsLeft,
  transferSource,
  workerActivity,
} from '../../../src/renderer/src/screens/sync/worker-view'
import { formatCount } from '../../../src/shared/format'
import { worker } from '../../support/renderer/worker-fixtures'

const counts = {
  pending: 5,
  resolving: 1,
  ready: 2,
  downloading: 2,
  succeeded: 8,
  failed: 1,
  skipped: 1,
}

describe('the job header', () => {
  it('counts finished items over all items', () => {
    expect(jobProgress(counts)).toEqual({ done: 10, total: 20 })
    expect(jobProgress(null)).toEqual({ done: 0, total: 0 })
  })

  it('offers the buttons that fit the job state', () => {
    expect(jobActions(null)).toEqual(['start'])
    expect(jobActions('running')).toEqual(['pause', 'cancel'])
    expect(jobActions('paused')).toEqual(['resume', 'cancel'])
    expect(jobActions('pause_requested')).toEqual(['cancel'])
    expect(jobActions('succeeded')).toEqual(['start'])
  })

  it('names the state and, once nothing runs, how the last job ended', () => {
    const job = {
      id: 4,
      kind: 'sync',
      state: 'canceled' as const,
      state_reason: 'canceled by the user',
      created_at: 0,
      started_at: 0,
      finished_at: 1,
    }
    expect(jobStateText(null)).toBe('idle')
    expect(jobStateText({ ...job, state: 'pause_requested' })).toBe('pause requested')
    expect(jobOutcome(job, counts, formatCount)).toBe(
      'Sync #4 canceled (canceled by the user): 8 downloaded, 1 already in the library, 1 failed',
    )
    expect(jobOutcome({ ...job, state: 'running' }, counts, formatCount)).toBeNull()
    expect(jobOutcome(null, null, formatCount)).toMatch(/No sync has run yet/)
  })

  it('explains a button that changed nothing', () => {
    expect(controlRefusal('start', true)).toBeNull()
    expect(controlRefusal('start', false)).toBe('A sync is already running.')
    expect(controlRefusal('resume', null)).toBe('There is no paused sync to resume.')
    expect(controlRefusal('pause', null)).toBe('No sync is running.')
  })
})

describe('worker cards', () => {
  it('puts single workers with the downloaders', () => {
    expect(laneOf('resolve')).toBe('resolvers')
    expect(laneOf('download')).toBe('downloaders')
    expect(laneOf('single')).toBe('downloaders')
  })

  it('reads the source of a transfer from its progress text', () => {
    expect(transferSource('12.00MB/48.00MB via subsonic')).toBe('subsonic')
    expect(transferSource('starting download via demo')).toBe('demo')
    expect(transferSource('12.00MB/48.00MB')).toBeNull()
    const busy = worker({
      name: 'download-1',
      status: 'downloading',
      progress_text: '1.00MB via local',
    })
    expect(workerActivity(busy)).toBe('Downloading via local')
    expect(workerActivity(worker({ name: 'download-2' }))).toBe('Idle')
    const starting = { ...busy, progress_text: 'starting download via demo' }
    expect(workerActivity(starting)).toBe('Starting download via demo')
  })

  it('counts a cool-down down from when it was announced', () => {
    expect(coolingSeconds('subsonic cooling down 12s')).toBe(12)
    expect(coolingSeconds('resolving source subsonic (1/3)')).toBeNull()
    const gated = worker({
      name: 'resolve-1',
      status: 'resolving',
      progress_text: 'demo cooling down 3s',
    })
    expect(isCooling(gated)).toBe(true)
    expect(isCooling(worker({ name: 'download-1', status: 'cooling_down' }))).toBe(true)
    expect(isCooling(worker({ name: 'download-2', status: 'downloading' }))).toBe(false)
    expect(secondsLeft(12, 1000, 1000)).toBe(12)
    expect(secondsLeft(12, 1000, 4500)).toBe(9)
    expect(secondsLeft(12, 1000, 60_000)).toBe(0)
  })
})
