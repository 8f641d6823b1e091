import type { WorkerState } from '../../../src/shared/dashboard'

export const worker = (patch: Partial<WorkerState> & { name: string }): WorkerState => ({
  role: patch.name.startsWith('resolve') ? 'resolve' : 'download',
  status: 'idle',
  item_id: null,
  song_id: null,
  playlist_id: null,
  display_text: '',
  progress_text: '',
  downloaded_bytes: 0,
  total_bytes: null,
  speed_bytes_per_sec: 0,
  percent: null,
  ...patch,
})
