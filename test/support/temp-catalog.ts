import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppService } from '../../src/main/core/service/app-service'
import { CatalogStore } from '../../src/main/core/service/catalog-store'
import { CatalogDatabase } from '../../src/main/core/db/catalog-database'
import type { Clock } from '../../src/main/core/util/clock'

export interface TempCatalog {
  dir: string
  path: string
  /** The raw database, for tests that read or corrupt rows directly. */
  db: CatalogDatabase
  /** The repositories, to seed and inspect the catalog (an AppService is built over them). */
  service: CatalogStore
  /** The application service over the same catalog, with the folder as its home. */
  app: AppService
  cleanup(): void
}

/** A catalog in a fresh temporary folder (a real file, so WAL and locking are real too). */
export function tempCatalog(clock?: Clock): TempCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-test-'))
  const path = join(dir, 'catalog.db')
  const db = new CatalogDatabase(path)
  const service = new CatalogStore(db, clock)
  return {
    dir,
    path,
    db,
    service,
    app: new AppService(service, { home: dir }),
    cleanup() {
      service.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A clock that only moves when told to. */
export function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start
  const clock = () => now
  clock.advance = (ms: number) => {
    now += ms
  }
  return clock
}
