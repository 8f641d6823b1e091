import type { CatalogDatabase } from '../db'
import type { Clock } from '../util'
import type { ItemState } from '../../../shared/states'
import { toItem, type ItemRow } from './rows'
import { ensureTransition } from './transitions'
import type { StageItem } from './types'

/** How long a claim holds an item for its worker before another may take it over. */
export const DEFAULT_LEASE_MS = 5 * 60_000

/** pending → resolving for the oldest pending item of a stage, as one statement. */
export const CLAIM_NEXT_ITEM_SQL = `UPDATE stage_items
  SET state = 'resolving', worker_name = ?, lease_expires_at = ?, updated_at = ?,
      attempts = attempts + 1, message = NULL
  WHERE id = (SELECT id FROM stage_items WHERE stage_id = ? AND state = 'pending'
              ORDER BY id LIMIT 1)
  RETURNING *`

export interface StaleClaimReset {
  resolving: number
  downloading: number
}

/**
 * The one home of item leases: a worker's claim on an item (resolving or downloading) lasts
 * until its lease runs out. Claiming, renewing and taking back stale claims live here; the
 * state moves that end a claim clear its lease in OpsRepository.
 */
export class ItemLeases {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock,
  ) {}

  /** When a lease taken now for `leaseMs` runs out. */
  expiresAt(leaseMs = DEFAULT_LEASE_MS): number {
    return this.now() + leaseMs
  }

  /**
   * Claims the oldest pending item of a stage for a worker (pending → resolving) with a lease.
   * One UPDATE statement, so two claimers, even in two processes, never get the same item.
   */
  claimNext(stageId: number, workerName: string, leaseMs = DEFAULT_LEASE_MS): StageItem | null {
    const now = this.now()
    const row = this.db
      .prepare<[string, number, number, number], ItemRow>(CLAIM_NEXT_ITEM_SQL)
      .get(workerName, now + leaseMs, now, stageId)
    return row ? toItem(row) : null
  }

  /** Extends the lease `workerName` holds on the item; false when it holds none any more. */
  renew(itemId: number, workerName: string, leaseMs = DEFAULT_LEASE_MS): boolean {
    return (
      this.db
        .prepare(
          `UPDATE stage_items SET lease_expires_at = ? WHERE id = ? AND worker_name = ?
             AND state IN ('resolving', 'downloading')`,
        )
        .run(this.expiresAt(leaseMs), itemId, workerName).changes === 1
    )
  }

  /**
   * Takes claims back: `resolving` → `pending`, `downloading` → `ready` (its `.part` is kept).
   * Every claim at start-up recovery; with `expiredOnly`, only those whose lease has run out
   * (a worker that died elsewhere).
   */
  resetStale(options: { expiredOnly?: boolean } = {}): StaleClaimReset {
    const leaseCondition = options.expiredOnly ? 'AND lease_expires_at < @now' : ''
    const reset = (from: ItemState, to: ItemState): number => {
      ensureTransition('item', 0, from, to)
      return this.db
        .prepare(
          `UPDATE stage_items SET state = @to, worker_name = NULL, lease_expires_at = NULL,
             updated_at = @now WHERE state = @from ${leaseCondition}`,
        )
        .run({ from, to, now: this.now() }).changes
    }
    return this.db.transaction(() => ({
      resolving: reset('resolving', 'pending'),
      downloading: reset('downloading', 'ready'),
    }))
  }
}
