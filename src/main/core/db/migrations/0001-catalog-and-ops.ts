import type { Migration } from '../migration'

// Times are milliseconds since the epoch; JSON columns hold snapshots the code validates.
export const catalogAndOps: Migration = {
  version: 1,
  name: 'catalog and ops',
  up(db) {
    db.exec(`
      CREATE TABLE playlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        source_format TEXT,
        source_path TEXT,
        platform TEXT,
        external_id TEXT,
        imported_at INTEGER NOT NULL,
        last_synced_at INTEGER
      ) STRICT;
      CREATE INDEX playlists_by_external ON playlists (platform, external_id)
        WHERE external_id IS NOT NULL;
      CREATE INDEX playlists_by_source_path ON playlists (source_path)
        WHERE source_path IS NOT NULL;

      CREATE TABLE songs (
        id INTEGER PRIMARY KEY,
        platform TEXT,
        external_id TEXT,
        name TEXT NOT NULL,
        singers TEXT NOT NULL DEFAULT '',
        artists_json TEXT NOT NULL DEFAULT '[]',
        album TEXT,
        duration_ms INTEGER,
        isrc TEXT,
        ext TEXT,
        file_size_bytes INTEGER,
        metadata_json TEXT NOT NULL DEFAULT '{}',
        dedupe_key TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX songs_by_external ON songs (platform, external_id)
        WHERE platform IS NOT NULL AND external_id IS NOT NULL;
      CREATE INDEX songs_by_dedupe_key ON songs (dedupe_key);
      CREATE INDEX songs_by_isrc ON songs (isrc) WHERE isrc IS NOT NULL;

      CREATE TABLE playlist_songs (
        playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        song_id INTEGER NOT NULL REFERENCES songs (id),
        PRIMARY KEY (playlist_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX playlist_songs_by_song ON playlist_songs (song_id);

      CREATE TABLE storage_backends (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('local')),
        name TEXT NOT NULL,
        root TEXT NOT NULL UNIQUE,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX storage_backends_one_default ON storage_backends (is_default)
        WHERE is_default = 1;

      CREATE TABLE local_files (
        id INTEGER PRIMARY KEY,
        song_id INTEGER NOT NULL REFERENCES songs (id),
        backend_id INTEGER NOT NULL REFERENCES storage_backends (id),
        relative_path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        content_hash TEXT,
        source_id TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (backend_id, relative_path)
      ) STRICT;
      CREATE INDEX local_files_by_song ON local_files (song_id, active);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN
          ('pending', 'running', 'pause_requested', 'paused', 'canceled', 'succeeded', 'failed')),
        state_reason TEXT,
        options_json TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX jobs_by_state ON jobs (state);

      CREATE TABLE job_stages (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('import', 'snapshot', 'download')),
        state TEXT NOT NULL CHECK (state IN
          ('pending', 'running', 'succeeded', 'failed', 'canceled')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (job_id, position)
      ) STRICT;

      CREATE TABLE stage_items (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES job_stages (id) ON DELETE CASCADE,
        job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        song_id INTEGER NOT NULL REFERENCES songs (id),
        playlist_id INTEGER REFERENCES playlists (id) ON DELETE SET NULL,
        state TEXT NOT NULL CHECK (state IN
          ('pending', 'resolving', 'ready', 'downloading', 'succeeded', 'failed', 'skipped')),
        worker_name TEXT,
        lease_expires_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        message TEXT,
        result_json TEXT,
        resolved_payload_json TEXT,
        payload_expires_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (stage_id, song_id)
      ) STRICT;
      CREATE INDEX stage_items_claim ON stage_items (stage_id, state, id);
      CREATE INDEX stage_items_by_job_state ON stage_items (job_id, state);
      CREATE INDEX stage_items_leases ON stage_items (state, lease_expires_at)
        WHERE state IN ('resolving', 'downloading');

      CREATE TABLE workers (
        job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('single', 'resolve', 'download')),
        status TEXT NOT NULL,
        item_id INTEGER,
        song_id INTEGER,
        playlist_id INTEGER,
        display_text TEXT NOT NULL DEFAULT '',
        progress_text TEXT NOT NULL DEFAULT '',
        downloaded_bytes INTEGER NOT NULL DEFAULT 0,
        total_bytes INTEGER,
        speed_bytes_per_sec REAL NOT NULL DEFAULT 0,
        percent REAL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (job_id, name)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
