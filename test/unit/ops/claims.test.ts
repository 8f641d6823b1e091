import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { manualClock, tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { CLAIM_NEXT_ITEM_SQL, DEFAULT_LEASE_MS } from '../../../src/main/core/ops/ops-repository'

const clock = manualClock()
let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog(clock)
})
afterEach(() => temp.cleanup())

describe('claimNextStageItem', () => {
  it('hands out items oldest first, each once, with worker, lease and attempt', () => {
    const { stage } = seedDownloadJob(temp.service, 3)
    const { ops } = temp.service
    const claims = [1, 2, 3, 4].map((n) => ops.claimNextStageItem(stage.id, `resolve-${n}`))
    expect(claims[3]).toBeNull()
    const [a, b, c] = claims
    expect(a!.id).toBeLessThan(b!.id)
    expect(b!.id).toBeLessThan(c!.id)
    expect(a).toMatchObject({
      state: 'resolving',
      workerName: 'resolve-1',
      attempts: 1,
      leaseExpiresAt: clock() + DEFAULT_LEASE_MS,
    })
  })

  it('only claims from its own stage', () => {
    const first = seedDownloadJob(temp.service, 1)
    const second = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    expect(ops.claimNextStageItem(second.stage.id, 'w')?.stageId).toBe(second.stage.id)
    expect(ops.claimNextStageItem(second.stage.id, 'w')).toBeNull()
    expect(ops.claimNextStageItem(first.stage.id, 'w')?.stageId).toBe(first.stage.id)
  })

  it('uses the claim index, never a scan', () => {
    const plan = temp.db.connection
      .prepare(`EXPLAIN QUERY PLAN ${CLAIM_NEXT_ITEM_SQL}`)
      .all('w', 0, 0, 1) as { detail: string }[]
    const details = plan.map((row) => row.detail).join('\n')
    expect(details).toMatch(/USING (COVERING )?INDEX stage_items_claim/)
    expect(details).not.toMatch(/SCAN stage_items/)
    expect(details).not.toMatch(/TEMP B-TREE/)
  })

  it('counts a retried item as a second attempt', () => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    const item = ops.claimNextStageItem(stage.id, 'resolve-1')!
    ops.markItemFailed(item.id, 'timeout')
    ops.requeueItem(item.id)
    expect(ops.claimNextStageItem(stage.id, 'resolve-1')).toMatchObject({
      attempts: 2,
      message: null,
    })
  })
})

describe('resetStaleClaims', () => {
  it('puts resolving items back to pending and downloading ones back to ready', () => {
    const { stage } = seedDownloadJob(temp.service, 4)
    const { ops } = temp.service
    const resolving = ops.claimNextStageItem(stage.id, 'resolve-1')!
    const downloading = ops.claimNextStageItem(stage.id, 'resolve-2')!
    ops.markItemReady(downloading.id, { url: 'http://127.0.0.1/a' })
    ops.markItemDownloading(downloading.id, 'download-1')
    const done = ops.claimNextStageItem(stage.id, 'resolve-3')!
    ops.markItemSkipped(done.id, 'already downloaded')

    expect(ops.resetStaleClaims()).toEqual({ resolving: 1, downloading: 1 })
    expect(ops.getItem(resolving.id)).toMatchObject({ state: 'pending', workerName: null })
    expect(ops.getItem(downloading.id)).toMatchObject({
      state: 'ready',
      resolvedPayload: { url: 'http://127.0.0.1/a' },
      leaseExpiresAt: null,
    })
    expect(ops.getItem(done.id)?.state).toBe('skipped')
    expect(ops.itemsInState(stage.id, 'ready').map((i) => i.id)).toEqual([downloading.id])
  })

  it('with expiredOnly, leaves live leases alone', () => {
    const { stage } = seedDownloadJob(temp.service, 2)
    const { ops } = temp.service
    const old = ops.claimNextStageItem(stage.id, 'resolve-1', 1000)!
    clock.advance(5000)
    const live = ops.claimNextStageItem(stage.id, 'resolve-2', 60_000)!
    expect(ops.resetStaleClaims({ expiredOnly: true })).toEqual({ resolving: 1, downloading: 0 })
    expect(ops.getItem(old.id)?.state).toBe('pending')
    expect(ops.getItem(live.id)?.state).toBe('resolving')
    expect(ops.renewLease(live.id, 'resolve-2')).toBe(true)
    expect(ops.renewLease(live.id, 'resolve-9')).toBe(false)
  })
})
