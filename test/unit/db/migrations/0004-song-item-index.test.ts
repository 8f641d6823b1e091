import { describe, expect, it } from 'vitest'
import { indexes, migrationCatalogPerTest, tables } from '../../../support/migration-catalog'

const catalog = migrationCatalogPerTest()

/** How sqlite finds a song's newest item, the lookup the index is for. */
const newestItemPlan = (db: ReturnType<typeof catalog.at>) =>
  db
    .prepare<[], { detail: string }>(
      'EXPLAIN QUERY PLAN SELECT state FROM stage_items WHERE song_id = 1 ORDER BY id DESC LIMIT 1',
    )
    .all()
    .map((row) => row.detail)
    .join('; ')

describe('migration 4: song item index', () => {
  it('indexes stage items by song, newest last, and adds no table', () => {
    const old = catalog.at(3)
    const tablesBefore = tables(old)
    const indexesBefore = indexes(old, 'stage_items')
    expect(newestItemPlan(old)).not.toContain('stage_items_by_song')
    const db = catalog.at(4)
    expect(db.pragma('user_version', { simple: true })).toBe(4)
    expect(tables(db)).toEqual(tablesBefore)
    expect(indexes(db, 'stage_items')).toEqual(
      [...indexesBefore, 'stage_items_by_song (song_id, id)'].sort(),
    )
    expect(newestItemPlan(db)).toContain('USING INDEX stage_items_by_song')
  })

  it('carries every row of a version 3 catalog forward unchanged', () => {
    const { before, after } = catalog.carryForward(4)
    expect(after).toEqual(before)
  })
})
