import type { ItemState, JobState, StageState } from '../../../shared/states'

type Table<S extends string> = { readonly [From in S]: readonly S[] }

/**
 * Every legal move. Items: a claim takes pending → resolving; start-up recovery takes
 * resolving → pending and downloading → ready; an expired payload or a failed download
 * re-resolves (ready/downloading → pending); a retry takes failed → pending; a song found
 * in the library while resolving succeeds without a download.
 */
export const ITEM_TRANSITIONS: Table<ItemState> = {
  pending: ['resolving'],
  resolving: ['pending', 'ready', 'succeeded', 'failed', 'skipped'],
  ready: ['downloading', 'pending', 'failed'],
  downloading: ['succeeded', 'failed', 'ready', 'pending'],
  failed: ['pending'],
  succeeded: [],
  skipped: [],
}

/** A finished job may run again (to retry its failed items); a canceled one is over. */
export const JOB_TRANSITIONS: Table<JobState> = {
  pending: ['running', 'canceled'],
  running: ['pause_requested', 'paused', 'canceled', 'succeeded', 'failed'],
  pause_requested: ['paused', 'running', 'canceled'],
  paused: ['running', 'canceled'],
  succeeded: ['running'],
  failed: ['running'],
  canceled: [],
}

export const STAGE_TRANSITIONS: Table<StageState> = {
  pending: ['running', 'canceled'],
  running: ['pending', 'succeeded', 'failed', 'canceled'],
  succeeded: ['running'],
  failed: ['running'],
  canceled: [],
}

const TABLES = { item: ITEM_TRANSITIONS, job: JOB_TRANSITIONS, stage: STAGE_TRANSITIONS }
export type Entity = keyof typeof TABLES
export type StateOf<E extends Entity> = E extends 'item'
  ? ItemState
  : E extends 'job'
    ? JobState
    : StageState

export class IllegalTransitionError extends Error {
  constructor(
    readonly entity: Entity,
    readonly id: number,
    readonly from: string,
    readonly to: string,
  ) {
    super(`Illegal ${entity} transition for ${entity} ${id}: ${from} → ${to}`)
    this.name = 'IllegalTransitionError'
  }
}

export function isLegalTransition<E extends Entity>(
  entity: E,
  from: StateOf<E>,
  to: StateOf<E>,
): boolean {
  const table = TABLES[entity] as Table<StateOf<E>>
  return table[from].includes(to)
}

/** The states from which `to` may be reached: item updates use it as their WHERE clause. */
export function legalSources<E extends Entity>(entity: E, to: StateOf<E>): StateOf<E>[] {
  const table = TABLES[entity] as Table<StateOf<E>>
  return (Object.keys(table) as StateOf<E>[]).filter((from) => table[from].includes(to))
}

/** The one guard every state change goes through: a refused move throws, never no-ops. */
export function ensureTransition<E extends Entity>(
  entity: E,
  id: number,
  from: StateOf<E>,
  to: StateOf<E>,
): void {
  if (!isLegalTransition(entity, from, to)) throw new IllegalTransitionError(entity, id, from, to)
}
