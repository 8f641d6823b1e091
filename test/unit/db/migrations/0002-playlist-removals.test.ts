import { describe, expect, it } from 'vitest'
import {
  columns,
  foreignKeys,
  indexes,
  keptFrom,
  migrationCatalogPerTest,
  seedRows,
  tables,
} from '../../../support/migration-catalog'

const catalog = migrationCatalogPerTest()

describe('migration 2: playlist removals', () => {
  it('adds the removals table, keyed by playlist and song', () => {
    const before = tables(catalog.at(1))
    const db = catalog.at(2)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(tables(db)).toEqual([...before, 'playlist_song_removals'].sort())
    expect(columns(db, 'playlist_song_removals')).toEqual([
      'playlist_id INTEGER NOT NULL PRIMARY KEY',
      'song_id INTEGER NOT NULL PRIMARY KEY',
      'removed_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'playlist_song_removals')).toEqual([])
    expect(foreignKeys(db, 'playlist_song_removals')).toEqual([
      'playlist_id -> playlists (id) ON DELETE CASCADE',
      'song_id -> songs (id) ON DELETE NO ACTION',
    ])
  })

  it('carries every row of a version 1 catalog forward, with no removal recorded', () => {
    const { before, after } = catalog.carryForward(2)
    expect(keptFrom(before, after)).toEqual(before)
    expect(after['playlist_song_removals']).toEqual([])
  })

  it('records a removal once per playlist and song, and forgets it with its playlist', () => {
    const db = catalog.at(2)
    seedRows(db, 2)
    expect(() =>
      db.exec(
        'INSERT INTO playlist_song_removals (playlist_id, song_id, removed_at) VALUES (1, 2, 10)',
      ),
    ).toThrow(/UNIQUE|PRIMARY KEY/)
    db.exec('DELETE FROM stage_items')
    db.exec('DELETE FROM playlists WHERE id = 1')
    expect(db.prepare('SELECT count(*) AS n FROM playlist_song_removals').get()).toEqual({ n: 0 })
  })
})
