import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import type { RemovalPolicy } from '../../src/shared/removal-policy'
import { demoSettings, runDemoSync, useDemoSync } from '../support/demo-sync'

const demo = useDemoSync()

/** Writes an M3U8 export of these demo songs and imports it (a second import re-syncs it). */
async function importExport(name: string, indices: number[]): Promise<number> {
  const lines = ['#EXTM3U', `#PLAYLIST:${name}`]
  for (const song of indices.map((i) => DEMO_SONGS[i]!)) {
    lines.push(`#EXTINF:${song.durationSec},${song.artist} - ${song.title}`, `${song.title}.mp3`)
  }
  const file = join(demo.temp.dir, `${name}.m3u8`)
  writeFileSync(file, `${lines.join('\n')}\n`)
  const result = await demo.temp.app.importFile(file)
  return result.playlists[0]!.playlistId
}

/** Two synced playlists sharing song 2, then a re-import of Mix that drops songs 1 and 2. */
async function dropAfterSync(policy: RemovalPolicy) {
  const root = join(demo.temp.dir, 'library')
  const settings = demoSettings(demo, [root])
  const mix = await importExport('Mix', [0, 1, 2])
  await importExport('Other', [2])
  expect((await runDemoSync(demo, settings)).counts.succeeded).toBe(3)
  const fileOf = (index: number) => {
    const title = DEMO_SONGS[index]!.title
    const songId = demo.temp.service.playlists
      .songIds(mix)
      .find((id) => demo.temp.service.catalog.getSong(id)?.name === title)!
    const [file] = demo.temp.service.library.activeLocalFiles(songId)
    return join(root, file!.relativePath)
  }
  const files = { kept: fileOf(0), dropped: fileOf(1), shared: fileOf(2) }
  demo.temp.service.playlists.setRemovalPolicy(mix, policy)
  await importExport('Mix', [0])
  const summary = await runDemoSync(demo, settings, { playlistIds: [mix] })
  return { root, files, summary }
}

describe('removal policies in a sync after a re-import', () => {
  it('deletes only the song no other playlist lists, before writing the playlist file', async () => {
    const { root, files, summary } = await dropAfterSync('delete')
    expect(summary.removals).toEqual({
      actions: [
        { songId: expect.any(Number), action: 'deleted', fromPath: files.dropped, toPath: null },
      ],
      failures: [],
    })
    expect(existsSync(files.dropped)).toBe(false)
    expect(existsSync(files.shared)).toBe(true)
    expect(existsSync(files.kept)).toBe(true)
    const m3u8 = readFileSync(join(root, 'Playlists', 'Mix.m3u8'), 'utf8')
    expect(m3u8).toContain(DEMO_SONGS[0]!.title)
    expect(m3u8).not.toContain(DEMO_SONGS[1]!.title)
  })

  it('archives the dropped song under Archive with its layout path', async () => {
    const { root, files, summary } = await dropAfterSync('archive')
    const archived = join(root, 'Archive', files.dropped.slice(root.length + 1))
    expect(summary.removals?.actions).toEqual([
      { songId: expect.any(Number), action: 'archived', fromPath: files.dropped, toPath: archived },
    ])
    expect(existsSync(archived)).toBe(true)
    expect(existsSync(files.dropped)).toBe(false)
    expect(existsSync(files.shared)).toBe(true)
  })

  it('keeps every file by default', async () => {
    const { files, summary } = await dropAfterSync('keep')
    expect(summary.removals).toEqual({ actions: [], failures: [] })
    expect(Object.values(files).every((path) => existsSync(path))).toBe(true)
  })
})
