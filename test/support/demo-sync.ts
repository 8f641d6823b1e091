import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { AppService } from '../../src/main/core/service/app-service'
import { defaultSyncSettings, type SyncSettings } from '../../src/main/core/config/sync-settings'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'
import { EventBus } from '../../src/main/core/events/event-bus'
import { startSync, type SyncStart } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { tempCatalog, type TempCatalog } from './temp-catalog'

export interface DemoSyncContext {
  server: DemoServer
  temp: TempCatalog
}

/**
 * A fast demo server for the file and a fresh catalog for each test, cleaned up afterwards.
 * The returned object's fields are filled in by the hooks.
 */
export function useDemoSync(): DemoSyncContext {
  const context = {} as DemoSyncContext
  beforeAll(async () => {
    context.server = await startDemoServer({ bytesPerSec: 8 << 20, resolveDelayMs: [1, 5] })
  })
  afterAll(() => context.server.close())
  beforeEach(() => {
    context.temp = tempCatalog()
  })
  afterEach(() => context.temp.cleanup())
  return context
}

/** A playlist of the first `count` demo songs (in `order` of their indices when given). */
export function seedDemoPlaylist(
  temp: TempCatalog,
  count: number,
  options: { name?: string; order?: (ids: number[]) => number[]; withDurations?: boolean } = {},
) {
  const { playlists, catalog } = temp.service
  const songs = DEMO_SONGS.slice(0, count)
  const playlist = playlists.createPlaylist({ name: options.name ?? 'Demo' })
  const ids = songs.map(
    (s) =>
      catalog.upsertSong({
        name: s.title,
        artists: [s.artist],
        album: s.album,
        ...(options.withDurations ? { durationMs: s.durationSec * 1000 } : {}),
      }).song.id,
  )
  playlists.setSongs(playlist.id, options.order ? options.order(ids) : ids)
  return { playlist, songs, ids }
}

/** Settings that fetch from the demo server into these library roots with two downloaders. */
export function demoSettings(context: DemoSyncContext, roots: string[]): SyncSettings {
  return {
    ...defaultSyncSettings(context.temp.dir),
    libraryRoots: roots,
    sources: [
      { id: 'demo', type: 'subsonic', url: context.server.url, user: 'demo', password: 'demo' },
    ],
    downloaders: 2,
  }
}

/** Runs a sync to its end and returns its summary. */
export const runDemoSync = (
  context: DemoSyncContext,
  settings: SyncSettings,
  extra: Omit<SyncStart, 'settings' | 'bus'> = {},
) => startSync(context.temp.service, { ...extra, settings, bus: new EventBus<CoreEvents>() }).done

/** The window's service over this test's catalog, fetching from the demo server into `library`. */
export function demoApp(
  context: DemoSyncContext,
  library: string,
  extra: Partial<SyncSettings> = {},
): AppService {
  const { temp } = context
  const app = new AppService(temp.service, { home: temp.dir, bus: new EventBus<CoreEvents>() })
  const { libraryRoots, sources, downloaders } = demoSettings(context, [library])
  app.updateSettings({ libraryRoots, sources, downloaders, ...extra })
  return app
}
