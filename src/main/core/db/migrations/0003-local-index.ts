import type { Migration } from '../migration'

// The tags of files in `local` source folders, so a re-scan only reads files whose size or
// modification time changed. Keyed by source id, so two sources never share rows.
export const localIndex: Migration = {
  version: 3,
  name: 'local index',
  up(db) {
    db.exec(`
      CREATE TABLE local_index (
        source_id TEXT NOT NULL,
        path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        title TEXT NOT NULL,
        artists_json TEXT NOT NULL DEFAULT '[]',
        album TEXT,
        duration_ms INTEGER,
        isrc TEXT,
        indexed_at INTEGER NOT NULL,
        PRIMARY KEY (source_id, path)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
