import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CatalogDatabase } from '../../../src/main/core/db/catalog-database'
import {
  LocalIndexRepository,
  type IndexedFile,
} from '../../../src/main/core/catalog/local-index-repository'

let db: CatalogDatabase
beforeEach(() => {
  db = new CatalogDatabase(':memory:')
})
afterEach(() => db.close())

const file = (path: string, fields: Partial<IndexedFile> = {}): IndexedFile => ({
  path,
  sizeBytes: 100,
  mtimeMs: 1_700_000_000_123,
  title: 'Hello',
  artists: ['Adele'],
  album: '25',
  durationMs: 295_000,
  isrc: null,
  sourceTag: null,
  ...fields,
})

describe('local index table (migration 3)', () => {
  it('looks a source up by its primary key, not by a scan', () => {
    const plan = db.connection
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT path, size_bytes, mtime_ms FROM local_index WHERE source_id = 'nas'",
      )
      .all()
      .map((row) => row.detail)
    expect(plan.join('\n')).toMatch(/SEARCH local_index USING PRIMARY KEY \(source_id=\?\)/)
  })

  it('writes, updates and forgets files per source', () => {
    const repository = new LocalIndexRepository(db, () => 42)
    repository.update(
      'nas',
      [file('/a.mp3'), file('/b.flac', { artists: ['AC/DC', '周杰伦'] })],
      [],
    )
    repository.update('other', [file('/a.mp3')], [])
    repository.update(
      'nas',
      [file('/a.mp3', { title: 'Hello (Live)', sizeBytes: 200 })],
      ['/b.flac'],
    )
    expect(repository.files('nas')).toEqual([
      file('/a.mp3', { title: 'Hello (Live)', sizeBytes: 200 }),
    ])
    expect(repository.files('other')).toHaveLength(1)
    repository.update('nas', [file('/c.ogg', { artists: ['AC/DC', '周杰伦'], album: null })], [])
    expect(repository.files('nas').find((entry) => entry.path === '/c.ogg')).toEqual(
      file('/c.ogg', { artists: ['AC/DC', '周杰伦'], album: null }),
    )
  })
})
