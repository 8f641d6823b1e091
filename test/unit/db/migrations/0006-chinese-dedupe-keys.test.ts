import { describe, expect, it } from 'vitest'
import { songDedupeKey } from '../../../../src/main/core/catalog/song-identity'
import {
  columns,
  indexes,
  keptFrom,
  migrationCatalogPerTest,
  seedRows,
  tables,
} from '../../../support/migration-catalog'

const catalog = migrationCatalogPerTest()

type Connection = ReturnType<typeof catalog.at>

const keys = (db: Connection) =>
  db
    .prepare<[], { id: number; key: string }>('SELECT id, dedupe_key AS key FROM songs ORDER BY id')
    .all()

/** The two forms of one song, and a Latin one, with keys as version 5 computed them. */
function seedChineseSongs(db: Connection): void {
  db.exec(`
    INSERT INTO songs (id, name, singers, artists_json, dedupe_key, created_at, updated_at)
      VALUES (10, '愛情轉移', '陳奕迅', '["陳奕迅"]', '愛情轉移' || char(31) || '陳奕迅', 1, 1),
             (11, '爱情转移', '陈奕迅', '["陈奕迅"]', '爱情转移' || char(31) || '陈奕迅', 2, 2),
             (12, 'Plain Song', 'Someone', '["Someone"]', 'plain song' || char(31) || 'someone', 3, 3),
             (13, '壞掉的', '?', 'not json', 'kept as it was', 4, 4);
    INSERT INTO playlist_songs (playlist_id, position, song_id) VALUES (1, 2, 10), (1, 3, 11);
  `)
}

describe('migration 6: chinese dedupe keys', () => {
  it('changes no table, column or index', () => {
    const old = catalog.at(5)
    const before = { tables: tables(old), songs: columns(old, 'songs'), idx: indexes(old, 'songs') }
    const db = catalog.at(6)
    expect(db.pragma('user_version', { simple: true })).toBe(6)
    expect({ tables: tables(db), songs: columns(db, 'songs'), idx: indexes(db, 'songs') }).toEqual(
      before,
    )
  })

  it('recomputes every key as songDedupeKey does, so both Chinese forms share one key', () => {
    const old = catalog.at(5)
    seedRows(old, 5)
    seedChineseSongs(old)
    const db = catalog.at(6)
    expect(keys(db)).toEqual([
      { id: 1, key: songDedupeKey('Song A', ['Artist A']) },
      { id: 2, key: songDedupeKey('Song B', ['Artist B']) },
      { id: 10, key: songDedupeKey('爱情转移', ['陈奕迅']) },
      { id: 11, key: songDedupeKey('愛情轉移', ['陳奕迅']) },
      { id: 12, key: 'plain song\u001fsomeone' },
      { id: 13, key: 'kept as it was' },
    ])
    expect(songDedupeKey('愛情轉移', ['陳奕迅'])).toBe('爱情转移\u001f陈奕迅')
  })

  it('merges nothing: colliding songs keep their rows and playlist places', () => {
    const { before, after, db } = catalog.carryForward(6, seedChineseSongs)
    const withoutKeys = (rows: Record<string, Record<string, unknown>[]>) => ({
      ...rows,
      songs: (rows['songs'] ?? []).map((row) => ({ ...row, dedupe_key: 'recomputed' })),
    })
    expect(keptFrom(withoutKeys(before), withoutKeys(after))).toEqual(withoutKeys(before))
    expect(
      db
        .prepare('SELECT song_id AS s FROM playlist_songs WHERE position >= 2 ORDER BY position')
        .all(),
    ).toEqual([{ s: 10 }, { s: 11 }])
  })
})
