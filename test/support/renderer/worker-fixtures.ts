import { idleWorker } from '../../../src/main/core/sync/worker-board'
import type { WorkerState } from '../../../src/shared/dashboard'

export const worker = (patch: Partial<WorkerState> & { name: string }): WorkerState => ({
  ...idleWorker(patch.name, patch.name.startsWith('resolve') ? 'resolve' : 'download'),
  ...patch,
})
