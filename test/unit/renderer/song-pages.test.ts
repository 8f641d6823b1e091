import { describe, expect, it } from 'vitest'
import { pagesFor, rowAt } from '../../../src/renderer/src/stores/song-pages'

describe('song pages', () => {
  it('names the pages covering a range of rows', () => {
    expect(pagesFor(0, 10, 200)).toEqual([0])
    expect(pagesFor(190, 410, 200)).toEqual([0, 1, 2])
    expect(pagesFor(49_990, 49_999, 200)).toEqual([249])
    expect(pagesFor(0, -1, 200)).toEqual([])
  })

  it('finds a row in its page, or nothing while the page is missing', () => {
    const pages = { 1: ['a', 'b', 'c'] }
    expect(rowAt(pages, 4, 3)).toBe('b')
    expect(rowAt(pages, 0, 3)).toBeUndefined()
  })
})
