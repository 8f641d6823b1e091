import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { applyRemovalPolicies, mostCareful } from '../../../src/main/core/library/apply-removals'
import type { RemovalPolicy } from '../../../src/shared/removal-policy'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
let root: string
beforeEach(() => {
  temp = tempCatalog()
  root = join(temp.dir, 'library')
})
afterEach(() => temp.cleanup())

/** A song with a real file at `path` in the library root. */
function songWithFile(title: string, path: string): number {
  const { catalog, library } = temp.service
  const backend = library.ensureLocalBackend(root)
  const { song } = catalog.upsertSong({ name: title, artists: ['Band'] })
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), `audio of ${title}`)
  library.recordLocalFile({
    songId: song.id,
    backendId: backend.id,
    relativePath: path,
    sizeBytes: 10,
  })
  return song.id
}

function playlist(name: string, songIds: number[], policy: RemovalPolicy): number {
  const { playlists } = temp.service
  const created = playlists.createPlaylist({ name })
  playlists.setSongs(created.id, songIds)
  playlists.setRemovalPolicy(created.id, policy)
  return created.id
}

/** What a re-import that drops `songId` records. */
function dropFrom(playlistId: number, songId: number): void {
  const { playlists } = temp.service
  playlists.setSongs(
    playlistId,
    playlists.songIds(playlistId).filter((id) => id !== songId),
  )
  playlists.recordRemovals(playlistId, [songId], [])
}

const apply = (playlistIds: number[] = [], archiveFolder = 'Archive') =>
  applyRemovalPolicies(temp.service, { playlistIds, archiveFolder, jobId: null })

describe('removal policies', () => {
  it('keeps the file by default and acts on nothing', async () => {
    const song = songWithFile('Gone', 'Band/Album/Gone.mp3')
    const id = temp.service.playlists.createPlaylist({ name: 'Mix' }).id
    temp.service.playlists.setSongs(id, [song])
    dropFrom(id, song)
    expect(temp.service.playlists.getPlaylist(id)?.removalPolicy).toBe('keep')
    expect(await apply()).toEqual({ actions: [], failures: [] })
    expect(existsSync(join(root, 'Band/Album/Gone.mp3'))).toBe(true)
    expect(temp.service.library.songHasActiveLocalFile(song)).toBe(true)
  })

  it('archives under <root>/Archive keeping the layout path, once', async () => {
    const song = songWithFile('Gone', 'Band/Album/Gone.mp3')
    const id = playlist('Mix', [song], 'archive')
    dropFrom(id, song)
    const report = await apply([id])
    const archived = join(root, 'Archive/Band/Album/Gone.mp3')
    expect(report).toEqual({
      actions: [
        {
          songId: song,
          action: 'archived',
          fromPath: join(root, 'Band/Album/Gone.mp3'),
          toPath: archived,
        },
      ],
      failures: [],
    })
    expect(existsSync(join(root, 'Band/Album/Gone.mp3'))).toBe(false)
    expect(readFileSync(archived, 'utf8')).toBe('audio of Gone')
    expect(temp.service.library.songHasActiveLocalFile(song)).toBe(false)
    const backend = temp.service.library.defaultBackend()!
    expect(temp.service.library.songAtPath(backend.id, 'Archive/Band/Album/Gone.mp3')).toBe(song)
    expect(await apply([id])).toEqual({ actions: [], failures: [] })
  })

  it('numbers an archived file whose name is already taken in the archive', async () => {
    mkdirSync(join(root, 'Archive/Band'), { recursive: true })
    writeFileSync(join(root, 'Archive/Band/Gone.mp3'), 'older')
    const song = songWithFile('Gone', 'Band/Gone.mp3')
    const id = playlist('Mix', [song], 'archive')
    dropFrom(id, song)
    const [action] = (await apply()).actions
    expect(action?.toPath).toBe(join(root, 'Archive/Band/Gone (2).mp3'))
    expect(readFileSync(join(root, 'Archive/Band/Gone.mp3'), 'utf8')).toBe('older')
  })

  it('moves to an absolute archive folder and forgets the file there', async () => {
    const song = songWithFile('Gone', 'Band/Gone.mp3')
    const id = playlist('Mix', [song], 'archive')
    dropFrom(id, song)
    const elsewhere = join(temp.dir, 'attic')
    const [action] = (await apply([], elsewhere)).actions
    expect(action?.toPath).toBe(join(elsewhere, 'Band/Gone.mp3'))
    expect(existsSync(join(elsewhere, 'Band/Gone.mp3'))).toBe(true)
    expect(temp.service.library.songAtPath(1, 'Band/Gone.mp3')).toBeNull()
  })

  it('deletes the file of a song no playlist lists, and records it once', async () => {
    const song = songWithFile('Gone', 'Band/Gone.mp3')
    const id = playlist('Mix', [song], 'delete')
    dropFrom(id, song)
    const report = await apply([id])
    expect(report.actions).toEqual([
      { songId: song, action: 'deleted', fromPath: join(root, 'Band/Gone.mp3'), toPath: null },
    ])
    expect(existsSync(join(root, 'Band/Gone.mp3'))).toBe(false)
    expect(temp.service.library.activeLocalFiles(song)).toEqual([])
    expect((await apply([id])).actions).toEqual([])
    expect(
      temp.db.prepare('SELECT song_id, action, from_path, to_path FROM removal_actions').all(),
    ).toEqual([
      { song_id: song, action: 'deleted', from_path: join(root, 'Band/Gone.mp3'), to_path: null },
    ])
  })

  it('never deletes a song another playlist still lists, nor one a keep playlist dropped', async () => {
    const shared = songWithFile('Shared', 'Band/Shared.mp3')
    const deleting = playlist('Deleting', [shared], 'delete')
    const keeping = playlist('Keeping', [shared], 'keep')
    dropFrom(deleting, shared)
    expect(await apply()).toEqual({ actions: [], failures: [] })
    expect(existsSync(join(root, 'Band/Shared.mp3'))).toBe(true)

    // Now no playlist lists it, but one that dropped it keeps its files: the careful one wins.
    dropFrom(keeping, shared)
    expect((await apply()).actions).toEqual([])
    expect(existsSync(join(root, 'Band/Shared.mp3'))).toBe(true)

    // Once that playlist agrees, the pending removal is acted on.
    temp.service.playlists.setRemovalPolicy(keeping, 'delete')
    expect((await apply()).actions).toHaveLength(1)
    expect(existsSync(join(root, 'Band/Shared.mp3'))).toBe(false)
  })

  it('acts only on removals of the playlists synced', async () => {
    const song = songWithFile('Gone', 'Band/Gone.mp3')
    const id = playlist('Mix', [song], 'delete')
    const other = playlist('Other', [], 'delete')
    dropFrom(id, song)
    expect((await apply([other])).actions).toEqual([])
    expect((await apply([id])).actions).toHaveLength(1)
  })

  it('reports a file it cannot move and leaves the removal pending', async () => {
    const song = songWithFile('Gone', 'Band/Gone.mp3')
    const id = playlist('Mix', [song], 'archive')
    dropFrom(id, song)
    writeFileSync(join(root, 'Archive'), 'a file where the archive folder should be')
    const report = await apply()
    expect(report.actions).toEqual([])
    expect(report.failures).toEqual([{ songId: song, error: expect.any(String) }])
    expect(temp.service.removals.pendingUnlisted([id])).toHaveLength(1)
  })

  it('lets the most careful policy win', () => {
    expect(mostCareful(['delete', 'archive'])).toBe('archive')
    expect(mostCareful(['delete', 'keep'])).toBe('keep')
    expect(mostCareful(['delete'])).toBe('delete')
  })
})
