import type BetterSqlite3 from 'better-sqlite3'

/** One schema step. Versions start at 1 and each is one more than the last. */
export interface Migration {
  readonly version: number
  readonly name: string
  up(db: BetterSqlite3.Database): void
}

export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      )
    }
  })
}
