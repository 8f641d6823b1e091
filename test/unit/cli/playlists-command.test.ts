import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliIo } from '../../../src/main/cli/cli-io'
import { runCli } from '../../../src/main/cli/run-cli'
import { CatalogStore } from '../../../src/main/core/service/catalog-store'

let dir: string
let db: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalogsync-cli-playlists-'))
  db = join(dir, 'catalog.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CATALOGSYNC_HOME: dir },
  }
  return { io, out, err }
}

/** A playlist `Mix` of two songs with files in `library/`, then a re-import that drops one. */
function catalogWithDroppedSong(library: string): string {
  const service = CatalogStore.open(db)
  try {
    const backend = service.library.ensureLocalBackend(library)
    const ids = ['Stays', 'Goes'].map((title) => {
      const { song } = service.catalog.upsertSong({ name: title, artists: ['Band'] })
      mkdirSync(join(library, 'Band'), { recursive: true })
      writeFileSync(join(library, 'Band', `${title}.mp3`), title)
      service.library.recordLocalFile({
        songId: song.id,
        backendId: backend.id,
        relativePath: `Band/${title}.mp3`,
        sizeBytes: title.length,
      })
      return song.id
    })
    const playlist = service.playlists.createPlaylist({ name: 'Mix' })
    service.playlists.setSongs(playlist.id, [ids[0]!])
    service.playlists.recordRemovals(playlist.id, [ids[1]!], [])
    return join(library, 'Band', 'Goes.mp3')
  } finally {
    service.close()
  }
}

describe('catalogsync playlists', () => {
  it('lists the playlists with their removal policy', async () => {
    const { io, out } = capture()
    expect(await runCli(['playlists', '--db', db], io)).toBe(0)
    expect(out).toEqual(['No playlists in the catalog.'])
    catalogWithDroppedSong(join(dir, 'library'))
    const table = capture()
    expect(await runCli(['playlists', '--db', db], table.io)).toBe(0)
    expect(table.out.join('\n')).toBe(
      ['id  songs  policy  name', ' 1      1  keep    Mix'].join('\n'),
    )
  })

  it('sets a policy by name or id, and refuses an unknown policy or playlist', async () => {
    catalogWithDroppedSong(join(dir, 'library'))
    const byName = capture()
    expect(await runCli(['playlists', 'policy', 'Mix', 'archive', '--db', db], byName.io)).toBe(0)
    expect(byName.out).toEqual(['Playlist #1 Mix: removal policy archive'])
    const byId = capture()
    expect(
      await runCli(['playlists', 'policy', '1', 'delete', '--json', '--db', db], byId.io),
    ).toBe(0)
    expect(JSON.parse(byId.out.join(''))).toMatchObject({ id: 1, removalPolicy: 'delete' })
    const bad = capture()
    expect(await runCli(['playlists', 'policy', 'Mix', 'shred', '--db', db], bad.io)).toBe(2)
    expect(bad.err.join('')).toMatch(/the removal policy must be one of keep, archive, delete/)
    const missing = capture()
    expect(await runCli(['playlists', 'policy', 'Nope', 'keep', '--db', db], missing.io)).toBe(2)
    expect(missing.err.join('')).toMatch(/no playlist "Nope" in the catalog/)
  })

  it('has the next sync delete the dropped song and list it in the summary', async () => {
    const library = join(dir, 'library')
    const dropped = catalogWithDroppedSong(library)
    expect(await runCli(['playlists', 'policy', 'Mix', 'delete', '--db', db], capture().io)).toBe(0)
    const { io, err } = capture()
    expect(await runCli(['sync', '--library', library, '--db', db], io)).toBe(0)
    expect(err).toContain(`  deleted ${dropped}`)
    expect(existsSync(dropped)).toBe(false)
    expect(existsSync(join(library, 'Band', 'Stays.mp3'))).toBe(true)
    const again = capture()
    expect(await runCli(['sync', '--library', library, '--db', db], again.io)).toBe(0)
    expect(again.err.join('\n')).not.toMatch(/deleted/)
  })
})
