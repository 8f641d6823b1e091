import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { defaultSyncSettings } from '../../src/main/core/config/sync-settings'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo/demo-server'
import { EventBus } from '../../src/main/core/events/event-bus'
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

describe('playlist files after a sync', () => {
  it('writes the playlist with every downloaded song, in order, next to the library', async () => {
    const { playlists, catalog } = temp.service
    const songs = DEMO_SONGS.slice(0, 4)
    const playlist = playlists.createPlaylist({ name: 'Demo: Mix' })
    const ids = songs.map(
      (s) =>
        catalog.upsertSong({
          name: s.title,
          artists: [s.artist],
          album: s.album,
          durationMs: s.durationSec * 1000,
        }).song.id,
    )
    playlists.setSongs(playlist.id, [...ids].reverse())
    const root = join(temp.dir, 'library')
    const settings = {
      ...defaultSyncSettings(temp.dir),
      libraryRoots: [root],
      sources: [
        { id: 'demo', type: 'subsonic' as const, url: server.url, user: 'demo', password: 'demo' },
      ],
      downloaders: 2,
    }
    const summary = await startSync(temp.service, { settings, bus: new EventBus<CoreEvents>() })
      .done
    expect(summary.state).toBe('succeeded')
    const path = join(root, 'Playlists', 'Demo_ Mix.m3u8')
    expect(summary.playlistFiles).toEqual([
      { playlistId: playlist.id, path, written: 4, missing: [] },
    ])
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines[0]).toBe('#EXTM3U')
    const expected = [...songs].reverse()
    expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toEqual(
      expected.map((s) => `#EXTINF:${s.durationSec},${s.artist} - ${s.title}`),
    )
    const locations = lines.filter((l) => !l.startsWith('#'))
    expect(locations).toHaveLength(4)
    for (const location of locations) {
      expect(location.startsWith('../')).toBe(true)
      expect(existsSync(resolve(dirname(path), location))).toBe(true)
    }
  })
})
