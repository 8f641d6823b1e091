import type { CatalogDatabase } from '../db'
import {
  ITEM_STATES,
  JOB_STATES,
  type ItemState,
  type JobState,
  type StateCounts,
} from '../../../shared/states'

function zeroFilled<S extends string>(states: readonly S[]): StateCounts<S> {
  return Object.fromEntries(states.map((state) => [state, 0])) as StateCounts<S>
}

/** Per-state counts of items (for a stage or a job) and of jobs. */
export class OpsStats {
  constructor(private readonly db: CatalogDatabase) {}

  stageItems(stageId: number): StateCounts<ItemState> {
    return this.itemsWhere('stage_id', stageId)
  }

  jobItems(jobId: number): StateCounts<ItemState> {
    return this.itemsWhere('job_id', jobId)
  }

  allItems(): StateCounts<ItemState> {
    const rows = this.db
      .prepare<[], { state: ItemState; n: number }>(
        'SELECT state, count(*) AS n FROM stage_items GROUP BY state',
      )
      .all()
    return this.fill(ITEM_STATES, rows)
  }

  jobs(): StateCounts<JobState> {
    const rows = this.db
      .prepare<[], { state: JobState; n: number }>(
        'SELECT state, count(*) AS n FROM jobs GROUP BY state',
      )
      .all()
    return this.fill(JOB_STATES, rows)
  }

  /** Bytes downloaded and files per source for a job's succeeded items. */
  jobTransfers(jobId: number): { bytes: number; bySource: Record<string, number> } {
    const rows = this.db
      .prepare<[number], { source: string | null; n: number; bytes: number | null }>(
        `SELECT json_extract(result_json, '$.sourceId') AS source, count(*) AS n,
                sum(json_extract(result_json, '$.sizeBytes')) AS bytes
         FROM stage_items WHERE job_id = ? AND state = 'succeeded' GROUP BY source`,
      )
      .all(jobId)
    return {
      bytes: rows.reduce((sum, row) => sum + (row.bytes ?? 0), 0),
      bySource: Object.fromEntries(rows.map((row) => [row.source ?? 'unknown', row.n])),
    }
  }

  private itemsWhere(column: 'stage_id' | 'job_id', id: number): StateCounts<ItemState> {
    const rows = this.db
      .prepare<[number], { state: ItemState; n: number }>(
        `SELECT state, count(*) AS n FROM stage_items WHERE ${column} = ? GROUP BY state`,
      )
      .all(id)
    return this.fill(ITEM_STATES, rows)
  }

  private fill<S extends string>(
    states: readonly S[],
    rows: { state: S; n: number }[],
  ): StateCounts<S> {
    const counts = zeroFilled(states)
    for (const row of rows) counts[row.state] = row.n
    return counts
  }
}
