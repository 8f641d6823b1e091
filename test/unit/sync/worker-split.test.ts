import { describe, expect, it } from 'vitest'
import { downloadStageWorkerSplit } from '../../../src/main/core/sync/worker-split'

describe('downloadStageWorkerSplit', () => {
  it.each([
    [1, 1, 0],
    [2, 1, 1],
    [3, 1, 2],
    [4, 1, 3],
    [10, 3, 7],
    [30, 3, 27],
  ])('splits %i workers into %i resolvers and %i downloaders', (n, resolvers, downloaders) => {
    expect(downloadStageWorkerSplit(n)).toEqual({ resolvers, downloaders })
  })

  it('refuses zero or fractional counts', () => {
    expect(() => downloadStageWorkerSplit(0)).toThrow(RangeError)
    expect(() => downloadStageWorkerSplit(2.5)).toThrow(RangeError)
  })
})
