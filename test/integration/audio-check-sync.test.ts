import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultSyncSettings } from '../../src/main/core/config/sync-settings'
import { EventBus } from '../../src/main/core/events/event-bus'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { truncateTo, writeTone } from '../support/ffmpeg-audio'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'

/** Real files made by ffmpeg, served by name on 127.0.0.1. */
let media: string
let server: Server
let base: string
beforeAll(async () => {
  media = await mkdtemp(join(tmpdir(), 'catalogsync-audio-sync-'))
  await writeTone(join(media, 'right.mp3'), 2)
  await writeTone(join(media, 'preview.mp3'), 30)
  await writeTone(join(media, 'cut.ogg'), 2)
  await truncateTo(join(media, 'cut.ogg'), 200)
  server = createServer((request, response) => {
    const body = readFileSync(join(media, (request.url ?? '/').slice(1)))
    response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': body.length })
    response.end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()))
  await rm(media, { recursive: true, force: true })
})

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

const messages = () =>
  temp.db
    .prepare<[], { state: string; message: string | null }>(
      'SELECT state, message FROM stage_items ORDER BY id',
    )
    .all()

describe('the sync reads each download as audio before keeping it', () => {
  it('keeps the right file and refuses a preview and a truncated file, with the reason', async () => {
    const { catalog, playlists } = temp.service
    const songs = [
      { name: 'Right', file: 'right.mp3', durationMs: 2000 },
      { name: 'Preview', file: 'preview.mp3', durationMs: 225_000 },
      { name: 'Cut', file: 'cut.ogg', durationMs: null },
    ].map(
      ({ name, file, durationMs }) =>
        catalog.upsertSong({
          name,
          artists: ['Tone'],
          album: 'Tests',
          durationMs,
          metadata: { location: `${base}/${file}` },
        }).song.id,
    )
    const playlist = playlists.createPlaylist({ name: 'Mix' })
    playlists.setSongs(playlist.id, songs)
    const root = join(temp.dir, 'library')
    const settings = {
      ...defaultSyncSettings(temp.dir),
      libraryRoots: [root],
      writeTags: false,
      sources: [{ id: 'direct', type: 'direct' as const }],
      downloadSources: ['direct'],
    }
    const summary = await startSync(temp.service, { settings, bus: new EventBus<CoreEvents>() })
      .done
    expect(summary.counts).toMatchObject({ succeeded: 1, failed: 2 })
    const [right, preview, cut] = messages()
    expect(right?.state).toBe('succeeded')
    expect(preview).toEqual({
      state: 'failed',
      message: expect.stringContaining('direct: duration 0:30 is far from the expected 3:45'),
    })
    expect(cut).toEqual({
      state: 'failed',
      message: expect.stringContaining('direct: not playable audio: '),
    })
    // Only the right file reached the library; the refused ones left no file and no .part.
    expect(readdirSync(join(root, 'Tone', 'Tests'))).toEqual(['Right.mp3'])
  })
})
