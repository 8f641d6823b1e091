import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppService } from '../../../src/main/core/service/app-service'
import { CatalogStore } from '../../../src/main/core/service/catalog-store'
import { PASSWORD_MASK } from '../../../src/shared/settings'

let dir: string
let databasePath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalogsync-app-service-'))
  databasePath = join(dir, 'catalog.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const subsonic = {
  id: 'home',
  type: 'subsonic' as const,
  url: 'http://127.0.0.1:4533',
  user: 'me',
  password: 'hunter2',
}

function withApp<T>(run: (app: AppService) => T, options = {}): T {
  const app = AppService.open(databasePath, { home: dir, ...options })
  try {
    return run(app)
  } finally {
    app.close()
  }
}

describe('the application service', () => {
  it('opens the catalog, reports its status and closes it', () => {
    const status = withApp((app) => app.status())
    expect(status).toMatchObject({ database: databasePath, catalog: { playlists: 0, songs: 0 } })
    expect(status.schemaVersion).toBeGreaterThan(0)
  })

  it('lets a front end wrap the settings store before first use', () => {
    const wrapped: unknown[] = []
    withApp(() => undefined, { guardSettings: (settings: unknown) => wrapped.push(settings) })
    expect(wrapped).toHaveLength(1)
  })

  it('imports a file and lists, finds and counts its playlist', async () => {
    const file = join(dir, 'mix.m3u8')
    writeFileSync(
      file,
      '#EXTM3U\n#EXTINF:200,Band - One\none.mp3\n#EXTINF:180,Band - Two\ntwo.mp3\n',
    )
    const app = AppService.open(databasePath, { home: dir })
    try {
      const preview = await app.previewFile(file)
      expect(app.catalogPlaylists()).toEqual([])
      const imported = await app.importFile(file)
      expect(imported.playlists.map((p) => p.added)).toEqual(preview.playlists.map((p) => p.added))
      const [playlist] = app.catalogPlaylists()
      expect(playlist).toMatchObject({ name: 'mix', removalPolicy: 'keep' })
      expect(app.findPlaylist(String(playlist!.id))).toEqual(playlist)
      expect(app.findPlaylist('mix')).toEqual(playlist)
      expect(app.findPlaylist('nothing')).toBeNull()
      expect(app.songCount(playlist!.id)).toBe(2)
      expect(app.storeRemovalPolicy(playlist!.id, 'archive').removalPolicy).toBe('archive')
      expect(() => app.storeRemovalPolicy(999, 'archive')).toThrow(/999/)
    } finally {
      app.close()
    }
  })

  it('hands out the settings with passwords masked, and stores a config file', () => {
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ sources: [subsonic], downloaders: 3 }))
    const shown = withApp((app) => {
      app.importSettingsFile(config)
      return app.maskedSettings()
    })
    expect(shown.sources).toEqual([{ ...subsonic, password: PASSWORD_MASK }])
    expect(shown.downloaders).toBe(3)
    expect(withApp((app) => app.settings().sources)).toEqual([subsonic])
  })

  it('lists a song’s active files newest first, each with its library root', () => {
    const store = CatalogStore.open(databasePath)
    const root = join(dir, 'library')
    mkdirSync(root)
    const backend = store.library.ensureLocalBackend(root)
    const { song } = store.catalog.upsertSong({ name: 'Intro', artists: ['Band'] })
    for (const relativePath of ['Band/Old.mp3', 'Band/New.mp3']) {
      store.library.recordLocalFile({
        songId: song.id,
        backendId: backend.id,
        relativePath,
        sizeBytes: 3,
      })
    }
    store.close()
    expect(withApp((app) => app.songFiles(song.id))).toEqual([
      { root, relativePath: 'Band/New.mp3' },
      { root, relativePath: 'Band/Old.mp3' },
    ])
  })

  it('gives the running sync’s handle to a second caller instead of starting another', async () => {
    const app = AppService.open(databasePath, {
      home: dir,
      settingsPatches: [{ libraryRoots: [join(dir, 'library')], sources: [] }],
    })
    try {
      const handle = app.runSync()
      expect(app.runSync()).toBe(handle)
      expect(app.startJob()).toEqual({ jobId: handle.jobId, changed: false })
      const summary = await handle.done
      expect(summary.jobId).toBe(handle.jobId)
      expect(app.jobItems(handle.jobId)).toEqual(summary.counts)
      expect(app.jobTransfers(handle.jobId)).toEqual({ bytes: 0, bySource: {}, fromLibrary: 0 })
      expect(app.jobFailures(handle.jobId)).toEqual([])
      expect(app.sync.running).toBeNull()
    } finally {
      app.close()
    }
  })
})
