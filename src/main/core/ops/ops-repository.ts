import type { CatalogDatabase } from '../db'
import type { JsonObject } from '../catalog'
import { systemClock, type Clock } from '../util'
import type { ItemState, JobState, StageState } from '../../../shared/states'
import { toItem, toJob, toStage, type ItemRow, type JobRow, type StageRow } from './rows'
import { ensureTransition, IllegalTransitionError, legalSources } from './transitions'
import { buildDownloadRow } from './download-rows'
import { ItemLeases } from './item-leases'
import type { DownloadRow, Job, JobStage, NewJob, StageItem, StageItemInput } from './types'

const FINISHED_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'canceled']

export class NotFoundError extends Error {
  constructor(entity: string, id: number) {
    super(`No ${entity} with id ${id}`)
    this.name = 'NotFoundError'
  }
}

interface ItemMove {
  /** Narrows the legal sources further (e.g. succeeded only from downloading). */
  from?: readonly ItemState[]
  workerName?: string | null
  leaseExpiresAt?: number | null
  message?: string | null
  resultJson?: string | null
  payloadJson?: string | null
  payloadExpiresAt?: number | null
}

/** Jobs → stages → items, with every state change guarded by the transition table. */
export class OpsRepository {
  /** Claims on items, and taking stale ones back. */
  readonly leases: ItemLeases

  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {
    this.leases = new ItemLeases(db, now)
  }

  createJob(input: NewJob): { job: Job; stages: JobStage[] } {
    return this.db.transaction(() => {
      const now = this.now()
      const job = this.db
        .prepare<[string, string, number, number], JobRow>(
          `INSERT INTO jobs (kind, state, options_json, created_at, updated_at)
           VALUES (?, 'pending', ?, ?, ?) RETURNING *`,
        )
        .get(input.kind, JSON.stringify(input.options ?? {}), now, now) as JobRow
      const stages = input.stages.map((stage, position) => {
        const row = this.db
          .prepare<[number, number, string, number, number], StageRow>(
            `INSERT INTO job_stages (job_id, position, type, state, created_at, updated_at)
             VALUES (?, ?, ?, 'pending', ?, ?) RETURNING *`,
          )
          .get(job.id, position, stage.type, now, now) as StageRow
        this.addStageItems(row.id, stage.items ?? [])
        return toStage(row)
      })
      return { job: toJob(job), stages }
    })
  }

  /** Adds one pending item per song (a song already in the stage is left as it is). */
  addStageItems(stageId: number, items: readonly StageItemInput[]): number {
    const insert = this.db.prepare(
      `INSERT INTO stage_items (stage_id, job_id, song_id, playlist_id, state, created_at, updated_at)
       SELECT id, job_id, ?, ?, 'pending', ?, ? FROM job_stages WHERE id = ?
       ON CONFLICT (stage_id, song_id) DO NOTHING`,
    )
    return this.db.transaction(() => {
      const now = this.now()
      let added = 0
      for (const item of items) {
        added += insert.run(item.songId, item.playlistId ?? null, now, now, stageId).changes
      }
      return added
    })
  }

  getJob(id: number): Job | null {
    const row = this.db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id)
    return row ? toJob(row) : null
  }

  latestJob(): Job | null {
    const row = this.db.prepare<[], JobRow>('SELECT * FROM jobs ORDER BY id DESC LIMIT 1').get()
    return row ? toJob(row) : null
  }

  /** The newest job of this kind that has not reached an end (to resume it). */
  latestUnfinishedJob(kind: string): Job | null {
    const row = this.db
      .prepare<[string], JobRow>(
        `SELECT * FROM jobs WHERE kind = ? AND state IN ('pending', 'running', 'pause_requested', 'paused')
         ORDER BY id DESC LIMIT 1`,
      )
      .get(kind)
    return row ? toJob(row) : null
  }

  stages(jobId: number): JobStage[] {
    return this.db
      .prepare<[number], StageRow>('SELECT * FROM job_stages WHERE job_id = ? ORDER BY position')
      .all(jobId)
      .map(toStage)
  }

  getStage(id: number): JobStage | null {
    const row = this.db.prepare<[number], StageRow>('SELECT * FROM job_stages WHERE id = ?').get(id)
    return row ? toStage(row) : null
  }

  getItem(id: number): StageItem | null {
    const row = this.db.prepare<[number], ItemRow>('SELECT * FROM stage_items WHERE id = ?').get(id)
    return row ? toItem(row) : null
  }

  transitionJob(jobId: number, to: JobState, reason: string | null = null): Job {
    return this.db.transaction(() => {
      const job = this.getJob(jobId)
      if (!job) throw new NotFoundError('job', jobId)
      ensureTransition('job', jobId, job.state, to)
      const now = this.now()
      const row = this.db
        .prepare<unknown[], JobRow>(
          `UPDATE jobs SET state = ?, state_reason = ?, updated_at = ?,
             started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
             finished_at = ?
           WHERE id = ? RETURNING *`,
        )
        .get(to, reason, now, to, now, FINISHED_JOB_STATES.includes(to) ? now : null, jobId)
      return toJob(row as JobRow)
    })
  }

  transitionStage(stageId: number, to: StageState): JobStage {
    return this.db.transaction(() => {
      const stage = this.getStage(stageId)
      if (!stage) throw new NotFoundError('stage', stageId)
      ensureTransition('stage', stageId, stage.state, to)
      const row = this.db
        .prepare<[string, number, number], StageRow>(
          'UPDATE job_stages SET state = ?, updated_at = ? WHERE id = ? RETURNING *',
        )
        .get(to, this.now(), stageId)
      return toStage(row as StageRow)
    })
  }

  /** Resolved: keeps the payload with the item so a resume does not resolve again. */
  markItemReady(itemId: number, payload: JsonObject, expiresAt: number | null = null): StageItem {
    return this.moveItem(itemId, 'ready', {
      from: ['resolving'],
      payloadJson: JSON.stringify(payload),
      payloadExpiresAt: expiresAt,
      workerName: null,
      leaseExpiresAt: null,
    })
  }

  markItemDownloading(itemId: number, workerName: string, leaseMs?: number): StageItem {
    return this.moveItem(itemId, 'downloading', {
      workerName,
      leaseExpiresAt: this.leases.expiresAt(leaseMs),
    })
  }

  /** A transfer stopped on pause keeps its payload (and its `.part`) and waits again. */
  releaseDownload(itemId: number): StageItem {
    return this.moveItem(itemId, 'ready', { from: ['downloading'], leaseExpiresAt: null })
  }

  /** `message` notes what went wrong without failing the item (e.g. its tags). */
  markItemSucceeded(itemId: number, result: JsonObject | null = null, message?: string): StageItem {
    return this.moveItem(itemId, 'succeeded', {
      from: ['downloading'],
      resultJson: result === null ? null : JSON.stringify(result),
      leaseExpiresAt: null,
      message: message ?? null,
    })
  }

  /** The song's file was found in the library while resolving: nothing to download. */
  markItemFound(itemId: number, message: string, result: JsonObject): StageItem {
    return this.moveItem(itemId, 'succeeded', {
      from: ['resolving'],
      resultJson: JSON.stringify(result),
      leaseExpiresAt: null,
      message,
    })
  }

  /** `details` (e.g. the candidates of a weak match to review) is kept as the item's result. */
  markItemFailed(itemId: number, message: string, details: JsonObject | null = null): StageItem {
    return this.moveItem(itemId, 'failed', {
      message,
      leaseExpiresAt: null,
      resultJson: details === null ? null : JSON.stringify(details),
    })
  }

  markItemSkipped(itemId: number, message: string): StageItem {
    return this.moveItem(itemId, 'skipped', { message, leaseExpiresAt: null })
  }

  /** Back to pending (retry, re-resolve on the next source, or a released claim). */
  requeueItem(itemId: number, message: string | null = null): StageItem {
    return this.moveItem(itemId, 'pending', {
      message,
      workerName: null,
      leaseExpiresAt: null,
      payloadJson: null,
      payloadExpiresAt: null,
    })
  }

  /** A downloading item re-resolved on another source keeps its state with the new payload. */
  updatePayload(itemId: number, payload: JsonObject, expiresAt: number | null): void {
    const changes = this.db
      .prepare(
        `UPDATE stage_items SET resolved_payload_json = ?, payload_expires_at = ?, updated_at = ?
         WHERE id = ? AND state IN ('ready', 'downloading')`,
      )
      .run(JSON.stringify(payload), expiresAt, this.now(), itemId).changes
    if (changes !== 1) throw new Error(`Item ${itemId} is not ready or downloading`)
  }

  downloadRow(itemId: number): DownloadRow | null {
    return buildDownloadRow(this.db, itemId)
  }

  itemsInState(stageId: number, state: ItemState): StageItem[] {
    return this.db
      .prepare<[number, string], ItemRow>(
        'SELECT * FROM stage_items WHERE stage_id = ? AND state = ? ORDER BY id',
      )
      .all(stageId, state)
      .map(toItem)
  }

  /** One guarded UPDATE whose WHERE clause is the set of states `to` may be reached from. */
  private moveItem(itemId: number, to: ItemState, move: ItemMove): StageItem {
    const legal = legalSources('item', to).filter((s) => !move.from || move.from.includes(s))
    const assignments = [
      ['worker_name', move.workerName],
      ['lease_expires_at', move.leaseExpiresAt],
      ['message', move.message],
      ['result_json', move.resultJson],
      ['resolved_payload_json', move.payloadJson],
      ['payload_expires_at', move.payloadExpiresAt],
    ].filter(([, value]) => value !== undefined) as [string, unknown][]
    const sql = `UPDATE stage_items SET state = ?, updated_at = ?${assignments
      .map(([column]) => `, ${column} = ?`)
      .join('')}
      WHERE id = ? AND state IN (${legal.map(() => '?').join(', ')}) RETURNING *`
    const row = this.db
      .prepare<unknown[], ItemRow>(sql)
      .get(to, this.now(), ...assignments.map(([, value]) => value), itemId, ...legal)
    if (row) return toItem(row)
    const current = this.getItem(itemId)
    if (!current) throw new NotFoundError('item', itemId)
    throw new IllegalTransitionError('item', itemId, current.state, to)
  }
}
