import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfigFile } from '../../../src/main/core/config/load-settings'
import {
  defaultSyncSettings,
  parseSettingsPatch,
  resolveSettings,
  sourceOrder,
} from '../../../src/main/core/config/sync-settings'

describe('sync settings', () => {
  it('have sensible defaults under the home folder', () => {
    const settings = defaultSyncSettings('/home/me/.catalogsync')
    expect(settings).toMatchObject({
      libraryRoots: ['/home/me/.catalogsync/library'],
      mode: 'adaptive',
      downloaders: 4,
      resolvers: 'auto',
      layout: '{artist}/{album}/{title}.{ext}',
      writeTags: true,
    })
    expect(sourceOrder(settings)).toEqual(['direct'])
  })

  it('accept the desktop keepInTray switch (default on)', () => {
    expect(defaultSyncSettings('/h').keepInTray).toBe(true)
    expect(parseSettingsPatch({ keepInTray: false }, 'settings')).toEqual({ keepInTray: false })
    expect(() => parseSettingsPatch({ keepInTray: 'no' }, 'settings')).toThrow(/keepInTray/)
  })

  it('turn tag writing off from the config file (default on), and refuse a non-boolean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogsync-config-'))
    try {
      const path = join(dir, 'sync.json')
      writeFileSync(path, JSON.stringify({ writeTags: false }))
      const settings = resolveSettings(defaultSyncSettings('/h'), readConfigFile(path))
      expect(settings.writeTags).toBe(false)
      writeFileSync(path, JSON.stringify({ writeTags: 'off' }))
      expect(() => readConfigFile(path)).toThrow(`${path}: writeTags: `)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('check the library first, archive to Archive and write playlists to Playlists by default', () => {
    expect(defaultSyncSettings('/h')).toMatchObject({
      checkLibraryFirst: true,
      archiveFolder: 'Archive',
      playlistFolder: 'Playlists',
    })
    expect(
      parseSettingsPatch(
        { checkLibraryFirst: false, archiveFolder: '/mnt/attic', playlistFolder: 'Lists/Mine' },
        'settings',
      ),
    ).toEqual({
      checkLibraryFirst: false,
      archiveFolder: '/mnt/attic',
      playlistFolder: 'Lists/Mine',
    })
    expect(() => parseSettingsPatch({ playlistFolder: '../Elsewhere' }, 'x.json')).toThrow(
      'x.json: playlistFolder: must not contain ".."',
    )
    expect(() => parseSettingsPatch({ archiveFolder: ' ' }, 'x.json')).toThrow(/archiveFolder/)
  })

  it('name an unknown top-level key', () => {
    expect(() => parseSettingsPatch({ downloaders: 2, libraryRoot: '/x' }, 'sync.json')).toThrow(
      'sync.json: unknown key "libraryRoot"',
    )
  })

  it('name each bad value and each bad source', () => {
    expect(() =>
      parseSettingsPatch(
        { mode: 'turbo', sources: [{ id: 'nas', type: 'ftp' }], libraryRoots: ['music'] },
        'sync.json',
      ),
    ).toThrow(/sync\.json: .*libraryRoots\.0: must be an absolute path.*mode/)
    expect(() =>
      parseSettingsPatch({ sources: [{ id: 'nas', type: 'ftp' }] }, 'sync.json'),
    ).toThrow(/source "nas": unknown type "ftp"/)
  })

  it('layer patches, later ones winning, and check the source order', () => {
    const base = defaultSyncSettings('/h')
    const file = parseSettingsPatch(
      {
        downloaders: 8,
        sources: [
          { id: 'a', type: 'direct' },
          { id: 'b', type: 'direct' },
        ],
      },
      'f',
    )
    const settings = resolveSettings(base, file, { downloaders: 2, downloadSources: ['b', 'a'] })
    expect(settings.downloaders).toBe(2)
    expect(sourceOrder(settings)).toEqual(['b', 'a'])
    expect(() => resolveSettings(base, { downloadSources: ['nowhere'] })).toThrow(
      /downloadSources names "nowhere"/,
    )
  })
})
