import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CatalogDatabase } from '../../../src/main/core/db/catalog-database'
import { DatabaseTooNewError } from '../../../src/main/core/db/errors'
import { checkMigrationOrder, type Migration } from '../../../src/main/core/db/migration'
import { migrations } from '../../../src/main/core/db/migrations'

const dirs: string[] = []
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-migrations-'))
  dirs.push(dir)
  return join(dir, 'catalog.db')
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const tableNames = (db: CatalogDatabase) =>
  db.connection
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((row) => row.name)

describe('migrations', () => {
  it('creates every table on a fresh file and records the version', () => {
    const db = new CatalogDatabase(tempPath())
    expect(db.schemaVersion).toBe(migrations.length)
    expect(tableNames(db)).toEqual([
      'job_stages',
      'jobs',
      'local_files',
      'local_index',
      'playlist_song_removals',
      'playlist_songs',
      'playlists',
      'removal_actions',
      'settings',
      'songs',
      'stage_items',
      'storage_backends',
      'workers',
    ])
    db.close()
  })

  it('sets the connection pragmas', () => {
    const db = new CatalogDatabase(tempPath(), { busyTimeoutMs: 1234 })
    expect(db.connection.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.connection.pragma('synchronous', { simple: true })).toBe(1)
    expect(db.connection.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.connection.pragma('busy_timeout', { simple: true })).toBe(1234)
    db.close()
  })

  it('re-opens an existing catalog without migrating again and keeps its data', () => {
    const path = tempPath()
    const first = new CatalogDatabase(path)
    first.connection
      .prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('k', '1', 0)")
      .run()
    first.close()
    const second = new CatalogDatabase(path)
    expect(second.schemaVersion).toBe(migrations.length)
    expect(second.connection.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 })
    second.close()
  })

  it('runs only the missing steps on an older catalog', () => {
    const path = tempPath()
    const ran: number[] = []
    const step = (version: number): Migration => ({
      version,
      name: `step ${version}`,
      up: (db) => {
        ran.push(version)
        db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`)
      },
    })
    new CatalogDatabase(path, { migrations: [step(1)] }).close()
    new CatalogDatabase(path, { migrations: [step(1), step(2)] }).close()
    expect(ran).toEqual([1, 2])
  })

  it('refuses a catalog written by a newer version, with a clear error, and leaves it alone', () => {
    const path = tempPath()
    new CatalogDatabase(path).close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${migrations.length + 5}`)
    raw.close()
    expect(() => new CatalogDatabase(path)).toThrow(DatabaseTooNewError)
    expect(() => new CatalogDatabase(path)).toThrow(/written by a newer CatalogSync/)
    const after = new Database(path)
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 5)
    after.close()
  })

  it('rolls back a migration that fails half way', () => {
    const path = tempPath()
    const broken: Migration = {
      version: 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (x INTEGER) STRICT')
        throw new Error('boom')
      },
    }
    expect(() => new CatalogDatabase(path, { migrations: [broken] })).toThrow('boom')
    const raw = new Database(path)
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    expect(
      raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get(),
    ).toEqual({ n: 0 })
    raw.close()
  })

  it('insists on versions that go up by one', () => {
    const noop = (version: number): Migration => ({ version, name: `v${version}`, up: () => {} })
    expect(() => checkMigrationOrder([noop(1), noop(3)])).toThrow(/expected 2/)
    expect(() => checkMigrationOrder([noop(2)])).toThrow(/expected 1/)
    expect(() => checkMigrationOrder(migrations)).not.toThrow()
  })

  it('gives playlists of an older catalog the keep policy and keeps their removals pending', () => {
    const path = tempPath()
    new CatalogDatabase(path, { migrations: migrations.slice(0, 3) }).close()
    const raw = new Database(path)
    raw.exec(`
      INSERT INTO playlists (id, name, imported_at) VALUES (1, 'Old', 0);
      INSERT INTO songs (id, name, dedupe_key, created_at, updated_at) VALUES (1, 'S', 's', 0, 0);
      INSERT INTO playlist_song_removals (playlist_id, song_id, removed_at) VALUES (1, 1, 5);
    `)
    raw.close()
    const db = new CatalogDatabase(path)
    expect(db.connection.prepare('SELECT removal_policy AS p FROM playlists').get()).toEqual({
      p: 'keep',
    })
    expect(
      db.connection.prepare('SELECT applied_at AS a FROM playlist_song_removals').get(),
    ).toEqual({ a: null })
    expect(() =>
      db.connection.prepare("UPDATE playlists SET removal_policy = 'shred'").run(),
    ).toThrow(/CHECK/)
    db.close()
  })

  it('keeps prepared statements for reuse', () => {
    const db = new CatalogDatabase(':memory:')
    expect(db.prepare('SELECT 1')).toBe(db.prepare('SELECT 1'))
    db.close()
  })
})
