import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { revealSongHandler } from '../../../src/main/electron/reveal-song'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

const shown = vi.hoisted(() => [] as string[])
vi.mock('electron', () => ({
  shell: { showItemInFolder: (path: string) => shown.push(path) },
}))

let catalog: TempCatalog
beforeEach(() => {
  catalog = tempCatalog()
  shown.length = 0
})
afterEach(() => catalog.cleanup())

/** A song with an active file at `relativePath` of a library under the temporary folder. */
function songWithFile(relativePath: string) {
  const { catalog: songs, library } = catalog.service
  const root = join(catalog.dir, 'library')
  mkdirSync(root, { recursive: true })
  const backend = library.ensureLocalBackend(root)
  const { song } = songs.upsertSong({ name: 'Intro', artists: ['Band'] })
  library.recordLocalFile({ songId: song.id, backendId: backend.id, relativePath, sizeBytes: 3 })
  return { songId: song.id, root }
}

describe('revealing a song in the file manager', () => {
  it('shows the song’s library file', async () => {
    const { songId, root } = songWithFile('Band/Intro.mp3')
    mkdirSync(join(root, 'Band'))
    writeFileSync(join(root, 'Band', 'Intro.mp3'), 'ID3')
    const reveal = revealSongHandler((songId) => catalog.app.songFiles(songId))
    expect(await reveal(songId)).toEqual({ ok: true, value: undefined })
    expect(shown).toEqual([join(root, 'Band', 'Intro.mp3')])
  })

  it('refuses a file that is gone, a path outside the library, and a bad id', async () => {
    const reveal = revealSongHandler((songId) => catalog.app.songFiles(songId))
    const gone = songWithFile('Band/Gone.mp3')
    expect(await reveal(gone.songId)).toEqual({
      ok: false,
      error: `song:reveal: Song ${gone.songId} has no file in the library`,
    })
    const outside = join(catalog.dir, 'elsewhere')
    mkdirSync(outside)
    writeFileSync(join(outside, 'x.mp3'), 'ID3')
    const escaped = songWithFile('../elsewhere/x.mp3')
    expect(await reveal(escaped.songId)).toMatchObject({ ok: false, error: /leaves the library/ })
    symlinkSync(outside, join(escaped.root, 'link'))
    const linked = songWithFile('link/x.mp3')
    expect(await reveal(linked.songId)).toMatchObject({ ok: false, error: /symlink/ })
    expect(await reveal('1; rm -rf /')).toEqual({
      ok: false,
      error: 'song:reveal: expected a song id',
    })
    expect(shown).toEqual([])
  })
})
