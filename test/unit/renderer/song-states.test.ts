import { describe, expect, it } from 'vitest'
import { countsText } from '../../../src/renderer/src/screens/playlists/song-states'

describe('playlist counts', () => {
  it('lists only the states that have songs, done first, with thousands separators', () => {
    expect(
      countsText({ songs: 1520, counts: { not_synced: 20, failed: 3, in_library: 1497 } }),
    ).toBe('1,520 songs · 1,497 in library · 3 failed · 20 not synced')
    expect(countsText({ songs: 1, counts: {} })).toBe('1 song')
  })
})
