import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { defaultSyncSettings } from '../../src/main/core/config/sync-settings'
import { EventBus } from '../../src/main/core/events/event-bus'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'

const extractor = join(__dirname, '..', 'fixtures', 'sources', 'fake-extractor.mjs')
const recorded = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'sources', 'ytdlp', 'm4a-140.json'), 'utf8'),
) as { http_headers: Record<string, string> }
// A real (tiny) m4a: the sync reads a download as audio before it keeps it.
const audio = readFileSync(join(__dirname, '..', 'fixtures', 'audio', 'containers', 'aac.m4a'))

// A media server that, like YouTube's, answers 403 to a request without the format's headers.
const seen: IncomingHttpHeaders[] = []
let server: Server
let base: string
beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers)
    const signed =
      request.headers['user-agent'] === recorded.http_headers['User-Agent'] &&
      request.headers.cookie === 'VISITOR_INFO1_LIVE=abc'
    if (!signed) return void response.writeHead(403).end('forbidden')
    response.writeHead(200, { 'content-type': 'audio/mp4', 'content-length': audio.length })
    response.end(audio)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('command source: headers reach the transfer', () => {
  it('downloads a recorded yt-dlp m4a with its http_headers and cookies', async () => {
    const { playlists, catalog } = temp.service
    const playlist = playlists.createPlaylist({ name: 'Mix' })
    const { song } = catalog.upsertSong({ name: 'Hello', artists: ['Adele'], album: '25' })
    playlists.setSongs(playlist.id, [song.id])
    const root = join(temp.dir, 'library')
    const settings = {
      ...defaultSyncSettings(temp.dir),
      libraryRoots: [root],
      writeTags: false,
      sources: [
        {
          id: 'ytdlp',
          type: 'command' as const,
          command: [process.execPath, extractor, 'recorded', base, 'm4a-140'],
          timeoutMs: 10_000,
        },
      ],
      downloadSources: ['ytdlp'],
    }
    const summary = await startSync(temp.service, { settings, bus: new EventBus<CoreEvents>() })
      .done
    expect(summary.counts.succeeded).toBe(1)
    expect(seen.at(-1)).toMatchObject({
      'user-agent': recorded.http_headers['User-Agent'],
      'accept-language': 'en-us,en;q=0.5',
      cookie: 'VISITOR_INFO1_LIVE=abc',
    })
    const folder = join(root, 'Adele', '25')
    expect(readdirSync(folder)).toEqual(['Hello.m4a'])
    expect(readFileSync(join(folder, 'Hello.m4a')).equals(audio)).toBe(true)
  })
})
