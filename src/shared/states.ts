/** The state names of the ops model (DESIGN.md), shared by the core and every front end. */
export const ITEM_STATES = [
  'pending',
  'resolving',
  'ready',
  'downloading',
  'succeeded',
  'failed',
  'skipped',
] as const
export type ItemState = (typeof ITEM_STATES)[number]

export const JOB_STATES = [
  'pending',
  'running',
  'pause_requested',
  'paused',
  'canceled',
  'succeeded',
  'failed',
] as const
export type JobState = (typeof JOB_STATES)[number]

export const STAGE_STATES = ['pending', 'running', 'succeeded', 'failed', 'canceled'] as const
export type StageState = (typeof STAGE_STATES)[number]

export const STAGE_TYPES = ['import', 'snapshot', 'download'] as const
export type StageType = (typeof STAGE_TYPES)[number]

export type StateCounts<S extends string> = Record<S, number>
