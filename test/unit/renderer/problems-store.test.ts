import { describe, expect, it } from 'vitest'
import {
  createProblemsStore,
  PROBLEMS_PAGE_SIZE,
} from '../../../src/renderer/src/stores/problems-store'
import type { ProblemItem, ProblemItemsPage } from '../../../src/shared/contract'
import { fakeBridge, ok } from '../../support/renderer/fake-bridge'

const item = (itemId: number, candidates = 0): ProblemItem => ({
  itemId,
  jobId: 1,
  songId: itemId,
  playlistId: 1,
  displayText: `Song ${itemId} / Someone`,
  message: candidates ? 'needs review' : 'not found',
  attempts: 1,
  updatedAt: 0,
  sourceId: candidates ? 'demo' : null,
  candidates: Array.from({ length: candidates }, (_, i) => ({
    trackId: `t${i}`,
    title: `Song ${itemId}`,
    artists: ['Other'],
    album: null,
    durationMs: 1000,
    score: 0.6,
  })),
})

const page = (ids: number[], total = ids.length): ProblemItemsPage => ({
  total,
  items: ids.map((id) => item(id)),
})

describe('the problems store', () => {
  it('opens a kind at its first page and keeps the selection to items still listed', async () => {
    let ids = [1, 2, 3]
    const { bridge, calls } = fakeBridge({ 'items:problems': () => ok(page(ids)) })
    const store = createProblemsStore(bridge)
    await store.getState().api.open('failed')
    expect(calls[0]).toEqual({
      channel: 'items:problems',
      args: [{ kind: 'failed', offset: 0, limit: PROBLEMS_PAGE_SIZE }],
    })
    expect(store.getState()).toMatchObject({ total: 3, loaded: true, kind: 'failed' })

    store.getState().api.selectAll(true)
    expect(store.getState().selected).toEqual([1, 2, 3])
    store.getState().api.toggle(2)
    expect(store.getState().selected).toEqual([1, 3])
    ids = [2, 3]
    await store.getState().api.refresh()
    expect(store.getState().selected).toEqual([3])
  })

  it('drops a reply that a newer request overtook', async () => {
    const replies: ((value: ReturnType<typeof ok<ProblemItemsPage>>) => void)[] = []
    const { bridge } = fakeBridge({
      'items:problems': () => new Promise((resolve) => replies.push(resolve)),
    })
    const store = createProblemsStore(bridge)
    const first = store.getState().api.open('review')
    const second = store.getState().api.refresh()
    replies[1]!(ok(page([7])))
    replies[0]!(ok(page([1, 2])))
    await Promise.all([first, second])
    expect(store.getState().items.map((i) => i.itemId)).toEqual([7])
  })

  it('turns pages and falls back to the last page that still has items', async () => {
    let total = 250
    const { bridge, calls } = fakeBridge({
      'items:problems': ({ offset }) =>
        ok(offset >= total ? page([], total) : page([offset + 1], total)),
    })
    const store = createProblemsStore(bridge)
    await store.getState().api.open('failed')
    await store.getState().api.turnPage(1)
    await store.getState().api.turnPage(1)
    expect(store.getState().offset).toBe(200)
    await store.getState().api.turnPage(1)
    expect(store.getState().offset).toBe(200)
    total = 150
    await store.getState().api.refresh()
    expect(store.getState().offset).toBe(100)
    expect(calls.filter((c) => c.channel === 'items:problems')).toHaveLength(5)
  })

  it('retries the selection or everything, and shows the service error', async () => {
    let busy = false
    const { bridge, calls } = fakeBridge({
      'items:problems': () => ok(page([1, 2])),
      'items:retry': () =>
        busy
          ? { ok: false, error: 'A sync (job 4) is running; wait for it or pause it' }
          : ok({ jobId: 1, changed: true }),
    })
    const store = createProblemsStore(bridge)
    await store.getState().api.open('failed')
    store.getState().api.toggle(2)
    await store.getState().api.retry(store.getState().selected)
    await store.getState().api.retry()
    const retries = calls.filter((c) => c.channel === 'items:retry')
    expect(retries.map((c) => c.args)).toEqual([[{ itemIds: [2] }], []])
    expect(store.getState()).toMatchObject({ selected: [], error: null, busy: false })
    expect(store.getState().notice).toBe('Retrying every failed item')

    busy = true
    await store.getState().api.retry()
    expect(store.getState().error).toMatch(/is running/)
  })

  it('takes a reviewed item off the list at once', async () => {
    const { bridge, calls } = fakeBridge({
      'items:problems': () => ok({ total: 2, items: [item(1, 2), item(2, 2)] }),
      'items:review': ({ itemId }) => ok({ itemId, state: 'pending' }),
    })
    const store = createProblemsStore(bridge)
    await store.getState().api.open('review')
    await store.getState().api.review(1, 't1')
    await store.getState().api.review(2, null)
    expect(calls.filter((c) => c.channel === 'items:review').map((c) => c.args)).toEqual([
      [{ itemId: 1, trackId: 't1' }],
      [{ itemId: 2, trackId: null }],
    ])
    expect(store.getState()).toMatchObject({ items: [], total: 0, notice: 'Skipped' })
  })
})
