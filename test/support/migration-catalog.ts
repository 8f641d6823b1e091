import { afterEach, beforeEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { CatalogDatabase } from '../../src/main/core/db/catalog-database'
import { migrations } from '../../src/main/core/db/migrations'

type Connection = BetterSqlite3.Database
type Row = Record<string, unknown>

export interface MigrationCatalog {
  path: string
  /** Opens the file migrated up to `version` and no further (closing what was open). */
  at(version: number): Connection
  cleanup(): void
}

/** Registers a fresh migration catalog for each test of the calling file, removed after it. */
export function migrationCatalogPerTest(): PerTestCatalog {
  let current: MigrationCatalog | null = null
  beforeEach(() => {
    current = migrationCatalog()
  })
  afterEach(() => current?.cleanup())
  const at = (version: number) => current!.at(version)
  return {
    at,
    carryForward(version, seed = () => undefined) {
      const old = at(version - 1)
      seedRows(old, version - 1)
      seed(old)
      const before = contents(old)
      const db = at(version)
      return { before, after: contents(db), db }
    },
  }
}

export interface PerTestCatalog extends Pick<MigrationCatalog, 'at'> {
  /**
   * Seeds a catalog at `version - 1` (with `seed` adding rows of the test's own), then migrates
   * it to `version`: every table's rows before and after, and the migrated connection.
   */
  carryForward(
    version: number,
    seed?: (old: Connection) => void,
  ): { before: Record<string, Row[]>; after: Record<string, Row[]>; db: Connection }
}

/** A catalog file in a fresh temporary folder that a test migrates one version at a time. */
export function migrationCatalog(): MigrationCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-migration-'))
  const path = join(dir, 'catalog.db')
  let open: CatalogDatabase | null = null
  return {
    path,
    at(version) {
      open?.close()
      open = new CatalogDatabase(path, { migrations: migrations.slice(0, version) })
      return open.connection
    },
    cleanup() {
      open?.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const tables = (db: Connection): string[] =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((row) => row.name)

/** `name TYPE [NOT NULL] [DEFAULT x] [PRIMARY KEY]`, one per column, in table order. */
export const columns = (db: Connection, table: string): string[] =>
  db
    .prepare<
      [string],
      { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
    >('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid')
    .all(table)
    .map((c) =>
      [
        c.name,
        c.type,
        c.notnull ? 'NOT NULL' : '',
        c.dflt_value === null ? '' : `DEFAULT ${c.dflt_value}`,
        c.pk ? 'PRIMARY KEY' : '',
      ]
        .filter(Boolean)
        .join(' '),
    )

/**
 * The table's indexes other than its primary key: `name (columns)` for a created one and
 * `UNIQUE (columns)` for a unique constraint, marked `unique` and `partial` where they are.
 */
export const indexes = (db: Connection, table: string): string[] =>
  db
    .prepare<[string], { name: string; unique: number; origin: string; partial: number }>(
      'SELECT name, "unique", origin, partial FROM pragma_index_list(?) ORDER BY name',
    )
    .all(table)
    .filter((index) => index.origin !== 'pk')
    .map((index) => {
      const keys = db
        .prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
        .all(index.name)
        .map((key) => key.name)
        .join(', ')
      if (index.origin === 'u') return `UNIQUE (${keys})`
      return [
        `${index.name} (${keys})`,
        index.unique ? 'unique' : '',
        index.partial ? 'partial' : '',
      ]
        .filter(Boolean)
        .join(' ')
    })

/** `column -> table (column) ON DELETE action`, one per foreign key column. */
export const foreignKeys = (db: Connection, table: string): string[] =>
  db
    .prepare<[string], { from: string; table: string; to: string | null; on_delete: string }>(
      'SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"',
    )
    .all(table)
    .map((fk) => `${fk.from} -> ${fk.table} (${fk.to ?? 'id'}) ON DELETE ${fk.on_delete}`)

/** Every row of every table, in rowid or key order: what a migration must carry forward. */
export function contents(db: Connection): Record<string, Row[]> {
  return Object.fromEntries(
    tables(db).map((table) => [
      table,
      db.prepare<[], Row>(`SELECT * FROM "${table}" ORDER BY 1, 2, 3`).all(),
    ]),
  )
}

/** The rows of `after` cut down to the columns `before` had: equal to `before` when kept. */
export function keptFrom(
  before: Record<string, Row[]>,
  after: Record<string, Row[]>,
): Record<string, Row[]> {
  return Object.fromEntries(
    Object.entries(before).map(([table, rows]) => {
      const keys = Object.keys(rows[0] ?? {})
      const cut = (row: Row) => Object.fromEntries(keys.map((key) => [key, row[key]]))
      return [table, (after[table] ?? []).map(cut)]
    }),
  )
}

/**
 * Rows in every table a catalog at `version` has, one or more each, with their foreign keys
 * satisfied: a playlist with two songs, a library file, a setting, a sync job with its items
 * and a worker; from version 2 a removal, from 3 a local index row, from 5 a removal action.
 */
export function seedRows(db: Connection, version: number): void {
  db.exec(`
    INSERT INTO playlists (id, name, source_format, source_path, imported_at, last_synced_at)
      VALUES (1, 'Road trip', 'm3u8', '/exports/road-trip.m3u8', 100, 200);
    INSERT INTO songs (id, name, singers, artists_json, album, duration_ms, isrc, dedupe_key,
                       created_at, updated_at)
      VALUES (1, 'Song A', 'Artist A', '["Artist A"]', 'Album', 180000, 'GBAAA0000001', 'a', 1, 1),
             (2, 'Song B', 'Artist B', '["Artist B"]', NULL, NULL, NULL, 'b', 2, 2);
    INSERT INTO playlist_songs (playlist_id, position, song_id) VALUES (1, 0, 1), (1, 1, 2);
    INSERT INTO storage_backends (id, kind, name, root, is_default, created_at)
      VALUES (1, 'local', 'Library', '/music', 1, 3);
    INSERT INTO local_files (id, song_id, backend_id, relative_path, size_bytes, content_hash,
                             source_id, created_at, updated_at)
      VALUES (1, 1, 1, 'Artist A/Song A.mp3', 4096, 'xxh3:00ff', 'direct', 4, 4);
    INSERT INTO settings (key, value_json, updated_at) VALUES ('sync', '{"workers":4}', 5);
    INSERT INTO jobs (id, kind, state, state_reason, created_at, started_at, updated_at)
      VALUES (1, 'sync', 'paused', 'paused by the user', 6, 7, 8);
    INSERT INTO job_stages (id, job_id, position, type, state, created_at, updated_at)
      VALUES (1, 1, 0, 'download', 'pending', 6, 8);
    INSERT INTO stage_items (id, stage_id, job_id, song_id, playlist_id, state, message,
                             result_json, created_at, updated_at)
      VALUES (1, 1, 1, 1, 1, 'succeeded', NULL, '{"localFileId":1}', 6, 8),
             (2, 1, 1, 2, 1, 'failed', 'not found on direct', NULL, 6, 8);
    INSERT INTO workers (job_id, name, role, status, updated_at)
      VALUES (1, 'download-1', 'download', 'idle', 8);
  `)
  if (version >= 2) {
    db.exec(`INSERT INTO playlist_song_removals (playlist_id, song_id, removed_at)
               VALUES (1, 2, 9)`)
  }
  if (version >= 3) {
    db.exec(`INSERT INTO local_index (source_id, path, size_bytes, mtime_ms, title, artists_json,
                                      album, duration_ms, isrc, indexed_at)
               VALUES ('shelf', '/shelf/a.flac', 2048, 10, 'Song A', '["Artist A"]', 'Album',
                       180000, NULL, 11)`)
  }
  if (version >= 5) {
    db.exec(`INSERT INTO removal_actions (id, job_id, song_id, action, from_path, to_path, acted_at)
               VALUES (1, 1, 2, 'archived', '/music/b.mp3', '/archive/b.mp3', 12)`)
  }
}
