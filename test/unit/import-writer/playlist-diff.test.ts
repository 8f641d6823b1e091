import { describe, expect, it } from 'vitest'
import { diffTrackLists } from '../../../src/main/core/import-writer/playlist-diff'

describe('diffTrackLists', () => {
  it('counts a first import as all added', () => {
    expect(diffTrackLists([], [1, 2, 3])).toMatchObject({ added: 3, kept: 0, removed: 0, moved: 0 })
  })

  it('counts additions, removals and the fewest moves', () => {
    const diff = diffTrackLists([1, 2, 3, 4], [4, 1, 3, 5])
    expect(diff).toMatchObject({ added: 1, kept: 3, removed: 1, moved: 1 })
    expect(diff.addedSongIds).toEqual([5])
    expect(diff.removedSongIds).toEqual([2])
  })

  it('sees a reversed list as all but one moved', () => {
    expect(diffTrackLists([1, 2, 3, 4], [4, 3, 2, 1]).moved).toBe(3)
  })

  it('matches repeated songs occurrence by occurrence', () => {
    expect(diffTrackLists([7, 8, 7], [7, 8])).toMatchObject({
      kept: 2,
      removed: 1,
      added: 0,
      removedSongIds: [],
    })
    expect(diffTrackLists([7], [7, 7])).toMatchObject({ kept: 1, added: 1, addedSongIds: [] })
  })

  it('reports an unchanged list as all kept', () => {
    expect(diffTrackLists([5, 6], [5, 6])).toMatchObject({
      added: 0,
      kept: 2,
      removed: 0,
      moved: 0,
    })
  })
})
