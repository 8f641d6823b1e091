import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
/** Key → JSON value. Callers validate values with their own schema when they read them. */
export class SettingsRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  get(key: string): unknown {
    const row = this.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(key)
    return row ? (JSON.parse(row.value_json) as unknown) : undefined
  }

  set(key: string, value: unknown): void {
    if (value === undefined) throw new Error(`Setting "${key}" cannot be set to undefined`)
    this.db
      .prepare(
        `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,
           updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), this.now())
  }

  /** Writes several settings at once, all or none. */
  setMany(values: Readonly<Record<string, unknown>>): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.set(key, value)
    })
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key)
  }

  all(): Record<string, unknown> {
    const rows = this.db
      .prepare<[], { key: string; value_json: string }>(
        'SELECT key, value_json FROM settings ORDER BY key',
      )
      .all()
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json) as unknown]))
  }
}
