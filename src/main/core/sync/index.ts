/** The sync folder's public face: other folders import only this. */
export { Coalescer, realScheduler } from './scheduler'
export { selectionOf } from './start-sync'
export type { SyncHandle } from './start-sync'
export { SyncBusyError, SyncControl } from './sync-control'
export type { RunOptions } from './sync-control'
export type { JobRunSummary } from './sync-job'
