import type { PlaylistSongRow } from '../../../src/shared/contract'
import type { JobSummary } from '../../../src/shared/dashboard'
import type { ItemState, JobState, StateCounts } from '../../../src/shared/states'

/** Item counts, all zero but what `patch` sets. */
export const counts = (patch: Partial<StateCounts<ItemState>> = {}): StateCounts<ItemState> => ({
  pending: 0,
  resolving: 0,
  ready: 0,
  downloading: 0,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  ...patch,
})

/** A sync job that started at 0 and has not finished. */
export const job = (id: number, state: JobState): JobSummary => ({
  id,
  kind: 'sync',
  state,
  state_reason: null,
  created_at: 0,
  started_at: 0,
  finished_at: null,
})

/** The playlist row of the song at `position`, not synced yet. */
export const songRow = (position: number): PlaylistSongRow => ({
  songId: position + 1,
  position,
  name: `Song ${position}`,
  singers: 'Band',
  album: null,
  durationMs: null,
  state: 'not_synced',
  message: null,
  source: null,
  sizeBytes: null,
  localPath: null,
})
