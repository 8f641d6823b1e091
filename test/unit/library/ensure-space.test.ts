import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ensureSpace,
  LibraryFullError,
  statfsFreeBytes,
} from '../../../src/main/core/library/ensure-space'

const MiB = 2 ** 20
const backends = [
  { id: 1, root: '/music', isDefault: true },
  { id: 2, root: '/nas/music', isDefault: false },
]
const free =
  (table: Record<string, number | Error>) =>
  async (root: string): Promise<number> => {
    const value = table[root]
    if (value instanceof Error) throw value
    return value ?? 0
  }

describe('ensureSpace', () => {
  it('uses the first root when it has room for the file and the reserve', async () => {
    const freeBytes = free({ '/music': 200 * MiB, '/nas/music': 900 * MiB })
    const chosen = await ensureSpace(backends, 50 * MiB, { freeBytes, reserveBytes: 100 * MiB })
    expect(chosen.id).toBe(1)
  })

  it('falls over to a second root when the first lacks room once the reserve is kept', async () => {
    const freeBytes = free({ '/music': 120 * MiB, '/nas/music': 900 * MiB })
    const chosen = await ensureSpace(backends, 50 * MiB, { freeBytes, reserveBytes: 100 * MiB })
    expect(chosen.id).toBe(2)
  })

  it('skips a root it cannot measure', async () => {
    const freeBytes = free({ '/music': new Error('EIO: i/o error'), '/nas/music': 900 * MiB })
    expect((await ensureSpace(backends, MiB, { freeBytes, reserveBytes: 0 })).id).toBe(2)
  })

  it('throws a clear library-full error naming every root when none fits', async () => {
    const freeBytes = free({ '/music': 120 * MiB, '/nas/music': new Error('EIO: i/o error') })
    const attempt = ensureSpace(backends, 50 * MiB, { freeBytes, reserveBytes: 100 * MiB })
    await expect(attempt).rejects.toThrow(LibraryFullError)
    await expect(attempt).rejects.toThrow(
      'library full: need 50.0 MiB plus a 100.0 MiB reserve; free: /music 120.0 MiB, /nas/music unavailable (EIO: i/o error)',
    )
    await expect(ensureSpace([], 1)).rejects.toThrow(/no library roots/)
  })

  it('measures real free space with statfs, also for a root not created yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogsync-space-'))
    try {
      expect(await statfsFreeBytes(join(dir, 'not', 'yet'))).toBeGreaterThan(0)
      const chosen = await ensureSpace([{ root: join(dir, 'lib') }], 1, { reserveBytes: 0 })
      expect(chosen.root).toBe(join(dir, 'lib'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
