import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { manualClock, tempCatalog, type TempCatalog } from '../../support/temp-catalog'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { CLAIM_NEXT_ITEM_SQL, DEFAULT_LEASE_MS } from '../../../src/main/core/ops/item-leases'

const clock = manualClock()
let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog(clock)
})
afterEach(() => temp.cleanup())

describe('claiming the next item', () => {
  it('hands out items oldest first, each once, with worker, lease and attempt', () => {
    const { stage } = seedDownloadJob(temp.service, 3)
    const { ops } = temp.service
    const claims = [1, 2, 3, 4].map((n) => ops.leases.claimNext(stage.id, `resolve-${n}`))
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
    expect(ops.leases.claimNext(second.stage.id, 'w')?.stageId).toBe(second.stage.id)
    expect(ops.leases.claimNext(second.stage.id, 'w')).toBeNull()
    expect(ops.leases.claimNext(first.stage.id, 'w')?.stageId).toBe(first.stage.id)
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
    const item = ops.leases.claimNext(stage.id, 'resolve-1')!
    ops.markItemFailed(item.id, 'timeout')
    ops.requeueItem(item.id)
    expect(ops.leases.claimNext(stage.id, 'resolve-1')).toMatchObject({
      attempts: 2,
      message: null,
    })
  })
})

describe('taking stale claims back', () => {
  it('puts resolving items back to pending and downloading ones back to ready', () => {
    const { stage } = seedDownloadJob(temp.service, 4)
    const { ops } = temp.service
    const resolving = ops.leases.claimNext(stage.id, 'resolve-1')!
    const downloading = ops.leases.claimNext(stage.id, 'resolve-2')!
    ops.markItemReady(downloading.id, { url: 'http://127.0.0.1/a' })
    ops.markItemDownloading(downloading.id, 'download-1')
    const done = ops.leases.claimNext(stage.id, 'resolve-3')!
    ops.markItemSkipped(done.id, 'already downloaded')

    expect(ops.leases.resetStale()).toEqual({ resolving: 1, downloading: 1 })
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
    const old = ops.leases.claimNext(stage.id, 'resolve-1', 1000)!
    clock.advance(5000)
    const live = ops.leases.claimNext(stage.id, 'resolve-2', 60_000)!
    expect(ops.leases.resetStale({ expiredOnly: true })).toEqual({ resolving: 1, downloading: 0 })
    expect(ops.getItem(old.id)?.state).toBe('pending')
    expect(ops.getItem(live.id)?.state).toBe('resolving')
    expect(ops.leases.renew(live.id, 'resolve-2')).toBe(true)
    expect(ops.leases.renew(live.id, 'resolve-9')).toBe(false)
  })
})

describe('renewing a lease', () => {
  it('moves the expiry on from now, for the worker that holds it, while it works', () => {
    const { stage } = seedDownloadJob(temp.service, 1)
    const { ops } = temp.service
    const item = ops.leases.claimNext(stage.id, 'resolve-1', 1000)!
    clock.advance(800)
    expect(ops.leases.renew(item.id, 'resolve-1', 1000)).toBe(true)
    expect(ops.getItem(item.id)?.leaseExpiresAt).toBe(clock() + 1000)
    ops.markItemReady(item.id, { url: 'http://127.0.0.1/a' })
    expect(ops.leases.renew(item.id, 'resolve-1')).toBe(false)
    const downloading = ops.markItemDownloading(item.id, 'download-1', 2000)
    expect(downloading.leaseExpiresAt).toBe(clock() + 2000)
    expect(ops.leases.renew(item.id, 'download-1', 3000)).toBe(true)
    expect(ops.getItem(item.id)?.leaseExpiresAt).toBe(clock() + 3000)
    ops.markItemSucceeded(item.id)
    expect(ops.leases.renew(item.id, 'download-1')).toBe(false)
    expect(ops.getItem(item.id)?.leaseExpiresAt).toBeNull()
  })
})
