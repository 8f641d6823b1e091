import type { CatalogStore } from './catalog-store'
import type { JsonObject } from '../catalog'
import type { StageItem } from '../ops'
export class ItemActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ItemActionError'
  }
}

/** The named items, each of which must exist and have failed. */
export function failedItems(store: CatalogStore, itemIds: readonly number[]): StageItem[] {
  return itemIds.map((id) => {
    const item = store.ops.getItem(id)
    if (!item) throw new ItemActionError(`No item with id ${id}`)
    if (item.state !== 'failed')
      throw new ItemActionError(`Item ${id} is ${item.state}, not failed`)
    return item
  })
}

const reviewList = (item: StageItem): JsonObject[] =>
  Array.isArray(item.result?.review) ? (item.result.review as JsonObject[]) : []

/**
 * Records a person's review of a weak match. The choice is kept in the item's result (next to
 * the candidates) and the item goes back to pending; the next run resolves it again. Skipping
 * (no track) keeps the item failed, as "skipped in review", without its candidate list, since
 * the ops model has no move from failed to skipped.
 */
export function recordReview(
  store: CatalogStore,
  itemId: number,
  trackId: string | null,
): StageItem {
  const [item] = failedItems(store, [itemId])
  if (!item) throw new ItemActionError(`No item with id ${itemId}`)
  const candidates = reviewList(item)
  if (candidates.length === 0)
    throw new ItemActionError(`Item ${itemId} has no candidates to review`)
  if (trackId === null) {
    store.problems.recordReview(itemId, { reviewed: 'skipped' }, 'skipped in review')
    return { ...item, message: 'skipped in review', result: { reviewed: 'skipped' } }
  }
  const chosen = candidates.find((candidate) => candidate.trackId === trackId)
  if (!chosen)
    throw new ItemActionError(`Item ${itemId} has no candidate with track id "${trackId}"`)
  // Kept with the candidates and their source: the next resolve asks that source for it.
  const result = { ...item.result, chosen }
  const message = `chosen in review: track ${trackId}`
  return store.transaction(() => {
    store.problems.recordReview(itemId, result, message)
    return store.ops.requeueItem(itemId, message)
  })
}
