import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { defaultSyncSettings } from '../../src/main/core/config/sync-settings'
import { EventBus } from '../../src/main/core/events/event-bus'
import { verifyLibrary } from '../../src/main/core/library/verify-library'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { makeTone } from '../support/peers/audio'
import { startSupysonic, type Supysonic } from '../support/peers/supysonic'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'

const run = promisify(execFile)
const USER = 'alice'
const PASSWORD = 'cover-Pw!'

let musicDir: string
let cover: Buffer
let server: Supysonic
let temp: TempCatalog

// A folder with a cover.jpg beside the song: supysonic gives the song that folder's coverArt.
beforeAll(async () => {
  musicDir = mkdtempSync(join(tmpdir(), 'catalogsync-cover-music-'))
  const album = join(musicDir, 'Radiohead', 'OK Computer')
  await makeTone(join(album, '06 - Karma Police.flac'), {
    title: 'Karma Police',
    artist: 'Radiohead',
    album: 'OK Computer',
    track: 6,
    year: 1997,
    seconds: 1,
    frequency: 430,
  })
  const coverArgs = ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=blue:s=48x48']
  await run('ffmpeg', [...coverArgs, '-frames:v', '1', join(album, 'cover.jpg')])
  cover = readFileSync(join(album, 'cover.jpg'))
  server = await startSupysonic({ musicDir, user: USER, password: PASSWORD })
  temp = tempCatalog()
}, 60_000)

afterAll(async () => {
  temp?.cleanup()
  await server?.stop()
  rmSync(musicDir, { recursive: true, force: true })
})

describe('tags with a cover from a Subsonic server (supysonic)', () => {
  it("embeds the server's cover when the export gives none, and records the tagged file", async () => {
    const { catalog, playlists } = temp.service
    const { song } = catalog.upsertSong({
      name: 'Karma Police',
      artists: ['Radiohead'],
      album: 'OK Computer',
      isrc: 'GBAYE9700125',
    })
    playlists.setSongs(playlists.createPlaylist({ name: 'Nineties' }).id, [song.id])
    const settings = {
      ...defaultSyncSettings(temp.dir),
      libraryRoots: [join(temp.dir, 'library')],
      sources: [
        { id: 'home', type: 'subsonic' as const, url: server.url, user: USER, password: PASSWORD },
      ],
    }
    const summary = await startSync(temp.service, { settings, bus: new EventBus<CoreEvents>() })
      .done
    expect(summary.counts.succeeded).toBe(1)
    const file = join(temp.dir, 'library', 'Radiohead', 'OK Computer', 'Karma Police.flac')
    const { parseFile } = await import('music-metadata')
    const { common } = await parseFile(file)
    expect(common.isrc).toEqual(['GBAYE9700125'])
    expect(common.track.no).toBe(6)
    expect(common.picture?.[0]?.format).toBe('image/jpeg')
    expect(Buffer.from(common.picture![0]!.data).equals(cover)).toBe(true)
    expect((await verifyLibrary(temp.service.library)).problems).toEqual([])
  })
})
