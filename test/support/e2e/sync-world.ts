import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD, DEMO_USER, startDemoServer } from '../../../src/main/core/demo/demo-server'
import type { DemoServer } from '../../../src/main/core/demo/demo-server'
import { startCatalogServer, type CatalogServer } from './catalog-server'

export interface SyncWorld {
  /** CATALOGSYNC_HOME of the server: its catalog lives here. */
  home: string
  library: string
  /** The `local` source's folder: empty at first, the tests put files in it. */
  shelf: string
  demo: DemoServer
  server: CatalogServer
  close(): Promise<void>
}

export interface SyncWorldOptions {
  /** Per-connection rate of the demo source: slow enough to watch, fast enough to finish. */
  bytesPerSec?: number
  resolveDelayMs?: [number, number]
}

/**
 * A temporary catalog served by the built CLI, with two sources: the built-in demo Subsonic
 * server (throttled, so a sync lasts long enough to watch speeds change) and a local folder.
 */
export async function startSyncWorld(options: SyncWorldOptions = {}): Promise<SyncWorld> {
  const home = mkdtempSync(join(tmpdir(), 'catalogsync-e2e-'))
  const library = join(home, 'library')
  const shelf = join(home, 'shelf')
  mkdirSync(shelf)
  const demo = await startDemoServer({
    bytesPerSec: options.bytesPerSec ?? 48 * 1024,
    resolveDelayMs: options.resolveDelayMs ?? [300, 1200],
  })
  const configFile = join(home, 'config.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      libraryRoots: [library],
      sources: [
        { id: 'demo', type: 'subsonic', url: demo.url, user: DEMO_USER, password: DEMO_PASSWORD },
        { id: 'shelf', type: 'local', roots: [shelf] },
      ],
      downloadSources: ['demo', 'shelf'],
      downloaders: 2,
      mode: 'adaptive',
    }),
  )
  let server: CatalogServer
  try {
    server = await startCatalogServer({ home, configFile })
  } catch (error) {
    await demo.close()
    rmSync(home, { recursive: true, force: true })
    throw error
  }
  return {
    home,
    library,
    shelf,
    demo,
    server,
    async close() {
      await server.stop()
      await demo.close()
      rmSync(home, { recursive: true, force: true })
    },
  }
}
