export interface TrackListDiff {
  added: number
  kept: number
  removed: number
  moved: number
  /** Songs no longer in the list at all (each once). */
  removedSongIds: number[]
  /** Songs that were not in the list before (each once). */
  addedSongIds: number[]
}

/**
 * Compares two ordered song lists. A song listed twice counts twice (its first and second
 * occurrence are matched in order). `moved` is the fewest kept tracks that must move to turn
 * the old order into the new: those outside the longest run already in order.
 */
export function diffTrackLists(before: readonly number[], after: readonly number[]): TrackListDiff {
  const oldPositions = occurrencePositions(before)
  const keptOldPositions: number[] = []
  const seen = new Map<number, number>()
  let added = 0
  for (const songId of after) {
    const occurrence = seen.get(songId) ?? 0
    seen.set(songId, occurrence + 1)
    const oldPosition = oldPositions.get(songId)?.[occurrence]
    if (oldPosition === undefined) added++
    else keptOldPositions.push(oldPosition)
  }
  const kept = keptOldPositions.length
  const afterSet = new Set(after)
  const beforeSet = new Set(before)
  return {
    added,
    kept,
    removed: before.length - kept,
    moved: kept - longestIncreasingRun(keptOldPositions),
    removedSongIds: [...beforeSet].filter((id) => !afterSet.has(id)),
    addedSongIds: [...afterSet].filter((id) => !beforeSet.has(id)),
  }
}

function occurrencePositions(list: readonly number[]): Map<number, number[]> {
  const positions = new Map<number, number[]>()
  list.forEach((songId, index) => {
    const existing = positions.get(songId)
    if (existing) existing.push(index)
    else positions.set(songId, [index])
  })
  return positions
}

/** Length of the longest strictly increasing subsequence, O(n log n). */
function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = []
  for (const value of values) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((tails[mid] as number) < value) low = mid + 1
      else high = mid
    }
    tails[low] = value
  }
  return tails.length
}
