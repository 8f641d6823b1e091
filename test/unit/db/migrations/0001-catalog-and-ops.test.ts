import { describe, expect, it } from 'vitest'
import {
  columns,
  foreignKeys,
  indexes,
  migrationCatalogPerTest,
  seedRows,
  tables,
} from '../../../support/migration-catalog'

const catalog = migrationCatalogPerTest()

describe('migration 1: catalog and ops', () => {
  it('creates the catalog and ops tables on an empty file', () => {
    const db = catalog.at(1)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(tables(db)).toEqual([
      'job_stages',
      'jobs',
      'local_files',
      'playlist_songs',
      'playlists',
      'settings',
      'songs',
      'stage_items',
      'storage_backends',
      'workers',
    ])
  })

  it('gives the catalog tables their columns, keys and indexes', () => {
    const db = catalog.at(1)
    expect(columns(db, 'playlists')).toEqual([
      'id INTEGER PRIMARY KEY',
      'name TEXT NOT NULL',
      'source_format TEXT',
      'source_path TEXT',
      'platform TEXT',
      'external_id TEXT',
      'imported_at INTEGER NOT NULL',
      'last_synced_at INTEGER',
    ])
    expect(indexes(db, 'playlists')).toEqual([
      'playlists_by_external (platform, external_id) partial',
      'playlists_by_source_path (source_path) partial',
    ])
    expect(columns(db, 'songs')).toEqual([
      'id INTEGER PRIMARY KEY',
      'platform TEXT',
      'external_id TEXT',
      'name TEXT NOT NULL',
      "singers TEXT NOT NULL DEFAULT ''",
      "artists_json TEXT NOT NULL DEFAULT '[]'",
      'album TEXT',
      'duration_ms INTEGER',
      'isrc TEXT',
      'ext TEXT',
      'file_size_bytes INTEGER',
      "metadata_json TEXT NOT NULL DEFAULT '{}'",
      'dedupe_key TEXT NOT NULL',
      'created_at INTEGER NOT NULL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'songs')).toEqual([
      'songs_by_dedupe_key (dedupe_key)',
      'songs_by_external (platform, external_id) unique partial',
      'songs_by_isrc (isrc) partial',
    ])
    expect(columns(db, 'playlist_songs')).toEqual([
      'playlist_id INTEGER NOT NULL PRIMARY KEY',
      'position INTEGER NOT NULL PRIMARY KEY',
      'song_id INTEGER NOT NULL',
    ])
    expect(indexes(db, 'playlist_songs')).toEqual(['playlist_songs_by_song (song_id)'])
    expect(foreignKeys(db, 'playlist_songs')).toEqual([
      'playlist_id -> playlists (id) ON DELETE CASCADE',
      'song_id -> songs (id) ON DELETE NO ACTION',
    ])
    expect(columns(db, 'storage_backends')).toEqual([
      'id INTEGER PRIMARY KEY',
      'kind TEXT NOT NULL',
      'name TEXT NOT NULL',
      'root TEXT NOT NULL',
      'is_default INTEGER NOT NULL DEFAULT 0',
      'created_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'storage_backends')).toEqual([
      'UNIQUE (root)',
      'storage_backends_one_default (is_default) unique partial',
    ])
    expect(columns(db, 'local_files')).toEqual([
      'id INTEGER PRIMARY KEY',
      'song_id INTEGER NOT NULL',
      'backend_id INTEGER NOT NULL',
      'relative_path TEXT NOT NULL',
      'size_bytes INTEGER NOT NULL',
      'content_hash TEXT',
      'source_id TEXT',
      'active INTEGER NOT NULL DEFAULT 1',
      'created_at INTEGER NOT NULL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'local_files')).toEqual([
      'local_files_by_song (song_id, active)',
      'UNIQUE (backend_id, relative_path)',
    ])
    expect(foreignKeys(db, 'local_files')).toEqual([
      'backend_id -> storage_backends (id) ON DELETE NO ACTION',
      'song_id -> songs (id) ON DELETE NO ACTION',
    ])
    expect(columns(db, 'settings')).toEqual([
      'key TEXT NOT NULL PRIMARY KEY',
      'value_json TEXT NOT NULL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'settings')).toEqual([])
  })

  it('gives the ops tables their columns, keys and indexes', () => {
    const db = catalog.at(1)
    expect(columns(db, 'jobs')).toEqual([
      'id INTEGER PRIMARY KEY',
      'kind TEXT NOT NULL',
      'state TEXT NOT NULL',
      'state_reason TEXT',
      "options_json TEXT NOT NULL DEFAULT '{}'",
      'created_at INTEGER NOT NULL',
      'started_at INTEGER',
      'finished_at INTEGER',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'jobs')).toEqual(['jobs_by_state (state)'])
    expect(columns(db, 'job_stages')).toEqual([
      'id INTEGER PRIMARY KEY',
      'job_id INTEGER NOT NULL',
      'position INTEGER NOT NULL',
      'type TEXT NOT NULL',
      'state TEXT NOT NULL',
      'created_at INTEGER NOT NULL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'job_stages')).toEqual(['UNIQUE (job_id, position)'])
    expect(foreignKeys(db, 'job_stages')).toEqual(['job_id -> jobs (id) ON DELETE CASCADE'])
    expect(columns(db, 'stage_items')).toEqual([
      'id INTEGER PRIMARY KEY',
      'stage_id INTEGER NOT NULL',
      'job_id INTEGER NOT NULL',
      'song_id INTEGER NOT NULL',
      'playlist_id INTEGER',
      'state TEXT NOT NULL',
      'worker_name TEXT',
      'lease_expires_at INTEGER',
      'attempts INTEGER NOT NULL DEFAULT 0',
      'message TEXT',
      'result_json TEXT',
      'resolved_payload_json TEXT',
      'payload_expires_at INTEGER',
      'created_at INTEGER NOT NULL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(indexes(db, 'stage_items')).toEqual([
      'UNIQUE (stage_id, song_id)',
      'stage_items_by_job_state (job_id, state)',
      'stage_items_claim (stage_id, state, id)',
      'stage_items_leases (state, lease_expires_at) partial',
    ])
    expect(foreignKeys(db, 'stage_items')).toEqual([
      'job_id -> jobs (id) ON DELETE CASCADE',
      'playlist_id -> playlists (id) ON DELETE SET NULL',
      'song_id -> songs (id) ON DELETE NO ACTION',
      'stage_id -> job_stages (id) ON DELETE CASCADE',
    ])
    expect(columns(db, 'workers')).toEqual([
      'job_id INTEGER NOT NULL PRIMARY KEY',
      'name TEXT NOT NULL PRIMARY KEY',
      'role TEXT NOT NULL',
      'status TEXT NOT NULL',
      'item_id INTEGER',
      'song_id INTEGER',
      'playlist_id INTEGER',
      "display_text TEXT NOT NULL DEFAULT ''",
      "progress_text TEXT NOT NULL DEFAULT ''",
      'downloaded_bytes INTEGER NOT NULL DEFAULT 0',
      'total_bytes INTEGER',
      'speed_bytes_per_sec REAL NOT NULL DEFAULT 0',
      'percent REAL',
      'updated_at INTEGER NOT NULL',
    ])
    expect(foreignKeys(db, 'workers')).toEqual(['job_id -> jobs (id) ON DELETE CASCADE'])
  })

  it('refuses states, kinds and roles it does not know, and a second default backend', () => {
    const db = catalog.at(1)
    seedRows(db, 1)
    expect(() => db.exec("UPDATE jobs SET state = 'exploded'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE job_stages SET type = 'upload'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE job_stages SET state = 'paused'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE stage_items SET state = 'lost'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE workers SET role = 'boss'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE storage_backends SET kind = 's3'")).toThrow(/CHECK/)
    expect(() => db.exec('UPDATE local_files SET active = 2')).toThrow(/CHECK/)
    expect(() =>
      db.exec(`INSERT INTO storage_backends (kind, name, root, is_default, created_at)
                 VALUES ('local', 'Second', '/elsewhere', 1, 0)`),
    ).toThrow(/UNIQUE/)
    expect(() =>
      db.exec(`INSERT INTO songs (name, platform, external_id, dedupe_key, created_at, updated_at)
                 VALUES ('x', 'qq', '1', 'x', 0, 0), ('y', 'qq', '1', 'y', 0, 0)`),
    ).toThrow(/UNIQUE/)
  })

  it('takes a job with it when it is deleted, and leaves its items when a playlist goes', () => {
    const db = catalog.at(1)
    seedRows(db, 1)
    db.exec('DELETE FROM playlists WHERE id = 1')
    expect(db.prepare('SELECT count(*) AS n FROM playlist_songs').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT playlist_id AS p FROM stage_items').all()).toEqual([
      { p: null },
      { p: null },
    ])
    db.exec('DELETE FROM jobs WHERE id = 1')
    for (const table of ['job_stages', 'stage_items', 'workers'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 })
    expect(() => db.exec('DELETE FROM songs WHERE id = 1')).toThrow(/FOREIGN KEY/)
  })
})
