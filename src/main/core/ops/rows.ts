import type { JsonObject } from '../catalog'
import type { ItemState, JobState, StageState, StageType } from '../../../shared/states'
import type { JobSummary } from '../../../shared/dashboard'
import type { Job, JobStage, StageItem } from './types'

export interface JobRow {
  id: number
  kind: string
  state: JobState
  state_reason: string | null
  options_json: string
  created_at: number
  started_at: number | null
  finished_at: number | null
  updated_at: number
}

export interface StageRow {
  id: number
  job_id: number
  position: number
  type: StageType
  state: StageState
  created_at: number
  updated_at: number
}

export interface ItemRow {
  id: number
  stage_id: number
  job_id: number
  song_id: number
  playlist_id: number | null
  state: ItemState
  worker_name: string | null
  lease_expires_at: number | null
  attempts: number
  message: string | null
  result_json: string | null
  resolved_payload_json: string | null
  payload_expires_at: number | null
  created_at: number
  updated_at: number
}

const parseObject = (json: string | null): JsonObject | null =>
  json === null ? null : (JSON.parse(json) as JsonObject)

/** Parsed when it is JSON, else its text: the runner validates it and re-queues what is bad. */
const parseStored = (json: string | null): unknown => {
  if (json === null) return null
  try {
    return JSON.parse(json)
  } catch {
    return json
  }
}

export const toJob = (row: JobRow): Job => ({
  id: row.id,
  kind: row.kind,
  state: row.state,
  stateReason: row.state_reason,
  options: parseObject(row.options_json) ?? {},
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  updatedAt: row.updated_at,
})

/** A job as the dashboard and the `job` event show it: the one place this shape is built. */
export const toJobSummary = (job: Job): JobSummary => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  state_reason: job.stateReason,
  created_at: job.createdAt,
  started_at: job.startedAt,
  finished_at: job.finishedAt,
})

export const toStage = (row: StageRow): JobStage => ({
  id: row.id,
  jobId: row.job_id,
  position: row.position,
  type: row.type,
  state: row.state,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const toItem = (row: ItemRow): StageItem => ({
  id: row.id,
  stageId: row.stage_id,
  jobId: row.job_id,
  songId: row.song_id,
  playlistId: row.playlist_id,
  state: row.state,
  workerName: row.worker_name,
  leaseExpiresAt: row.lease_expires_at,
  attempts: row.attempts,
  message: row.message,
  result: parseObject(row.result_json),
  resolvedPayload: parseStored(row.resolved_payload_json),
  payloadExpiresAt: row.payload_expires_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})
