import type { CatalogDatabase } from '../db'
import type { JsonObject } from '../catalog'
import { DISPLAY_TEXT_SQL } from './download-rows'
import type {
  ProblemItem,
  ProblemItemsPage,
  ProblemKind,
  ReviewCandidate,
} from '../../../shared/contract'

const HAS_CANDIDATES = `coalesce(json_array_length(i.result_json, '$.review'), 0) > 0`

/** A row as read: the candidates and their source are still in the item's result JSON. */
type ProblemRecord = Omit<ProblemItem, 'sourceId' | 'candidates'> & { resultJson: string | null }

/** A job's failed items: the ids to retry, the pages a window reviews, the review recorded. */
export class ProblemRepository {
  constructor(private readonly db: CatalogDatabase) {}

  /** The ids of the job's failed items, oldest first. */
  failedItemIds(jobId: number): number[] {
    return this.db
      .prepare<[number], { id: number }>(
        `SELECT id FROM stage_items WHERE job_id = ? AND state = 'failed' ORDER BY id`,
      )
      .all(jobId)
      .map((row) => row.id)
  }

  /** The failed items of a job: those with candidates to review, or every other failure. */
  page(jobId: number, query: ProblemQuery): ProblemItemsPage {
    return problemItems(this.db, jobId, query)
  }

  /** Keeps a review in a failed item's result; false when the item is no longer failed. */
  recordReview(itemId: number, result: JsonObject, message: string): boolean {
    return (
      this.db
        .prepare<[string, string, number]>(
          `UPDATE stage_items SET result_json = ?, message = ? WHERE id = ? AND state = 'failed'`,
        )
        .run(JSON.stringify(result), message, itemId).changes > 0
    )
  }
}

export interface ProblemQuery {
  kind: ProblemKind
  offset: number
  limit: number
}

function problemItems(db: CatalogDatabase, jobId: number, query: ProblemQuery): ProblemItemsPage {
  const filter = `i.job_id = ? AND i.state = 'failed' AND ${
    query.kind === 'review' ? HAS_CANDIDATES : `NOT (${HAS_CANDIDATES})`
  }`
  const total = db
    .prepare<[number], { n: number }>(`SELECT count(*) AS n FROM stage_items i WHERE ${filter}`)
    .get(jobId)
  const rows = db
    .prepare<[number, number, number], ProblemRecord>(
      `SELECT i.id AS itemId, i.job_id AS jobId, i.song_id AS songId, i.playlist_id AS playlistId,
              ${DISPLAY_TEXT_SQL} AS displayText,
              i.message, i.attempts, i.updated_at AS updatedAt, i.result_json AS resultJson
       FROM stage_items i JOIN songs s ON s.id = i.song_id
       WHERE ${filter}
       ORDER BY i.id LIMIT ? OFFSET ?`,
    )
    .all(jobId, query.limit, query.offset)
  return { total: total?.n ?? 0, items: rows.map(toProblemItem) }
}

function toProblemItem({ resultJson, ...row }: ProblemRecord): ProblemItem {
  const result: unknown = resultJson ? JSON.parse(resultJson) : null
  const record = typeof result === 'object' && result !== null ? result : {}
  const sourceId = 'reviewSourceId' in record ? record.reviewSourceId : null
  const review = 'review' in record && Array.isArray(record.review) ? record.review : []
  return {
    ...row,
    sourceId: typeof sourceId === 'string' ? sourceId : null,
    candidates: review.flatMap(toCandidate),
  }
}

function toCandidate(value: unknown): ReviewCandidate[] {
  if (typeof value !== 'object' || value === null) return []
  const c = value as Partial<Record<keyof ReviewCandidate, unknown>>
  if (typeof c.trackId !== 'string' || typeof c.title !== 'string') return []
  return [
    {
      trackId: c.trackId,
      title: c.title,
      artists: Array.isArray(c.artists) ? c.artists.filter((a) => typeof a === 'string') : [],
      album: typeof c.album === 'string' ? c.album : null,
      durationMs: typeof c.durationMs === 'number' ? c.durationMs : null,
      score: typeof c.score === 'number' ? c.score : 0,
    },
  ]
}
