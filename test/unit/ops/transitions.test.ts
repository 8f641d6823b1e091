import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ITEM_STATES, JOB_STATES, type ItemState } from '../../../src/shared/states'
import {
  ensureTransition,
  IllegalTransitionError,
  ITEM_TRANSITIONS,
  JOB_TRANSITIONS,
} from '../../../src/main/core/ops/transitions'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { seedDownloadJob } from '../../support/ops-fixtures'
import type { StageItem } from '../../../src/main/core/ops/types'
import type { OpsRepository } from '../../../src/main/core/ops/ops-repository'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

/** Drives a fresh pending item into `state` through legal moves only. */
function itemIn(ops: OpsRepository, stageId: number, state: ItemState): StageItem {
  const item = ops.leases.claimNext(stageId, 'resolve-1')!
  const id = item.id
  switch (state) {
    case 'pending':
      return ops.requeueItem(id)
    case 'resolving':
      return item
    case 'ready':
      return ops.markItemReady(id, { url: 'http://127.0.0.1/x' })
    case 'downloading':
      ops.markItemReady(id, {})
      return ops.markItemDownloading(id, 'download-1')
    case 'succeeded':
      ops.markItemReady(id, {})
      ops.markItemDownloading(id, 'download-1')
      return ops.markItemSucceeded(id, { path: 'a.mp3' })
    case 'failed':
      return ops.markItemFailed(id, 'no source has it')
    case 'skipped':
      return ops.markItemSkipped(id, 'already downloaded')
  }
}

/** Performs the move `to` on an item with the repository call that means it. */
function moveTo(ops: OpsRepository, item: StageItem, to: ItemState): StageItem {
  switch (to) {
    case 'pending':
      return ops.requeueItem(item.id)
    case 'resolving':
      return ops.leases.claimNext(item.stageId, 'resolve-2')!
    case 'ready':
      return item.state === 'downloading'
        ? ops.releaseDownload(item.id)
        : ops.markItemReady(item.id, {})
    case 'downloading':
      return ops.markItemDownloading(item.id, 'download-2')
    case 'succeeded':
      return item.state === 'resolving'
        ? ops.markItemFound(item.id, 'found in library: a.mp3', {})
        : ops.markItemSucceeded(item.id)
    case 'failed':
      return ops.markItemFailed(item.id, 'broken')
    case 'skipped':
      return ops.markItemSkipped(item.id, 'already downloaded')
  }
}

describe('item transitions', () => {
  const legal = ITEM_STATES.flatMap((from) => ITEM_TRANSITIONS[from].map((to) => [from, to]))
  it.each(legal)('allows %s → %s', (from, to) => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    const item = itemIn(ops, stage.id, from as ItemState)
    expect(item.state).toBe(from)
    expect(moveTo(ops, item, to as ItemState).state).toBe(to)
  })

  const illegal: [ItemState, ItemState][] = [
    ['pending', 'succeeded'],
    ['pending', 'downloading'],
    ['resolving', 'downloading'],
    ['ready', 'succeeded'],
    ['succeeded', 'pending'],
    ['succeeded', 'failed'],
    ['skipped', 'pending'],
    ['failed', 'succeeded'],
    ['downloading', 'skipped'],
  ]
  it.each(illegal)('refuses %s → %s and changes nothing', (from, to) => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    const item = itemIn(ops, stage.id, from)
    const attempt = () =>
      to === 'downloading' ? ops.markItemDownloading(item.id, 'd') : moveTo(ops, item, to)
    if (to === 'resolving') expect(attempt()).toBeNull()
    else expect(attempt).toThrow(IllegalTransitionError)
    expect(ops.getItem(item.id)?.state).toBe(from)
  })

  it('keeps the resolved payload with a ready item and drops it on requeue', () => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    const item = ops.leases.claimNext(stage.id, 'resolve-1')!
    const ready = ops.markItemReady(item.id, { url: 'http://127.0.0.1/a.mp3' }, 123)
    expect(ready).toMatchObject({
      resolvedPayload: { url: 'http://127.0.0.1/a.mp3' },
      payloadExpiresAt: 123,
    })
    expect(
      ops.releaseDownload(ops.markItemDownloading(item.id, 'download-1').id).resolvedPayload,
    ).toEqual({
      url: 'http://127.0.0.1/a.mp3',
    })
    expect(ops.requeueItem(item.id, 'payload expired')).toMatchObject({
      state: 'pending',
      resolvedPayload: null,
      message: 'payload expired',
    })
  })
})

describe('job and stage transitions', () => {
  it.each(JOB_STATES.flatMap((from) => JOB_STATES.map((to) => [from, to])))(
    'job %s → %s follows the table',
    (from, to) => {
      const legal = JOB_TRANSITIONS[from].includes(to)
      if (legal) expect(() => ensureTransition('job', 1, from, to)).not.toThrow()
      else expect(() => ensureTransition('job', 1, from, to)).toThrow(IllegalTransitionError)
    },
  )

  it('walks a job through pause, resume and success, stamping times', () => {
    let now = 1000
    temp.cleanup()
    temp = tempCatalog(() => now)
    const { job } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    expect(ops.transitionJob(job.id, 'running').startedAt).toBe(1000)
    now = 2000
    ops.transitionJob(job.id, 'pause_requested')
    expect(ops.transitionJob(job.id, 'paused', 'paused by the user').stateReason).toBe(
      'paused by the user',
    )
    const resumed = ops.transitionJob(job.id, 'running')
    expect(resumed.startedAt).toBe(1000)
    now = 3000
    expect(ops.transitionJob(job.id, 'succeeded')).toMatchObject({ finishedAt: 3000 })
    expect(() => ops.transitionJob(job.id, 'paused')).toThrow(/succeeded → paused/)
    ops.transitionJob(job.id, 'running')
    ops.transitionJob(job.id, 'canceled')
    expect(() => ops.transitionJob(job.id, 'running')).toThrow(IllegalTransitionError)
  })

  it('guards stage moves with the same table', () => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    expect(ops.transitionStage(stage.id, 'running').state).toBe('running')
    expect(ops.transitionStage(stage.id, 'succeeded').state).toBe('succeeded')
    expect(() => ops.transitionStage(stage.id, 'canceled')).toThrow(IllegalTransitionError)
    expect(() => ops.transitionStage(9999, 'running')).toThrow(/No stage with id 9999/)
  })
})
