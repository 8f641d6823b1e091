import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { useDemoSync, seedDemoPlaylist, demoSettings, runDemoSync } from '../support/demo-sync'

const demo = useDemoSync()

describe('playlist files after a sync', () => {
  it('writes the playlist with every downloaded song, in order, next to the library', async () => {
    const { playlist, songs } = seedDemoPlaylist(demo.temp, 4, {
      name: 'Demo: Mix',
      order: (ids) => [...ids].reverse(),
      withDurations: true,
    })
    const root = join(demo.temp.dir, 'library')
    const summary = await runDemoSync(demo, demoSettings(demo, [root]))
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

  it('writes them to the playlist folder the settings name', async () => {
    seedDemoPlaylist(demo.temp, 2, { name: 'Short' })
    const root = join(demo.temp.dir, 'library')
    const summary = await runDemoSync(demo, {
      ...demoSettings(demo, [root]),
      playlistFolder: 'Lists/M3U',
    })
    const path = join(root, 'Lists', 'M3U', 'Short.m3u8')
    expect(summary.playlistFiles?.map((file) => file.path)).toEqual([path])
    expect(readFileSync(path, 'utf8').match(/^\.\.\/\.\.\//gm)).toHaveLength(2)
    expect(existsSync(join(root, 'Playlists'))).toBe(false)
  })
})
