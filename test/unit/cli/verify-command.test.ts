import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { CliIo } from '../../../src/main/cli/cli-io'
import { verifyCommand } from '../../../src/main/cli/commands/verify'
import { CatalogStore } from '../../../src/main/core/service/catalog-store'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A catalog with two recorded files in its library; returns their paths. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-verify-cli-'))
  dirs.push(dir)
  const db = join(dir, 'catalog.db')
  const service = CatalogStore.open(db)
  const backend = service.library.ensureLocalBackend(join(dir, 'library'))
  const paths = ['One', 'Two'].map((title) => {
    const { song } = service.catalog.upsertSong({ name: title, artists: ['Artist'] })
    const relativePath = `Artist/${title}.wav`
    const path = join(backend.root, relativePath)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, title)
    service.library.recordLocalFile({
      songId: song.id,
      backendId: backend.id,
      relativePath,
      sizeBytes: title.length,
      contentHash: `sha256:${createHash('sha256').update(title).digest('hex')}`,
    })
    return path
  })
  service.close()
  return { db, paths }
}

async function verify(db: string, flags: { fix?: boolean; json?: boolean } = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} }
  const args = {
    values: flags,
    positionals: [],
    databasePath: db,
    databaseGiven: true,
    home: dirname(db),
  }
  const code = await verifyCommand.run(args, io)
  return { code, out: out.join('\n'), err }
}

describe('catalogsync verify', () => {
  it('exits 0 when every file is intact', async () => {
    const { db } = setup()
    expect(await verify(db)).toEqual({
      code: 0,
      out: 'Checked 2 files: all present and intact.',
      err: [],
    })
  })

  it('exits 1 and names the missing file when not fixing', async () => {
    const { db, paths } = setup()
    rmSync(paths[0]!)
    const result = await verify(db)
    expect(result.code).toBe(1)
    expect(result.out).toContain(`missing: ${paths[0]}`)
    expect(result.out).toContain('verify --fix')
  })

  it('exits 0 after --fix, and the catalog no longer counts the file', async () => {
    const { db, paths } = setup()
    writeFileSync(paths[1]!, 'T')
    const fixed = await verify(db, { fix: true, json: true })
    expect(fixed.code).toBe(0)
    expect(JSON.parse(fixed.out)).toMatchObject({
      checked: 2,
      fixed: 1,
      problems: [{ path: paths[1], kind: 'size', expectedBytes: 3, actualBytes: 1 }],
    })
    expect((await verify(db)).code).toBe(0)
  })
})
