import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, rmSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { defaultSyncSettings, type SyncSettings } from '../../src/main/core/config/sync-settings'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'
import { EventBus } from '../../src/main/core/events/event-bus'
import { verifyLibrary } from '../../src/main/core/library/verify-library'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { tempCatalog, type TempCatalog } from '../helpers/temp-catalog'

let server: DemoServer
let temp: TempCatalog
beforeAll(async () => {
  server = await startDemoServer({ bytesPerSec: 8 << 20, resolveDelayMs: [1, 5] })
})
afterAll(() => server.close())
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

function setup(root: string): SyncSettings {
  const { playlists, catalog } = temp.service
  const playlist = playlists.createPlaylist({ name: 'Demo' })
  const songs = DEMO_SONGS.slice(0, 3).map(
    (s) => catalog.upsertSong({ name: s.title, artists: [s.artist], album: s.album }).song.id,
  )
  playlists.setSongs(playlist.id, songs)
  return {
    ...defaultSyncSettings(temp.dir),
    libraryRoots: [root],
    sources: [{ id: 'demo', type: 'subsonic', url: server.url, user: 'demo', password: 'demo' }],
    downloaders: 2,
  }
}

const sync = (settings: SyncSettings) =>
  startSync(temp.service, { settings, bus: new EventBus<CoreEvents>() }).done

describe('verify --fix, then sync', () => {
  it('downloads the deleted and the truncated file again, in place', async () => {
    const root = join(temp.dir, 'library')
    const settings = setup(root)
    expect((await sync(settings)).counts.succeeded).toBe(3)
    const files = temp.service.library.activeLocalFilesWithRoots()
    const [deleted, truncated] = files.map(({ file }) => join(root, file.relativePath))
    const truncatedBytes = readFileSync(truncated!)
    rmSync(deleted!)
    truncateSync(truncated!, 100)
    const report = await verifyLibrary(temp.service.library, { fix: true })
    expect(report.problems.map((p) => p.kind)).toEqual(['missing', 'size'])
    const again = await sync(settings)
    expect(again.counts).toMatchObject({ succeeded: 2, skipped: 1 })
    expect(statSync(deleted!).isFile()).toBe(true)
    expect(readFileSync(truncated!).equals(truncatedBytes)).toBe(true)
    expect(await verifyLibrary(temp.service.library)).toMatchObject({ checked: 3, problems: [] })
  })
})
