import { resolve } from 'node:path'
import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
import type { LocalFile, LocalFileInput, StorageBackend } from './types'

interface BackendRow {
  id: number
  kind: 'local'
  name: string
  root: string
  is_default: number
  created_at: number
}

interface LocalFileRow {
  id: number
  song_id: number
  backend_id: number
  relative_path: string
  size_bytes: number
  content_hash: string | null
  source_id: string | null
  active: number
  created_at: number
  updated_at: number
}

const toBackend = (row: BackendRow): StorageBackend => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  root: row.root,
  isDefault: row.is_default === 1,
  createdAt: row.created_at,
})

const toLocalFile = (row: LocalFileRow): LocalFile => ({
  id: row.id,
  songId: row.song_id,
  backendId: row.backend_id,
  relativePath: row.relative_path,
  sizeBytes: row.size_bytes,
  contentHash: row.content_hash,
  sourceId: row.source_id,
  active: row.active === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export interface EnsureBackendOptions {
  name?: string
  isDefault?: boolean
}

/** Library roots (storage backends) and the files recorded in them. */
export class LibraryRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * Returns the backend for this root, creating it if needed. The first backend, or one asked
   * to be, becomes the default; there is only ever one default.
   */
  ensureLocalBackend(root: string, options: EnsureBackendOptions = {}): StorageBackend {
    const absoluteRoot = resolve(root)
    return this.db.transaction(() => {
      const existing = this.db
        .prepare<[string], BackendRow>('SELECT * FROM storage_backends WHERE root = ?')
        .get(absoluteRoot)
      const hasDefault = this.defaultBackend() !== null
      const makeDefault = options.isDefault === true || (!existing && !hasDefault)
      if (makeDefault) this.db.prepare('UPDATE storage_backends SET is_default = 0').run()
      if (existing) {
        this.db
          .prepare('UPDATE storage_backends SET name = ?, is_default = ? WHERE id = ?')
          .run(options.name ?? existing.name, makeDefault ? 1 : existing.is_default, existing.id)
        return this.backend(existing.id) as StorageBackend
      }
      const row = this.db
        .prepare<[string, string, number, number], BackendRow>(
          `INSERT INTO storage_backends (kind, name, root, is_default, created_at)
           VALUES ('local', ?, ?, ?, ?) RETURNING *`,
        )
        .get(options.name ?? absoluteRoot, absoluteRoot, makeDefault ? 1 : 0, this.now())
      return toBackend(row as BackendRow)
    })
  }

  backend(id: number): StorageBackend | null {
    const row = this.db
      .prepare<[number], BackendRow>('SELECT * FROM storage_backends WHERE id = ?')
      .get(id)
    return row ? toBackend(row) : null
  }

  defaultBackend(): StorageBackend | null {
    const row = this.db
      .prepare<[], BackendRow>('SELECT * FROM storage_backends WHERE is_default = 1')
      .get()
    return row ? toBackend(row) : null
  }

  listBackends(): StorageBackend[] {
    return this.db
      .prepare<[], BackendRow>('SELECT * FROM storage_backends ORDER BY is_default DESC, id')
      .all()
      .map(toBackend)
  }

  /** Records (or re-activates) the file at this backend-relative path for a song. */
  recordLocalFile(input: LocalFileInput): LocalFile {
    const row = this.insertLocalFile(
      input,
      `DO UPDATE SET
         song_id = excluded.song_id, size_bytes = excluded.size_bytes,
         content_hash = excluded.content_hash, source_id = excluded.source_id,
         active = 1, updated_at = excluded.updated_at`,
    )
    return toLocalFile(row as LocalFileRow)
  }

  /**
   * Records a file found in the library for a song, unless its path already belongs to another
   * song (or to this song with another size, as a bad file or a reservation): then null. One
   * statement, so two workers can never adopt the same file for two songs.
   */
  adoptLocalFile(input: LocalFileInput): LocalFile | null {
    const row = this.insertLocalFile(
      input,
      `DO UPDATE SET active = 1,
         content_hash = excluded.content_hash, updated_at = excluded.updated_at
       WHERE local_files.song_id = excluded.song_id
         AND local_files.size_bytes = excluded.size_bytes`,
    )
    return row ? toLocalFile(row) : null
  }

  /** Inserts an active file; `onConflict` says what an existing row at the same path becomes. */
  private insertLocalFile(input: LocalFileInput, onConflict: string): LocalFileRow | undefined {
    const now = this.now()
    return this.db
      .prepare<unknown[], LocalFileRow>(
        `INSERT INTO local_files (song_id, backend_id, relative_path, size_bytes, content_hash,
           source_id, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (backend_id, relative_path) ${onConflict}
         RETURNING *`,
      )
      .get(
        input.songId,
        input.backendId,
        input.relativePath,
        input.sizeBytes,
        input.contentHash ?? null,
        input.sourceId ?? null,
        now,
        now,
      )
  }

  /** A file moved out of use (archived): its new path, no longer counted as the song's file. */
  moveLocalFileOut(id: number, relativePath: string): void {
    this.db
      .prepare('UPDATE local_files SET relative_path = ?, active = 0, updated_at = ? WHERE id = ?')
      .run(relativePath, this.now(), id)
  }

  /** Forgets a file that is no longer in the library (deleted, or moved out of every root). */
  forgetLocalFile(id: number): void {
    this.db.prepare('DELETE FROM local_files WHERE id = ?').run(id)
  }

  deactivateLocalFile(id: number): void {
    this.db
      .prepare('UPDATE local_files SET active = 0, updated_at = ? WHERE id = ?')
      .run(this.now(), id)
  }

  activeLocalFiles(songId: number): LocalFile[] {
    return this.db
      .prepare<[number], LocalFileRow>(
        'SELECT * FROM local_files WHERE song_id = ? AND active = 1 ORDER BY id',
      )
      .all(songId)
      .map(toLocalFile)
  }

  /** The relative paths of a backend's active files. */
  activeFilesOf(backendId: number): string[] {
    return this.db
      .prepare<[number], { relative_path: string }>(
        'SELECT relative_path FROM local_files WHERE backend_id = ? AND active = 1',
      )
      .all(backendId)
      .map((row) => row.relative_path)
  }

  /** Every active file with the root of its backend, for checking the library on disk. */
  activeLocalFilesWithRoots(): { file: LocalFile; root: string }[] {
    return this.db
      .prepare<[], LocalFileRow & { root: string }>(
        `SELECT f.*, b.root FROM local_files f JOIN storage_backends b ON b.id = f.backend_id
         WHERE f.active = 1 ORDER BY f.id`,
      )
      .all()
      .map((row) => ({ file: toLocalFile(row), root: row.root }))
  }

  /** The song that owns this path of a backend (a file, or a download reserved there). */
  songAtPath(backendId: number, relativePath: string): number | null {
    const row = this.db
      .prepare<[number, string], { song_id: number }>(
        'SELECT song_id FROM local_files WHERE backend_id = ? AND relative_path = ?',
      )
      .get(backendId, relativePath)
    return row?.song_id ?? null
  }

  /**
   * Claims a path for a song before its transfer starts (an inactive row), so that a file left
   * at that path by a crash between the rename and the record is known to be this song's.
   */
  reservePath(songId: number, backendId: number, relativePath: string): void {
    const now = this.now()
    this.db
      .prepare(
        `INSERT INTO local_files (song_id, backend_id, relative_path, size_bytes, active, created_at,
           updated_at) VALUES (?, ?, ?, 0, 0, ?, ?)
         ON CONFLICT (backend_id, relative_path) DO NOTHING`,
      )
      .run(songId, backendId, relativePath, now, now)
  }

  /** "Already downloaded": the song has at least one active file in some library root. */
  songHasActiveLocalFile(songId: number): boolean {
    return (
      this.db
        .prepare<[number], { found: number }>(
          'SELECT EXISTS (SELECT 1 FROM local_files WHERE song_id = ? AND active = 1) AS found',
        )
        .get(songId)?.found === 1
    )
  }
}
