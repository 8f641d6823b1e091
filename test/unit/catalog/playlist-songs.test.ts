import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { seedDownloadJob } from '../../support/ops-fixtures'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

/** Four songs: one in the library, one failed, two still pending. */
function seeded() {
  const { stage, playlist, songIds } = seedDownloadJob(temp.service, 4)
  const { ops, library } = temp.service
  const [first] = ops.itemsInState(stage.id, 'pending')
  ops.leases.claimNext(stage.id, 'w', 1000)
  ops.markItemFailed(first!.id, 'demo: not found')
  const backend = library.ensureLocalBackend(join(temp.dir, 'library'), { isDefault: true })
  library.recordLocalFile({
    songId: songIds[3]!,
    backendId: backend.id,
    relativePath: 'A/Song 3.mp3',
    sizeBytes: 1234,
    sourceId: 'nas',
  })
  return { playlistId: playlist.id, songIds }
}

describe('a page of playlist songs', () => {
  it('filters by state, keeping the filtered total and playlist order', () => {
    const { playlistId, songIds } = seeded()
    const page = (state?: 'failed' | 'pending' | 'in_library' | 'not_synced') =>
      temp.service.playlistViews.songsPage({ playlistId, offset: 0, limit: 10, state })
    expect(page().total).toBe(4)
    expect(page('failed')).toMatchObject({
      total: 1,
      songs: [{ songId: songIds[0], state: 'failed', message: 'demo: not found' }],
    })
    expect(page('pending').songs.map((s) => s.songId)).toEqual([songIds[1], songIds[2]])
    expect(page('in_library').songs).toEqual([
      expect.objectContaining({
        songId: songIds[3],
        source: 'nas',
        sizeBytes: 1234,
        localPath: join(temp.dir, 'library', 'A/Song 3.mp3'),
      }),
    ])
    expect(page('not_synced')).toEqual({ total: 0, songs: [] })
  })

  it('combines the state filter with the search and pages the result', () => {
    const { playlistId, songIds } = seeded()
    const query = { playlistId, limit: 1, state: 'pending' as const, search: 'song' }
    const second = temp.service.playlistViews.songsPage({ ...query, offset: 1 })
    expect(second).toMatchObject({ total: 2, songs: [{ songId: songIds[2] }] })
    const none = temp.service.playlistViews.songsPage({ ...query, offset: 0, search: 'Song 3' })
    expect(none.total).toBe(0)
  })

  it("finds each song's newest item through an index, not a scan", () => {
    const plan = temp.db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT max(id) FROM stage_items WHERE song_id = 1',
      )
      .all()
      .map((row) => row.detail)
      .join('\n')
    expect(plan).toMatch(/stage_items_by_song/)
  })
})
