import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CatalogSyncService } from '../../src/main/core/service/catalogsync-service'
import type { Clock } from '../../src/main/core/util/clock'

export interface TempCatalog {
  dir: string
  path: string
  service: CatalogSyncService
  cleanup(): void
}

/** A catalog in a fresh temporary folder (a real file, so WAL and locking are real too). */
export function tempCatalog(clock?: Clock): TempCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-test-'))
  const path = join(dir, 'catalog.db')
  const service = CatalogSyncService.open(path, clock ? { clock } : {})
  return {
    dir,
    path,
    service,
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
