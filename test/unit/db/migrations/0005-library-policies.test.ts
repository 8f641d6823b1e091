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

describe('migration 5: library policies', () => {
  it('adds the policy, applied and source tag columns, and the removal actions table', () => {
    const old = catalog.at(4)
    const before = {
      tables: tables(old),
      playlists: columns(old, 'playlists'),
      removals: columns(old, 'playlist_song_removals'),
      localIndex: columns(old, 'local_index'),
    }
    const db = catalog.at(5)
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    expect(tables(db)).toEqual([...before.tables, 'removal_actions'].sort())
    expect(columns(db, 'playlists')).toEqual([
      ...before.playlists,
      "removal_policy TEXT NOT NULL DEFAULT 'keep'",
    ])
    expect(columns(db, 'playlist_song_removals')).toEqual([
      ...before.removals,
      'applied_at INTEGER',
    ])
    expect(columns(db, 'local_index')).toEqual([...before.localIndex, 'source_tag TEXT'])
    expect(columns(db, 'removal_actions')).toEqual([
      'id INTEGER PRIMARY KEY',
      'job_id INTEGER',
      'song_id INTEGER NOT NULL',
      'action TEXT NOT NULL',
      'from_path TEXT NOT NULL',
      'to_path TEXT',
      'acted_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'removal_actions')).toEqual(['removal_actions_by_job (job_id)'])
    expect(foreignKeys(db, 'removal_actions')).toEqual([
      'job_id -> jobs (id) ON DELETE SET NULL',
      'song_id -> songs (id) ON DELETE NO ACTION',
    ])
  })

  it('gives playlists of an older catalog the keep policy and keeps their removals pending', () => {
    const { before, after, db } = catalog.carryForward(5)
    expect(keptFrom(before, after)).toEqual(before)
    expect(db.prepare('SELECT removal_policy AS p FROM playlists').get()).toEqual({ p: 'keep' })
    expect(db.prepare('SELECT applied_at AS a FROM playlist_song_removals').get()).toEqual({
      a: null,
    })
    expect(db.prepare('SELECT source_tag AS t FROM local_index').get()).toEqual({ t: null })
    expect(after['removal_actions']).toEqual([])
    expect(() => db.prepare("UPDATE playlists SET removal_policy = 'shred'").run()).toThrow(/CHECK/)
  })

  it('records archived and deleted files only, and outlives the job that acted', () => {
    const db = catalog.at(5)
    seedRows(db, 5)
    expect(() => db.exec("UPDATE removal_actions SET action = 'burned'")).toThrow(/CHECK/)
    db.exec('DELETE FROM jobs WHERE id = 1')
    expect(db.prepare('SELECT job_id AS j, action AS a FROM removal_actions').all()).toEqual([
      { j: null, a: 'archived' },
    ])
  })
})
