import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { defaultSyncSettings, type SyncSettings } from '../../src/main/core/config/sync-settings'
import { EventBus } from '../../src/main/core/events/event-bus'
import { verifyLibrary } from '../../src/main/core/library/verify-library'
import { hashFile } from '../../src/main/core/transfer/content-hash'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'
import { startStaticServer, type StaticServer } from '../support/peers/static-server'

const run = promisify(execFile)

let temp: TempCatalog
let files: string
let server: StaticServer

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', ...args])
}

/** An XSPF whose tracks the direct source fetches from the static server. */
function writeExport(dir: string): string {
  const track = (title: string, file: string, image: string, trackNum: number) => `<track>
    <location>${server.url}/${file}</location><title>${title}</title>
    <creator>Nick Drake</creator><album>Pink Moon</album>
    <image>${server.url}/${image}</image><trackNum>${trackNum}</trackNum></track>`
  const path = join(dir, 'pink-moon.xspf')
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/"><title>Pink Moon</title><trackList>
${track('Pink Moon', 'one.mp3', 'cover.jpg', 1)}
${track('Place to Be', 'two.flac', 'page.html', 2)}
</trackList></playlist>`,
  )
  return path
}

function settings(writeTags: boolean): SyncSettings {
  return {
    ...defaultSyncSettings(temp.dir),
    libraryRoots: [join(temp.dir, 'library')],
    downloaders: 1,
    writeTags,
  }
}

async function sync(writeTags: boolean) {
  await temp.app.importFile(writeExport(temp.dir))
  const bus = new EventBus<CoreEvents>()
  return startSync(temp.service, { settings: settings(writeTags), bus }).done
}

function recorded() {
  return temp.db.connection
    .prepare(
      `SELECT s.name, f.relative_path AS path, f.size_bytes AS size, f.content_hash AS hash, i.message
       FROM local_files f JOIN songs s ON s.id = f.song_id
       JOIN stage_items i ON i.song_id = s.id ORDER BY s.name`,
    )
    .all() as { name: string; path: string; size: number; hash: string; message: string | null }[]
}

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'catalogsync-served-'))
  const tone = ['-i', 'sine=frequency=440:duration=1:sample_rate=44100', '-ac', '2']
  await ffmpeg([...tone, '-c:a', 'libmp3lame', join(files, 'one.mp3')])
  await ffmpeg([...tone, '-c:a', 'flac', join(files, 'two.flac')])
  await ffmpeg(['-i', 'color=c=green:s=32x32', '-frames:v', '1', join(files, 'cover.jpg')])
  writeFileSync(join(files, 'page.html'), '<html>no picture here</html>')
  server = await startStaticServer(files)
})

afterAll(async () => {
  await server.stop()
  rmSync(files, { recursive: true, force: true })
})
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('tags after a download', () => {
  it('tags each file, records the tagged size and hash, and verify agrees', async () => {
    const summary = await sync(true)
    expect(summary.counts.succeeded).toBe(2)
    const rows = recorded()
    const library = join(temp.dir, 'library')
    const { parseFile } = await import('music-metadata')
    for (const row of rows) {
      const path = join(library, row.path)
      expect(row.size).toBe(readFileSync(path).length)
      expect(row.hash).toBe(await hashFile(path))
      const { common } = await parseFile(path)
      expect(common.title).toBe(row.name)
      expect(common.artists).toEqual(['Nick Drake'])
      expect(common.album).toBe('Pink Moon')
    }
    const [one, two] = rows.map((row) => join(library, row.path))
    expect((await parseFile(one!)).common.picture?.[0]?.data).toEqual(
      new Uint8Array(readFileSync(join(files, 'cover.jpg'))),
    )
    expect((await parseFile(two!)).common.track.no).toBe(2)
    expect((await verifyLibrary(temp.service.library)).problems).toEqual([])
  })

  it('reports a cover it could not fetch in the item, which still succeeds', async () => {
    await sync(true)
    const messages = recorded().map((row) => [row.name, row.message])
    expect(messages).toEqual([
      ['Pink Moon', null],
      ['Place to Be', expect.stringMatching(/^no cover picture: .*page\.html: text\/html/)],
    ])
  })

  it('leaves the files as downloaded when writeTags is off', async () => {
    const summary = await sync(false)
    expect(summary.counts.succeeded).toBe(2)
    const library = join(temp.dir, 'library')
    const served = { 'Pink Moon': 'one.mp3', 'Place to Be': 'two.flac' }
    for (const row of recorded()) {
      const original = readFileSync(join(files, served[row.name as keyof typeof served]))
      expect(readFileSync(join(library, row.path)).equals(original)).toBe(true)
      expect(row.message).toBeNull()
    }
  })
})
