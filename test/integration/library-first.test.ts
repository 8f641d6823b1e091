import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { defaultSyncSettings, type SyncSettings } from '../../src/main/core/config/sync-settings'
import { EventBus } from '../../src/main/core/events/event-bus'
import { LibraryCheck } from '../../src/main/core/library/library-check'
import { LocalIndexRepository } from '../../src/main/core/catalog/local-index-repository'
import { startSync } from '../../src/main/core/sync/start-sync'
import type { CoreEvents } from '../../src/shared/events'
import { copyLibrary } from '../support/peers/audio'
import { toneWav } from '../../src/main/core/demo/tone-wav'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'

const run = promisify(execFile)

/** Serves audio for any path on 127.0.0.1 and counts every request it gets. */
let server: Server
let baseUrl: string
const requests: string[] = []
beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    // Real audio: the sync reads a download as audio before it keeps it.
    const body = toneWav(440, 1)
    response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': body.length })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

let temp: TempCatalog
let library: { dir: string; remove(): void }
beforeEach(async () => {
  requests.length = 0
  temp = tempCatalog()
  library = await copyLibrary()
  // Two files only their identifiers name: their titles and artists say nothing useful.
  await tone(join(library.dir, 'extra/by-id.mp3'), { CATALOGSYNC_SOURCE_ID: 'spotify:4uLU6hMC' })
  await tone(join(library.dir, 'extra/by-isrc.mp3'), { TSRC: 'GBAYE0601498' })
}, 60_000)
afterEach(() => {
  temp.cleanup()
  library.remove()
  vi.restoreAllMocks()
})

async function tone(path: string, tags: Record<string, string>): Promise<void> {
  const metadata = Object.entries({ title: 'Track 07', artist: 'Unknown', ...tags }).flatMap(
    ([key, value]) => ['-metadata', `${key}=${value}`],
  )
  await run('mkdir', ['-p', join(path, '..')])
  await run('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=1', '-ac', '2'],
    ...['-c:a', 'libmp3lame', '-id3v2_version', '3', ...metadata, path],
  ])
}

interface Spec {
  title: string
  artist: string
  platform?: string
  externalId?: string
  isrc?: string
}

/** A playlist whose every song has its own URL on the counting server. */
function playlistOf(specs: readonly Spec[]) {
  const { catalog, playlists } = temp.service
  const ids = specs.map(
    (spec, index) =>
      catalog.upsertSong({
        name: spec.title,
        artists: [spec.artist],
        platform: spec.platform ?? null,
        externalId: spec.externalId ?? null,
        isrc: spec.isrc ?? null,
        metadata: { location: `${baseUrl}/song-${index}.mp3` },
      }).song.id,
  )
  const playlist = playlists.createPlaylist({ name: 'Mix' })
  playlists.setSongs(playlist.id, ids)
  return { playlistId: playlist.id, ids }
}

const settings = (patch: Partial<SyncSettings> = {}): SyncSettings => ({
  ...defaultSyncSettings(temp.dir),
  libraryRoots: [library.dir],
  sources: [{ id: 'direct', type: 'direct' }],
  downloaders: 2,
  ...patch,
})

const sync = (patch: Partial<SyncSettings> = {}) =>
  startSync(temp.service, { settings: settings(patch), bus: new EventBus<CoreEvents>() }).done

const itemMessages = () =>
  temp.db
    .prepare<[], { state: string; message: string | null }>(
      'SELECT state, message FROM stage_items ORDER BY id',
    )
    .all()

const countFiles = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .length

const ADOPTABLE: Spec[] = [
  { title: 'Hello', artist: 'Adele' },
  { title: 'Jóga', artist: 'Björk' },
  { title: 'Mystery', artist: 'Nobody', platform: 'spotify', externalId: '4uLU6hMC' },
  { title: 'Other Name', artist: 'Someone', isrc: 'GB-AYE-06-01498' },
]

describe('checking the library first', () => {
  it('adopts files already in the library in place, with no request to any source', async () => {
    const { ids } = playlistOf(ADOPTABLE)
    const before = countFiles(library.dir)
    const summary = await sync()
    expect(summary.state).toBe('succeeded')
    expect(summary.counts.succeeded).toBe(4)
    expect(requests).toEqual([])
    // Nothing was transferred: the job's byte count stays at zero.
    expect(temp.service.stats.jobTransfers(summary.jobId)).toEqual({
      bytes: 0,
      bySource: { '(library)': 4 },
    })
    expect(itemMessages()).toEqual([
      { state: 'succeeded', message: 'found in library: Adele/25/01 - Hello.mp3' },
      { state: 'succeeded', message: 'found in library: Björk/Homogenic/02 - Jóga.flac' },
      { state: 'succeeded', message: 'found in library: extra/by-id.mp3' },
      { state: 'succeeded', message: 'found in library: extra/by-isrc.mp3' },
    ])
    const files = ids.map((id) => temp.service.library.activeLocalFiles(id))
    expect(files.map((list) => list.map((file) => file.sourceId))).toEqual([
      ['(library)'],
      ['(library)'],
      ['(library)'],
      ['(library)'],
    ])
    expect(files[0]?.[0]?.contentHash).toMatch(/^xxh3:[0-9a-f]{16}$/)
    // Linked where they are: nothing copied (only the playlist file is new).
    expect(countFiles(library.dir)).toBe(before + 1)
  })

  it('is cheap the second time: no tag is read again, and a new song still downloads', async () => {
    const { playlistId, ids } = playlistOf(ADOPTABLE)
    await sync()
    const fresh = temp.service.catalog.upsertSong({
      name: 'Brand New',
      artists: ['Newcomer'],
      metadata: { location: `${baseUrl}/new.mp3` },
    }).song.id
    temp.service.playlists.setSongs(playlistId, [...ids, fresh])
    const writes = vi.spyOn(LocalIndexRepository.prototype, 'update')
    const summary = await sync()
    expect(summary.counts).toMatchObject({ succeeded: 1, skipped: 4, failed: 0 })
    expect(writes.mock.calls.filter(([, upserts]) => upserts.length > 0)).toEqual([])
    expect(requests).toEqual(['GET /new.mp3'])
  })

  it('never adopts a file the catalog holds for another song, nor one without artists', async () => {
    await tone(join(library.dir, 'extra/lonely.mp3'), { title: 'Lonely', artist: '' })
    const { library: files, catalog } = temp.service
    const backend = files.ensureLocalBackend(library.dir)
    const owner = catalog.upsertSong({ name: 'Creep (demo)', artists: ['Radiohead'] }).song.id
    files.recordLocalFile({
      songId: owner,
      backendId: backend.id,
      relativePath: 'Radiohead/Pablo Honey/02 - Creep.ogg',
      sizeBytes: 1,
    })
    const other = catalog.upsertSong({ name: 'Karma (demo)', artists: ['Radiohead'] }).song.id
    files.reservePath(other, backend.id, 'Radiohead/OK Computer/06 - Karma Police.flac')
    playlistOf([
      { title: 'Creep', artist: 'Radiohead' },
      { title: 'Karma Police', artist: 'Radiohead' },
      { title: 'Lonely', artist: 'Someone' },
    ])
    const summary = await sync()
    expect(summary.counts.succeeded).toBe(3)
    expect(requests.sort()).toEqual(['GET /song-0.mp3', 'GET /song-1.mp3', 'GET /song-2.mp3'])
    expect(files.songAtPath(backend.id, 'Radiohead/Pablo Honey/02 - Creep.ogg')).toBe(owner)
    expect(files.songAtPath(backend.id, 'Radiohead/OK Computer/06 - Karma Police.flac')).toBe(other)
  })

  it('downloads everything when turned off', async () => {
    playlistOf(ADOPTABLE)
    const summary = await sync({ checkLibraryFirst: false })
    expect(summary.counts.succeeded).toBe(4)
    expect(requests).toHaveLength(4)
  })

  it('tells the resolver what it is doing while it indexes', async () => {
    const { localIndex, library: files } = temp.service
    files.ensureLocalBackend(library.dir)
    const check = new LibraryCheck({ index: localIndex, library: files })
    const progress: string[] = []
    const stats = await check.indexRoots(
      (text) => progress.push(text),
      new AbortController().signal,
    )
    expect(stats).toEqual({ files: 12, read: 12, removed: 0 })
    expect(progress[0]).toBe('checking library … scanning local folders')
    expect(progress).toContain('checking library … indexing local files (12/12)')
    const again = new LibraryCheck({ index: localIndex, library: files })
    expect(await again.indexRoots(() => {}, new AbortController().signal)).toEqual({
      files: 12,
      read: 0,
      removed: 0,
    })
  })
})
