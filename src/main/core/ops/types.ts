import type { JsonObject } from '../catalog'
import type { ItemState, JobState, StageState, StageType } from '../../../shared/states'

export interface Job {
  id: number
  kind: string
  state: JobState
  stateReason: string | null
  options: JsonObject
  createdAt: number
  startedAt: number | null
  finishedAt: number | null
  updatedAt: number
}

export interface JobStage {
  id: number
  jobId: number
  position: number
  type: StageType
  state: StageState
  createdAt: number
  updatedAt: number
}

export interface StageItem {
  id: number
  stageId: number
  jobId: number
  songId: number
  playlistId: number | null
  state: ItemState
  workerName: string | null
  leaseExpiresAt: number | null
  attempts: number
  message: string | null
  result: JsonObject | null
  /** As stored; sync/download-payload.ts validates it when it is read back. */
  resolvedPayload: unknown
  payloadExpiresAt: number | null
  createdAt: number
  updatedAt: number
}

export interface StageItemInput {
  songId: number
  playlistId?: number | null
}

export interface NewJob {
  kind: string
  options?: JsonObject
  stages: { type: StageType; items?: readonly StageItemInput[] }[]
}

/** The joined song + playlist row a worker needs to resolve and download one item. */
export interface DownloadRow {
  itemId: number
  stageId: number
  jobId: number
  itemState: ItemState
  attempts: number
  songId: number
  playlistId: number | null
  playlistName: string | null
  name: string
  singers: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc: string | null
  platform: string | null
  externalId: string | null
  ext: string | null
  fileSizeBytes: number | null
  metadata: JsonObject
}
