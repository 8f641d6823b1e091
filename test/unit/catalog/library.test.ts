import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

describe('storage backends', () => {
  it('creates a backend once per root and makes the first one the default', () => {
    const { library } = temp.service
    const music = library.ensureLocalBackend(join(temp.dir, 'Music'), { name: 'Music' })
    expect(music.isDefault).toBe(true)
    expect(library.ensureLocalBackend(join(temp.dir, 'Music', '.')).id).toBe(music.id)
    const nas = library.ensureLocalBackend(join(temp.dir, 'nas'))
    expect(nas.isDefault).toBe(false)
    expect(library.listBackends()).toHaveLength(2)
  })

  it('moves the default when asked, keeping exactly one', () => {
    const { library } = temp.service
    const a = library.ensureLocalBackend(join(temp.dir, 'a'))
    const b = library.ensureLocalBackend(join(temp.dir, 'b'), { isDefault: true, name: 'B' })
    expect(b.isDefault).toBe(true)
    expect(library.backend(a.id)?.isDefault).toBe(false)
    expect(library.defaultBackend()?.name).toBe('B')
    expect(library.listBackends().filter((backend) => backend.isDefault)).toHaveLength(1)
  })

  it('stores roots as absolute paths', () => {
    const backend = temp.service.library.ensureLocalBackend('relative/library')
    expect(backend.root.startsWith('/')).toBe(true)
  })
})

describe('local files', () => {
  it('answers songHasActiveLocalFile after recordLocalFile, and not after deactivation', () => {
    const { catalog, library } = temp.service
    const song = catalog.upsertSong({ name: 'Creep', artists: ['Radiohead'] }).song
    const backend = library.ensureLocalBackend(join(temp.dir, 'lib'))
    expect(library.songHasActiveLocalFile(song.id)).toBe(false)
    const file = library.recordLocalFile({
      songId: song.id,
      backendId: backend.id,
      relativePath: 'Radiohead/Pablo Honey/Creep.ogg',
      sizeBytes: 26_000,
      contentHash: 'sha256:abc',
      sourceId: 'subsonic',
    })
    expect(library.songHasActiveLocalFile(song.id)).toBe(true)
    expect(library.activeLocalFiles(song.id)).toEqual([file])
    library.deactivateLocalFile(file.id)
    expect(library.songHasActiveLocalFile(song.id)).toBe(false)
  })

  it('re-activates and updates the record when the same path is recorded again', () => {
    const { catalog, library } = temp.service
    const song = catalog.upsertSong({ name: 'Halo', artists: ['Beyoncé'] }).song
    const backend = library.ensureLocalBackend(join(temp.dir, 'lib'))
    const input = { songId: song.id, backendId: backend.id, relativePath: 'x.mp3', sizeBytes: 1 }
    const first = library.recordLocalFile(input)
    library.deactivateLocalFile(first.id)
    const second = library.recordLocalFile({ ...input, sizeBytes: 2 })
    expect(second.id).toBe(first.id)
    expect(second).toMatchObject({ active: true, sizeBytes: 2 })
    expect(catalog.counts()).toMatchObject({ localFiles: 1, activeLocalFiles: 1 })
  })
})

describe('settings', () => {
  it('round-trips JSON values and writes several at once', () => {
    const { settings } = temp.service
    expect(settings.get('downloadWorkers')).toBeUndefined()
    settings.set('downloadWorkers', 4)
    settings.setMany({
      sources: [{ id: 'direct', type: 'direct' }],
      layout: '{artist}/{title}.{ext}',
    })
    expect(settings.get('downloadWorkers')).toBe(4)
    expect(settings.all()).toEqual({
      downloadWorkers: 4,
      layout: '{artist}/{title}.{ext}',
      sources: [{ id: 'direct', type: 'direct' }],
    })
    settings.delete('layout')
    expect(settings.get('layout')).toBeUndefined()
  })

  it('refuses undefined, leaving earlier values of the batch unwritten', () => {
    const { settings } = temp.service
    expect(() => settings.setMany({ a: 1, b: undefined })).toThrow(/undefined/)
    expect(settings.get('a')).toBeUndefined()
  })
})
