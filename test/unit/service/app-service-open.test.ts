import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppService } from '../../../src/main/core/service/app-service'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-app-open-'))
  dirs.push(dir)
  return dir
}

describe('AppService.open with a config file', () => {
  it('applies the file over the catalog settings, and the patches over the file', () => {
    const dir = tempDir()
    const configFile = join(dir, 'sync.json')
    writeFileSync(configFile, JSON.stringify({ downloaders: 6, resolvers: 2 }))
    const app = AppService.open(join(dir, 'catalog.db'), {
      home: dir,
      configFile,
      settingsPatches: [{ downloaders: 9 }],
    })
    try {
      expect(app.settings()).toMatchObject({ downloaders: 9, resolvers: 2 })
    } finally {
      app.close()
    }
  })

  it('reports a bad file, naming it, before it creates any catalog', () => {
    const dir = tempDir()
    const configFile = join(dir, 'bad.json')
    writeFileSync(configFile, JSON.stringify({ turbo: true }))
    const database = join(dir, 'catalog.db')
    expect(() => AppService.open(database, { home: dir, configFile })).toThrow(
      `${configFile}: unknown key "turbo"`,
    )
    expect(existsSync(database)).toBe(false)
  })
})

describe('AppService without a catalog', () => {
  it('names the built-in settings under the given home', () => {
    expect(AppService.builtInSettings('/home/me/.catalogsync')).toMatchObject({
      libraryRoots: ['/home/me/.catalogsync/library'],
      mode: 'adaptive',
      downloaders: 4,
      resolvers: 'auto',
    })
  })

  it('parses an export for inspection', async () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'import', 'road-trip-v1.m3u8')
    const parsed = await AppService.inspectFile(file)
    expect(parsed.playlists[0]?.tracks).toHaveLength(4)
  })
})

describe('AppService.jobTransfers', () => {
  it('counts the songs found in the library folders apart', () => {
    const dir = tempDir()
    const app = AppService.open(join(dir, 'catalog.db'), { home: dir })
    try {
      expect(app.jobTransfers(1)).toEqual({ bytes: 0, bySource: {}, fromLibrary: 0 })
    } finally {
      app.close()
    }
  })
})
