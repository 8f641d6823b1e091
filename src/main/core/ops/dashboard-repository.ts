import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
import type {
  DashboardSnapshot,
  JobSummary,
  TaskRow,
  TransferStats,
  WorkerState,
} from '../../../shared/dashboard'
import type { ItemState } from '../../../shared/states'
import { OpsStats } from './ops-stats'
import { DISPLAY_TEXT_SQL } from './download-rows'
import { toJob, toJobSummary, type JobRow } from './rows'

export interface DashboardQuery {
  /** The latest job when unset. */
  jobId?: number
  includeTaskRows?: boolean
  states?: readonly ItemState[]
  offset?: number
  limit?: number
}

type WorkerRecord = WorkerState & { job_id: number; updated_at: number }
const MAX_TASK_ROWS_PAGE = 500

/** Worker states persisted at a low rate, and the dashboard read model built from them. */
export class DashboardRepository {
  private readonly stats: OpsStats

  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {
    this.stats = new OpsStats(db)
  }

  /** Replaces a job's worker rows with this snapshot, in one transaction. */
  saveWorkers(jobId: number, workers: readonly WorkerState[]): void {
    const insert = this.db.prepare(
      `INSERT INTO workers (job_id, name, role, status, item_id, song_id, playlist_id, display_text,
         progress_text, downloaded_bytes, total_bytes, speed_bytes_per_sec, percent, updated_at)
       VALUES (@job_id, @name, @role, @status, @item_id, @song_id, @playlist_id, @display_text,
         @progress_text, @downloaded_bytes, @total_bytes, @speed_bytes_per_sec, @percent, @updated_at)`,
    )
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM workers WHERE job_id = ?').run(jobId)
      const updatedAt = this.now()
      for (const worker of workers) insert.run({ ...worker, job_id: jobId, updated_at: updatedAt })
    })
  }

  workers(jobId: number): WorkerState[] {
    return this.db
      .prepare<[number], WorkerRecord>(
        `SELECT name, role, status, item_id, song_id, playlist_id, display_text, progress_text,
                downloaded_bytes, total_bytes, speed_bytes_per_sec, percent
         FROM workers WHERE job_id = ? ORDER BY role, length(name), name`,
      )
      .all(jobId)
  }

  snapshot(query: DashboardQuery = {}): DashboardSnapshot {
    const job = this.jobSummary(query.jobId)
    const workers = job ? this.workers(job.id) : []
    const snapshot: DashboardSnapshot = {
      job,
      counts: job ? this.stats.jobItems(job.id) : this.stats.allItems(),
      workers,
      transfer_stats: transferStats(workers),
    }
    if (query.includeTaskRows && job) {
      const { rows, total } = this.taskRows(job.id, query)
      snapshot.task_rows = rows
      snapshot.total_task_rows = total
    }
    return snapshot
  }

  private jobSummary(jobId: number | undefined): JobSummary | null {
    const row =
      jobId === undefined
        ? this.db.prepare<[], JobRow>('SELECT * FROM jobs ORDER BY id DESC LIMIT 1').get()
        : this.db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?').get(jobId)
    return row ? toJobSummary(toJob(row)) : null
  }

  private taskRows(jobId: number, query: DashboardQuery): { rows: TaskRow[]; total: number } {
    const states = query.states?.length ? query.states : null
    const filter = states ? `AND i.state IN (${states.map(() => '?').join(', ')})` : ''
    const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_TASK_ROWS_PAGE)
    const offset = Math.max(query.offset ?? 0, 0)
    const params = [jobId, ...(states ?? [])]
    const total = this.db
      .prepare<unknown[], { n: number }>(
        `SELECT count(*) AS n FROM stage_items i WHERE i.job_id = ? ${filter}`,
      )
      .get(...params) as { n: number }
    const rows = this.db
      .prepare<unknown[], TaskRow>(
        `SELECT i.id AS item_id, i.stage_id, i.song_id, i.playlist_id, i.state, i.worker_name,
                i.attempts, i.message, i.updated_at,
                ${DISPLAY_TEXT_SQL} AS display_text
         FROM stage_items i JOIN songs s ON s.id = i.song_id
         WHERE i.job_id = ? ${filter}
         ORDER BY i.id LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset)
    return { rows, total: total.n }
  }
}

/** Download speed is the sum over downloader workers only: resolvers move no audio. */
export function transferStats(workers: readonly WorkerState[]): TransferStats {
  const downloading = workers.filter((w) => w.role !== 'resolve' && w.status === 'downloading')
  return {
    download_speed_bytes_per_sec: downloading.reduce((sum, w) => sum + w.speed_bytes_per_sec, 0),
    active_downloads: downloading.length,
    active_resolvers: workers.filter((w) => w.status === 'resolving').length,
  }
}
