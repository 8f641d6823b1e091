import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
/** The tags read from one audio file. */
export interface FileTags {
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc: string | null
  /** The song's `<platform>:<id>` as written to the `CATALOGSYNC_SOURCE_ID` tag, if any. */
  sourceTag: string | null
}

/** What was last read from one file: its identity on disk and its tags. */
export interface IndexedFile extends FileTags {
  path: string
  sizeBytes: number
  mtimeMs: number
}

interface IndexRow {
  path: string
  size_bytes: number
  mtime_ms: number
  title: string
  artists_json: string
  album: string | null
  duration_ms: number | null
  isrc: string | null
  source_tag: string | null
}

function parseArtists(json: string): string[] {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

/** The `local_index` table: one source's tag cache. */
export class LocalIndexRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  files(sourceId: string): IndexedFile[] {
    return this.db
      .prepare<[string], IndexRow>(
        `SELECT path, size_bytes, mtime_ms, title, artists_json, album, duration_ms, isrc,
           source_tag FROM local_index WHERE source_id = ?`,
      )
      .all(sourceId)
      .map((row) => ({
        path: row.path,
        sizeBytes: row.size_bytes,
        mtimeMs: row.mtime_ms,
        title: row.title,
        artists: parseArtists(row.artists_json),
        album: row.album,
        durationMs: row.duration_ms,
        isrc: row.isrc,
        sourceTag: row.source_tag,
      }))
  }

  /** Writes the new entries and drops the vanished paths, all in one transaction. */
  update(sourceId: string, upserts: readonly IndexedFile[], removals: readonly string[]): void {
    if (upserts.length === 0 && removals.length === 0) return
    const upsert = this.db.prepare(
      `INSERT INTO local_index (source_id, path, size_bytes, mtime_ms, title, artists_json, album,
         duration_ms, isrc, source_tag, indexed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, path) DO UPDATE SET size_bytes = excluded.size_bytes,
         mtime_ms = excluded.mtime_ms, title = excluded.title, artists_json = excluded.artists_json,
         album = excluded.album, duration_ms = excluded.duration_ms, isrc = excluded.isrc,
         source_tag = excluded.source_tag, indexed_at = excluded.indexed_at`,
    )
    const remove = this.db.prepare('DELETE FROM local_index WHERE source_id = ? AND path = ?')
    const now = this.now()
    this.db.transaction(() => {
      for (const file of upserts) {
        upsert.run(
          sourceId,
          file.path,
          file.sizeBytes,
          file.mtimeMs,
          file.title,
          JSON.stringify(file.artists),
          file.album,
          file.durationMs,
          file.isrc,
          file.sourceTag,
          now,
        )
      }
      for (const path of removals) remove.run(sourceId, path)
    })
  }
}
