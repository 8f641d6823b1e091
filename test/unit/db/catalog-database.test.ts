import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
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

describe('opening a catalog', () => {
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

  it('keeps prepared statements for reuse', () => {
    const db = new CatalogDatabase(':memory:')
    expect(db.prepare('SELECT 1')).toBe(db.prepare('SELECT 1'))
    db.close()
  })
})

describe('the migration files', () => {
  const folder = join(__dirname, '..', '..', '..', 'src', 'main', 'core', 'db', 'migrations')
  const fileOf = (version: number, name: string) =>
    `${String(version).padStart(4, '0')}-${name.replaceAll(' ', '-')}.ts`

  it('name each step after its version and name, one file each', () => {
    const files = readdirSync(folder).filter((file) => file !== 'index.ts')
    expect(files.sort()).toEqual(migrations.map((m) => fileOf(m.version, m.name)))
  })

  it('each have their own test, of their schema and of the data they carry forward', () => {
    const missing = migrations
      .map((m) =>
        join(__dirname, 'migrations', fileOf(m.version, m.name).replace(/\.ts$/, '.test.ts')),
      )
      .filter((test) => !existsSync(test))
    expect(missing).toEqual([])
  })
})
