export interface WorkerSplit {
  resolvers: number
  /** 0 means the single path: each worker resolves, then downloads. */
  downloaders: number
}

/**
 * The seed's static split of n workers: 1 → single; 2 → one of each; otherwise a third
 * (at least 1, at most 3) resolve and the rest download.
 */
export function downloadStageWorkerSplit(n: number): WorkerSplit {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`worker count must be ≥ 1, got ${n}`)
  if (n === 1) return { resolvers: 1, downloaders: 0 }
  if (n === 2) return { resolvers: 1, downloaders: 1 }
  const resolvers = Math.min(3, Math.max(1, Math.floor(n / 3)))
  return { resolvers, downloaders: n - resolvers }
}
