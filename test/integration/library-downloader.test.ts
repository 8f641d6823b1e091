import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SyncSettings } from '../../src/main/core/config/sync-settings'
import { useDemoSync, seedDemoPlaylist, demoSettings, runDemoSync } from '../support/demo-sync'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'

const demo = useDemoSync()

/** A playlist of the first `n` demo songs and settings that fetch them from the demo server. */
function setup(n: number, roots: string[]): SyncSettings {
  seedDemoPlaylist(demo.temp, n)
  return demoSettings(demo, roots)
}

describe('downloading into the library', () => {
  it('never overwrites a file the catalog does not know', async () => {
    const root = join(demo.temp.dir, 'library')
    const song = DEMO_SONGS[0]!
    const folder = join(root, song.artist, song.album)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${song.title}.wav`), 'my own recording')
    const settings = setup(1, [root])
    const summary = await runDemoSync(demo, settings)
    expect(summary.counts.succeeded).toBe(1)
    expect(readFileSync(join(folder, `${song.title}.wav`), 'utf8')).toBe('my own recording')
    expect(existsSync(join(folder, `${song.title} (2).wav`))).toBe(true)
  })

  it('moves on to the next library root when the first is full', async () => {
    const full = join(demo.temp.dir, 'full')
    const roomy = join(demo.temp.dir, 'roomy')
    const settings = setup(2, [full, roomy])
    const freeBytes = async (root: string) => (root === full ? 1024 : 100 * 2 ** 30)
    const summary = await runDemoSync(demo, settings, { freeBytes })
    expect(summary.counts.succeeded).toBe(2)
    // No song went to the full root: only the playlist files, which go to the default root.
    expect(readdirSync(full)).toEqual(['Playlists'])
    const files = demo.temp.db.connection
      .prepare('SELECT b.root FROM local_files f JOIN storage_backends b ON b.id = f.backend_id')
      .all() as { root: string }[]
    expect(files.map((f) => f.root)).toEqual([roomy, roomy])
  })

  it('pauses the job with the reason when every root is full, failing no song', async () => {
    const settings = setup(3, [join(demo.temp.dir, 'tiny')])
    const summary = await runDemoSync(demo, settings, { freeBytes: async () => 1024 })
    expect(summary.state).toBe('paused')
    expect(summary.reason).toMatch(/library full/)
    expect(summary.counts.failed).toBe(0)
    expect(summary.counts.ready + summary.counts.pending).toBe(3)
  })
})
