import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ProblemItem, ProblemKind } from '../../../shared/contract'
import type { Bridge } from '../bridge'

export const PROBLEMS_PAGE_SIZE = 100

export interface ProblemsState {
  kind: ProblemKind
  offset: number
  total: number
  items: ProblemItem[]
  selected: number[]
  /** False until the first page of this kind arrived. */
  loaded: boolean
  /** A retry or review is on its way; the buttons wait for it. */
  busy: boolean
  error: string | null
  /** What the last action did, for a polite status line. */
  notice: string | null
  api: {
    open(kind: ProblemKind): Promise<void>
    refresh(): Promise<void>
    turnPage(direction: 1 | -1): Promise<void>
    toggle(itemId: number): void
    selectAll(on: boolean): void
    retry(itemIds?: number[]): Promise<void>
    review(itemId: number, trackId: string | null): Promise<void>
  }
}

export type ProblemsStore = StoreApi<ProblemsState>

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** A cache of the newest job's failed items of one kind, a page at a time. */
export function createProblemsStore(bridge: Bridge, kind: ProblemKind = 'review'): ProblemsStore {
  // Each request takes a number; a reply to an older one is stale and dropped.
  let request = 0
  return createStore<ProblemsState>()((set, get) => {
    const refresh = async (): Promise<void> => {
      const mine = ++request
      const { kind, offset } = get()
      const result = await bridge.invoke('items:problems', {
        kind,
        offset,
        limit: PROBLEMS_PAGE_SIZE,
      })
      if (mine !== request) return
      if (!result.ok) return set({ error: result.error, loaded: true })
      const { total, items } = result.value
      // The page emptied under us (items retried elsewhere): show the last page that has items.
      if (items.length === 0 && offset > 0 && total > 0) {
        set({ offset: Math.floor((total - 1) / PROBLEMS_PAGE_SIZE) * PROBLEMS_PAGE_SIZE })
        return refresh()
      }
      const present = new Set(items.map((item) => item.itemId))
      set((state) => ({
        total,
        items,
        loaded: true,
        selected: state.selected.filter((id) => present.has(id)),
      }))
    }

    const act = async (run: () => Promise<string | null>): Promise<void> => {
      set({ busy: true, error: null, notice: null })
      try {
        const error = await run()
        if (error !== null) set({ error })
      } finally {
        set({ busy: false })
      }
    }

    return {
      kind,
      offset: 0,
      total: 0,
      items: [],
      selected: [],
      loaded: false,
      busy: false,
      error: null,
      notice: null,
      api: {
        open(kind) {
          set({ kind, offset: 0, total: 0, items: [], selected: [], loaded: false })
          set({ error: null, notice: null })
          return refresh()
        },
        refresh,
        turnPage(direction) {
          const { offset, total } = get()
          const next = offset + direction * PROBLEMS_PAGE_SIZE
          if (next < 0 || next >= total) return Promise.resolve()
          set({ offset: next, selected: [] })
          return refresh()
        },
        toggle(itemId) {
          set(({ selected }) => ({
            selected: selected.includes(itemId)
              ? selected.filter((id) => id !== itemId)
              : [...selected, itemId],
          }))
        },
        selectAll(on) {
          set(({ items }) => ({ selected: on ? items.map((item) => item.itemId) : [] }))
        },
        retry(itemIds) {
          return act(async () => {
            // No argument at all means every failed item (JSON has no `undefined` to send).
            const result = await (itemIds
              ? bridge.invoke('items:retry', { itemIds })
              : bridge.invoke('items:retry'))
            if (!result.ok) return result.error
            const count = itemIds ? plural(itemIds.length, 'item') : 'every failed item'
            set({
              selected: [],
              notice: result.value ? `Retrying ${count}` : 'Nothing was left to retry',
            })
            await refresh()
            return null
          })
        },
        review(itemId, trackId) {
          return act(async () => {
            const result = await bridge.invoke('items:review', { itemId, trackId })
            if (!result.ok) return result.error
            // Chosen items are requeued and skipped ones move to the failed list: either way
            // this one leaves the list now, before the refresh says so.
            set(({ items, total, selected }) => ({
              items: items.filter((item) => item.itemId !== itemId),
              total: Math.max(0, total - 1),
              selected: selected.filter((id) => id !== itemId),
              notice: trackId === null ? 'Skipped' : 'Chosen; the song is queued again',
            }))
            return null
          })
        },
      },
    }
  })
}
