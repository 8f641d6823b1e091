import { describe, expect, it } from 'vitest'
import { EMPTY_BOARD, mergeWorkers } from '../../../src/renderer/src/stores/worker-merge'
import { worker } from '../../support/renderer/worker-fixtures'

const downloading = (name: string, bytes: number) =>
  worker({ name, status: 'downloading', display_text: 'Song / Singer', downloaded_bytes: bytes })

describe('merging worker snapshots', () => {
  it('keeps the objects of workers whose fields did not change', () => {
    const first = mergeWorkers(EMPTY_BOARD, [
      worker({ name: 'resolve-1' }),
      downloading('download-1', 10),
      downloading('download-2', 20),
    ])
    const next = mergeWorkers(first, [
      worker({ name: 'resolve-1' }),
      downloading('download-1', 15),
      downloading('download-2', 20),
    ])
    expect(next).not.toBe(first)
    expect(next.byName['resolve-1']).toBe(first.byName['resolve-1'])
    expect(next.byName['download-2']).toBe(first.byName['download-2'])
    expect(next.byName['download-1']).not.toBe(first.byName['download-1'])
    expect(next.byName['download-1']?.downloaded_bytes).toBe(15)
    expect(next.order).toBe(first.order)
  })

  it('returns the same board when nothing changed', () => {
    const first = mergeWorkers(EMPTY_BOARD, [downloading('download-1', 10)])
    expect(mergeWorkers(first, [downloading('download-1', 10)])).toBe(first)
  })

  it('follows workers that come and go, in the order given', () => {
    const first = mergeWorkers(EMPTY_BOARD, [
      worker({ name: 'resolve-1' }),
      worker({ name: 'download-1' }),
    ])
    const grown = mergeWorkers(first, [
      worker({ name: 'resolve-1' }),
      worker({ name: 'resolve-2' }),
      worker({ name: 'download-1' }),
    ])
    expect(grown.order).toEqual(['resolve-1', 'resolve-2', 'download-1'])
    expect(grown.byName['download-1']).toBe(first.byName['download-1'])
    const shrunk = mergeWorkers(grown, [worker({ name: 'download-1' })])
    expect(shrunk.order).toEqual(['download-1'])
    expect(shrunk.byName['resolve-2']).toBeUndefined()
  })
})
