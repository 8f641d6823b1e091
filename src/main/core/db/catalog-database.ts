import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type BetterSqlite3 from 'better-sqlite3'
import { DatabaseTooNewError } from './errors'
import { checkMigrationOrder, type Migration } from './migration'
import { migrations as defaultMigrations } from './migrations'

export interface CatalogDatabaseOptions {
  busyTimeoutMs?: number
  migrations?: readonly Migration[]
}

/** Owns the one sqlite connection: pragmas, migrations and the prepared-statement cache. */
export class CatalogDatabase {
  readonly connection: BetterSqlite3.Database
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  private readonly migrations: readonly Migration[]

  constructor(
    readonly path: string,
    options: CatalogDatabaseOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.migrations = options.migrations ?? defaultMigrations
    checkMigrationOrder(this.migrations)
    this.connection = new Database(path)
    try {
      this.connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
      this.connection.pragma('journal_mode = WAL')
      this.connection.pragma('synchronous = NORMAL')
      this.connection.pragma('foreign_keys = ON')
      // A 20,000-track import touches tens of MB of pages; the 2 MB default cache would spill
      // to the WAL in the middle of the transaction.
      this.connection.pragma('cache_size = -65536')
      this.migrate()
    } catch (error) {
      this.connection.close()
      throw error
    }
  }

  static open(path: string, options?: CatalogDatabaseOptions): CatalogDatabase {
    return new CatalogDatabase(path, options)
  }

  get schemaVersion(): number {
    return this.connection.pragma('user_version', { simple: true }) as number
  }

  get latestVersion(): number {
    return this.migrations.length
  }

  /** Prepared once per SQL text and kept for the life of the connection. */
  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): BetterSqlite3.Statement<P, R> {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.connection.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement as BetterSqlite3.Statement<P, R>
  }

  /** Runs fn in one transaction (IMMEDIATE, so concurrent writers queue on busy_timeout). */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn).immediate()
  }

  close(): void {
    this.statements.clear()
    if (this.connection.open) this.connection.close()
  }

  private migrate(): void {
    const current = this.schemaVersion
    if (current > this.latestVersion) {
      throw new DatabaseTooNewError(this.path, current, this.latestVersion)
    }
    for (const migration of this.migrations.slice(current)) {
      this.transaction(() => {
        migration.up(this.connection)
        this.connection.pragma(`user_version = ${migration.version}`)
      })
    }
  }
}
