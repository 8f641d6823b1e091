import { CatalogDatabase, type CatalogDatabaseOptions } from '../db/catalog-database'
import { CatalogRepository } from '../catalog/catalog-repository'
import { PlaylistRepository } from '../catalog/playlist-repository'
import { LibraryRepository } from '../catalog/library-repository'
import { RemovalRepository } from '../catalog/removal-repository'
import { SettingsRepository } from '../catalog/settings-repository'
import { OpsRepository } from '../ops/ops-repository'
import { OpsStats } from '../ops/ops-stats'
import { DashboardRepository } from '../ops/dashboard-repository'
import { systemClock, type Clock } from '../util/clock'
import { parsePlaylistFile, type ParsedExport } from '../importers'
import { PlaylistImporter, type FileImportResult } from '../import-writer/playlist-importer'
import type { CatalogStatus } from '../../../shared/status'

export interface ServiceOptions extends CatalogDatabaseOptions {
  clock?: Clock
}

/** The facade every front end (CLI, Electron, headless server) calls. */
export class CatalogSyncService {
  readonly catalog: CatalogRepository
  readonly playlists: PlaylistRepository
  readonly library: LibraryRepository
  readonly removals: RemovalRepository
  readonly settings: SettingsRepository
  readonly ops: OpsRepository
  readonly stats: OpsStats
  readonly dashboard: DashboardRepository
  private readonly importer: PlaylistImporter

  private constructor(
    readonly db: CatalogDatabase,
    clock: Clock,
  ) {
    this.catalog = new CatalogRepository(db, clock)
    this.playlists = new PlaylistRepository(db, clock)
    this.library = new LibraryRepository(db, clock)
    this.removals = new RemovalRepository(db, clock)
    this.settings = new SettingsRepository(db, clock)
    this.ops = new OpsRepository(db, clock)
    this.stats = new OpsStats(db)
    this.dashboard = new DashboardRepository(db, clock)
    this.importer = new PlaylistImporter(db, this.catalog, this.playlists)
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

  /** Parses and imports one export file in one transaction (a re-import syncs in place). */
  async importFile(path: string): Promise<FileImportResult> {
    return this.importParsed(await parsePlaylistFile(path))
  }

  importParsed(parsed: ParsedExport): FileImportResult {
    return this.importer.apply(parsed)
  }

  /** What importing this file would add, keep, remove and move, without changing anything. */
  async previewImport(path: string): Promise<FileImportResult> {
    return this.importer.preview(await parsePlaylistFile(path))
  }

  close(): void {
    this.db.close()
  }
}
