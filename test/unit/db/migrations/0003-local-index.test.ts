import { describe, expect, it } from 'vitest'
import {
  columns,
  indexes,
  keptFrom,
  migrationCatalogPerTest,
  tables,
} from '../../../support/migration-catalog'

const catalog = migrationCatalogPerTest()

const indexRow = (source: string, path: string) =>
  `INSERT INTO local_index (source_id, path, size_bytes, mtime_ms, title, indexed_at)
     VALUES ('${source}', '${path}', 1, 1, 'T', 1)`

describe('migration 3: local index', () => {
  it('adds the local index, keyed by source and path', () => {
    const before = tables(catalog.at(2))
    const db = catalog.at(3)
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    expect(tables(db)).toEqual([...before, 'local_index'].sort())
    expect(columns(db, 'local_index')).toEqual([
      'source_id TEXT NOT NULL PRIMARY KEY',
      'path TEXT NOT NULL PRIMARY KEY',
      'size_bytes INTEGER NOT NULL',
      'mtime_ms INTEGER NOT NULL',
      'title TEXT NOT NULL',
      "artists_json TEXT NOT NULL DEFAULT '[]'",
      'album TEXT',
      'duration_ms INTEGER',
      'isrc TEXT',
      'indexed_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'local_index')).toEqual([])
  })

  it('carries every row of a version 2 catalog forward, with an empty index', () => {
    const { before, after } = catalog.carryForward(3)
    expect(keptFrom(before, after)).toEqual(before)
    expect(after['local_index']).toEqual([])
  })

  it('lets two sources index the same path, but one source only once', () => {
    const db = catalog.at(3)
    db.exec(indexRow('shelf', '/music/a.flac'))
    db.exec(indexRow('attic', '/music/a.flac'))
    expect(() => db.exec(indexRow('shelf', '/music/a.flac'))).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(db.prepare('SELECT count(*) AS n FROM local_index').get()).toEqual({ n: 2 })
  })
})
