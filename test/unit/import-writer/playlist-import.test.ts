import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

const fixtures = join(__dirname, '..', '..', 'fixtures', 'import')
let temp: TempCatalog
beforeEach(() => {
  temp = tempCatalog()
})
afterEach(() => temp.cleanup())

/** Copies fixture `name` to one path in the temp folder, as a user re-exporting over a file. */
function exportAs(name: string, as = 'road-trip.m3u8'): string {
  const path = join(temp.dir, as)
  copyFileSync(join(fixtures, name), path)
  return path
}

/** Every row of every table, to show that a failed import changed nothing. */
function dump(): string {
  const db = temp.db.connection
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[]
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
  )
}

describe('importing a playlist export', () => {
  it('creates the playlist with its songs in order and keeps the snapshot', async () => {
    const result = await temp.app.importFile(exportAs('road-trip-v1.m3u8'))
    expect(result.format).toBe('m3u8')
    expect(result.playlists).toEqual([
      expect.objectContaining({ name: 'Road Trip', created: true, tracks: 4, added: 4 }),
    ])
    const songIds = temp.service.playlists.songIds(result.playlists[0]!.playlistId)
    const first = temp.service.catalog.getSong(songIds[0]!)!
    expect(first.durationMs).toBe(355_000)
    expect(first.metadata).toMatchObject({
      format: 'm3u8',
      location: 'Music/Queen/Bohemian Rhapsody.flac',
      playlistDir: temp.dir,
    })
  })

  it('syncs a newer export in place: added, kept, removed and moved', async () => {
    const path = exportAs('road-trip-v1.m3u8')
    const first = await temp.app.importFile(path)
    const playlistId = first.playlists[0]!.playlistId
    const before = temp.service.playlists.songIds(playlistId)
    copyFileSync(join(fixtures, 'road-trip-v2.m3u8'), path)

    const preview = await temp.app.previewFile(path)
    const expected = { playlistId, created: false, added: 1, kept: 3, removed: 1, moved: 1 }
    expect(preview.playlists[0]).toMatchObject(expected)
    expect(temp.service.playlists.songIds(playlistId)).toEqual(before)

    const second = await temp.app.importFile(path)
    expect(second.playlists[0]).toMatchObject(expected)
    const after = temp.service.playlists.songIds(playlistId)
    expect(after.slice(0, 3)).toEqual([before[3], before[0], before[2]])
    expect(temp.service.playlists.removedSongIds(playlistId)).toEqual([before[1]])
    // The removed song stays in the catalog: nothing is deleted by an import.
    expect(temp.service.catalog.getSong(before[1]!)).not.toBeNull()
    expect(temp.service.playlists.listPlaylists()).toHaveLength(1)
  })

  it('shares one song between two playlists that both list it', async () => {
    await temp.app.importFile(exportAs('road-trip-v1.m3u8'))
    const csv = await temp.app.importFile(exportAs('weekend.csv', 'weekend.csv'))
    expect(csv.playlists[0]).toMatchObject({ name: 'weekend', tracks: 2, added: 2 })
    // Bohemian Rhapsody: 355 s in the M3U, 354.32 s on Spotify — one song.
    expect(temp.service.catalog.counts()).toMatchObject({ songs: 5, playlistSongs: 6 })
  })

  it('keeps hostile names as plain data', async () => {
    const result = await temp.app.importFile(exportAs('hostile.m3u8', 'hostile.m3u8'))
    const ids = temp.service.playlists.songIds(result.playlists[0]!.playlistId)
    const songs = ids.map((id) => temp.service.catalog.getSong(id)!)
    expect(songs.map((s) => s.metadata.location)).toEqual([
      '../../etc/passwd',
      'C:\\Windows\\System32\\CON',
      'http://127.0.0.1:9/a%2Fb.mp3',
    ])
  })

  it('leaves the catalog unchanged when a file fails to parse', async () => {
    await temp.app.importFile(exportAs('road-trip-v1.m3u8'))
    const before = dump()
    const bad = join(temp.dir, 'bad.xspf')
    writeFileSync(bad, '<?xml version="1.0"?><playlist xmlns="http://xspf.org/ns/0/"><trackList>')
    await expect(temp.app.importFile(bad)).rejects.toThrow(/bad\.xspf/)
    expect(dump()).toBe(before)
  })

  it('rolls back every playlist of a file when a write fails half way', async () => {
    await temp.app.importFile(exportAs('road-trip-v1.m3u8'))
    const before = dump()
    const path = exportAs('road-trip-v2.m3u8')
    vi.spyOn(temp.service.playlists, 'recordRemovals').mockImplementationOnce(() => {
      throw new Error('disk full')
    })
    await expect(temp.app.importFile(path)).rejects.toThrow('disk full')
    expect(dump()).toBe(before)
  })
})

describe('importing an uploaded export', () => {
  it('names no path on this machine and resolves no relative location', async () => {
    const { PlaylistImporter } =
      await import('../../../src/main/core/import-writer/playlist-importer')
    const { parsePlaylistBuffer } = await import('../../../src/main/core/importers')
    const { service } = temp
    const importer = new PlaylistImporter(temp.db, service.catalog, service.playlists)
    const bytes = readFileSync(join(fixtures, 'road-trip-v1.m3u8'))
    const result = importer.apply(parsePlaylistBuffer('road-trip.m3u8', bytes), 'upload')
    expect(result.file).toBe('road-trip.m3u8')
    const playlist = service.playlists.getPlaylist(result.playlists[0]!.playlistId)!
    expect(playlist.sourcePath).toBeNull()
    const song = service.catalog.getSong(service.playlists.songIds(playlist.id)[0]!)!
    expect(song.metadata.playlistDir).toBeNull()
  })
})
