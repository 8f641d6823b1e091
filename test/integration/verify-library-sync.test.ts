import { describe, expect, it } from 'vitest'
import { readFileSync, rmSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import type { SyncSettings } from '../../src/main/core/config/sync-settings'
import { verifyLibrary } from '../../src/main/core/library/verify-library'
import { useDemoSync, seedDemoPlaylist, demoSettings, runDemoSync } from '../support/demo-sync'

const demo = useDemoSync()

function setup(root: string): SyncSettings {
  seedDemoPlaylist(demo.temp, 3)
  return demoSettings(demo, [root])
}

const sync = (settings: SyncSettings) => runDemoSync(demo, settings)

describe('verify --fix, then sync', () => {
  it('downloads the deleted and the truncated file again, in place', async () => {
    const root = join(demo.temp.dir, 'library')
    const settings = setup(root)
    expect((await sync(settings)).counts.succeeded).toBe(3)
    const files = demo.temp.service.library.activeLocalFilesWithRoots()
    const [deleted, truncated] = files.map(({ file }) => join(root, file.relativePath))
    const truncatedBytes = readFileSync(truncated!)
    rmSync(deleted!)
    truncateSync(truncated!, 100)
    const report = await verifyLibrary(demo.temp.service.library, { fix: true })
    expect(report.problems.map((p) => p.kind)).toEqual(['missing', 'size'])
    const again = await sync(settings)
    expect(again.counts).toMatchObject({ succeeded: 2, skipped: 1 })
    expect(statSync(deleted!).isFile()).toBe(true)
    expect(readFileSync(truncated!).equals(truncatedBytes)).toBe(true)
    expect(await verifyLibrary(demo.temp.service.library)).toMatchObject({
      checked: 3,
      problems: [],
    })
  })
})
