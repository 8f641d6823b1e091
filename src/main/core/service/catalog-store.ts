import { CatalogDatabase, type CatalogDatabaseOptions } from '../db'
import {
  CatalogRepository,
  PlaylistRepository,
  LibraryRepository,
  RemovalRepository,
  LocalIndexRepository,
  PlaylistViewRepository,
  SettingsRepository,
} from '../catalog'
import { OpsRepository, OpsStats, DashboardRepository, ProblemRepository } from '../ops'
import { PlaylistImporter } from '../import-writer'
import { systemClock, type Clock } from '../util'
export interface CatalogStoreOptions extends CatalogDatabaseOptions {
  clock?: Clock
}

/**
 * The catalog's repositories over one open database. Only the application service (and tests
 * that seed a catalog) hold it; front ends call the service.
 */
export class CatalogStore {
  readonly catalog: CatalogRepository
  readonly playlists: PlaylistRepository
  readonly library: LibraryRepository
  readonly removals: RemovalRepository
  readonly localIndex: LocalIndexRepository
  readonly playlistViews: PlaylistViewRepository
  readonly settings: SettingsRepository
  readonly ops: OpsRepository
  readonly stats: OpsStats
  readonly dashboard: DashboardRepository
  readonly problems: ProblemRepository
  readonly importer: PlaylistImporter

  constructor(
    private readonly db: CatalogDatabase,
    clock: Clock = systemClock,
  ) {
    this.catalog = new CatalogRepository(db, clock)
    this.playlists = new PlaylistRepository(db, clock)
    this.library = new LibraryRepository(db, clock)
    this.removals = new RemovalRepository(db, clock)
    this.localIndex = new LocalIndexRepository(db, clock)
    this.playlistViews = new PlaylistViewRepository(db, this.playlists)
    this.settings = new SettingsRepository(db, clock)
    this.ops = new OpsRepository(db, clock)
    this.stats = new OpsStats(db)
    this.dashboard = new DashboardRepository(db, clock)
    this.problems = new ProblemRepository(db)
    this.importer = new PlaylistImporter(this, this.catalog, this.playlists)
  }

  static open(databasePath: string, options: CatalogStoreOptions = {}): CatalogStore {
    const { clock, ...databaseOptions } = options
    return new CatalogStore(new CatalogDatabase(databasePath, databaseOptions), clock)
  }

  /** The database file and the schema version it is migrated to. */
  get location(): { path: string; schemaVersion: number } {
    return { path: this.db.path, schemaVersion: this.db.schemaVersion }
  }

  /** Runs fn in one write transaction over every repository. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)
  }

  close(): void {
    this.db.close()
  }
}
