import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { verifyLibrary } from '../../../src/main/core/library/verify-library'
import { xxh3Of } from '../../support/content-hash'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

let temp: TempCatalog
let root: string
beforeEach(() => {
  temp = tempCatalog()
  root = join(temp.dir, 'library')
})
afterEach(() => temp.cleanup())

const sha256 = (content: string): string =>
  `sha256:${createHash('sha256').update(content).digest('hex')}`

/** Writes a file into the library and records it for a new song, as a download would. */
function recorded(
  title: string,
  content: string,
  contentHash: string | null = sha256(content),
): { songId: number; path: string } {
  const { catalog, library } = temp.service
  const backend = library.ensureLocalBackend(root)
  const { song } = catalog.upsertSong({ name: title, artists: ['Artist'] })
  const relativePath = `Artist/${title}.wav`
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  library.recordLocalFile({
    songId: song.id,
    backendId: backend.id,
    relativePath,
    sizeBytes: Buffer.byteLength(content),
    contentHash,
  })
  return { songId: song.id, path }
}

describe('verifyLibrary', () => {
  it('passes intact files and reports progress', async () => {
    recorded('One', 'RIFF one')
    recorded('Two', 'RIFF two')
    const progress: [number, number][] = []
    const report = await verifyLibrary(temp.service.library, {
      onProgress: (checked, total) => progress.push([checked, total]),
    })
    expect(report).toEqual({ checked: 2, problems: [], fixed: 0 })
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ])
  })

  it('finds a deleted, a truncated and a changed file, and leaves them active without fix', async () => {
    const deleted = recorded('Deleted', 'RIFF deleted')
    const truncated = recorded('Truncated', 'RIFF truncated')
    const changed = recorded('Changed', 'RIFF changed')
    recorded('Intact', 'RIFF intact')
    rmSync(deleted.path)
    truncateSync(truncated.path, 4)
    writeFileSync(changed.path, 'RIFF CHANGED')
    const report = await verifyLibrary(temp.service.library)
    expect(report.checked).toBe(4)
    expect(report.fixed).toBe(0)
    expect(report.problems).toEqual([
      expect.objectContaining({ songId: deleted.songId, kind: 'missing', actualBytes: null }),
      expect.objectContaining({ songId: truncated.songId, kind: 'size', actualBytes: 4 }),
      expect.objectContaining({ songId: changed.songId, kind: 'hash', path: changed.path }),
    ])
    expect(temp.service.library.songHasActiveLocalFile(deleted.songId)).toBe(true)
  })

  it('with fix, deactivates the bad files so the next sync downloads them again', async () => {
    const deleted = recorded('Deleted', 'RIFF deleted')
    const truncated = recorded('Truncated', 'RIFF truncated')
    const intact = recorded('Intact', 'RIFF intact')
    rmSync(deleted.path)
    truncateSync(truncated.path, 4)
    const report = await verifyLibrary(temp.service.library, { fix: true })
    expect(report.fixed).toBe(2)
    const { library } = temp.service
    expect(library.songHasActiveLocalFile(deleted.songId)).toBe(false)
    expect(library.songHasActiveLocalFile(truncated.songId)).toBe(false)
    expect(library.songHasActiveLocalFile(intact.songId)).toBe(true)
    expect(await verifyLibrary(library)).toEqual({ checked: 1, problems: [], fixed: 0 })
  })

  it('checks files recorded with the current hash and with the older sha256 alike', async () => {
    recorded('New intact', 'RIFF new', xxh3Of(Buffer.from('RIFF new')))
    const newChanged = recorded('New changed', 'RIFF new 2', xxh3Of(Buffer.from('RIFF new 2')))
    recorded('Old intact', 'RIFF old')
    const oldChanged = recorded('Old changed', 'RIFF old 2')
    writeFileSync(newChanged.path, 'RIFF NEW 2')
    writeFileSync(oldChanged.path, 'RIFF OLD 2')
    const report = await verifyLibrary(temp.service.library)
    expect(report.checked).toBe(4)
    expect(report.problems.map((problem) => [problem.songId, problem.kind])).toEqual([
      [newChanged.songId, 'hash'],
      [oldChanged.songId, 'hash'],
    ])
  })

  it('checks only the size of a file recorded without a hash or with an unknown one', async () => {
    recorded('No hash', 'RIFF none', null)
    const unknown = recorded('Unknown', 'RIFF unknown', 'md5:00000000000000000000000000000000')
    writeFileSync(unknown.path, 'RIFF UNKNOWN')
    expect(await verifyLibrary(temp.service.library)).toEqual({
      checked: 2,
      problems: [],
      fixed: 0,
    })
  })
})
