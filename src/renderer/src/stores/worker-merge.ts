import type { WorkerState } from '../../../shared/dashboard'

export interface WorkerBoardView {
  /** Worker names in the service's order (role, then number). */
  order: readonly string[]
  byName: Readonly<Record<string, WorkerState>>
}

export const EMPTY_BOARD: WorkerBoardView = { order: [], byName: {} }

function sameWorker(a: WorkerState, b: WorkerState): boolean {
  const keys = Object.keys(b) as (keyof WorkerState)[]
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key])
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index])
}

/**
 * The next snapshot, reusing the previous objects of workers whose fields did not change, so
 * memoised cards skip them; the board itself is returned when nothing changed at all.
 */
export function mergeWorkers(
  previous: WorkerBoardView,
  next: readonly WorkerState[],
): WorkerBoardView {
  const byName: Record<string, WorkerState> = {}
  let changed = next.length !== previous.order.length
  for (const worker of next) {
    const old = previous.byName[worker.name]
    const kept = old && sameWorker(old, worker) ? old : worker
    if (kept !== old) changed = true
    byName[worker.name] = kept
  }
  const order = next.map((worker) => worker.name)
  if (!changed && sameOrder(previous.order, order)) return previous
  return { order: sameOrder(previous.order, order) ? previous.order : order, byName }
}
