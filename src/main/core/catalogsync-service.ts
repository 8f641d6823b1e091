import { CatalogDatabase, type CatalogDatabaseOptions } from './db/catalog-database'
import { CatalogRepository } from './catalog/catalog-repository'
import { LibraryRepository } from './catalog/library-repository'
import { SettingsRepository } from './catalog/settings-repository'
import { OpsRepository } from './ops/ops-repository'
import { OpsStats } from './ops/ops-stats'
import { DashboardRepository } from './ops/dashboard-repository'
import { systemClock, type Clock } from './clock'
import type { CatalogStatus } from '../../shared/status'

export interface ServiceOptions extends CatalogDatabaseOptions {
  clock?: Clock
}

/** The facade every front end (CLI, Electron, headless server) calls. */
export class CatalogSyncService {
  readonly catalog: CatalogRepository
  readonly library: LibraryRepository
  readonly settings: SettingsRepository
  readonly ops: OpsRepository
  readonly stats: OpsStats
  readonly dashboard: DashboardRepository

  private constructor(
    readonly db: CatalogDatabase,
    clock: Clock,
  ) {
    this.catalog = new CatalogRepository(db, clock)
    this.library = new LibraryRepository(db, clock)
    this.settings = new SettingsRepository(db, clock)
    this.ops = new OpsRepository(db, clock)
    this.stats = new OpsStats(db)
    this.dashboard = new DashboardRepository(db, clock)
  }

  static open(databasePath: string, options: ServiceOptions = {}): CatalogSyncService {
    const { clock = systemClock, ...databaseOptions } = options
    return new CatalogSyncService(new CatalogDatabase(databasePath, databaseOptions), clock)
  }

  status(): CatalogStatus {
    return {
      database: this.db.path,
      schemaVersion: this.db.schemaVersion,
      catalog: this.catalog.counts(),
      jobs: this.stats.jobs(),
      items: this.stats.allItems(),
    }
  }

  close(): void {
    this.db.close()
  }
}
