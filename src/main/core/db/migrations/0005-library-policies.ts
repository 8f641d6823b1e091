import type { Migration } from '../migration'

// Per-playlist removal policies and a record of what they did, so each removal is acted on
// once and every move or deletion can be listed; and the source id a file's tags carry, so the
// library check can recognise a file by it.
export const libraryPolicies: Migration = {
  version: 5,
  name: 'library policies',
  up(db) {
    db.exec(`
      ALTER TABLE playlists ADD COLUMN removal_policy TEXT NOT NULL DEFAULT 'keep'
        CHECK (removal_policy IN ('keep', 'archive', 'delete'));
      ALTER TABLE playlist_song_removals ADD COLUMN applied_at INTEGER;
      ALTER TABLE local_index ADD COLUMN source_tag TEXT;

      CREATE TABLE removal_actions (
        id INTEGER PRIMARY KEY,
        job_id INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
        song_id INTEGER NOT NULL REFERENCES songs (id),
        action TEXT NOT NULL CHECK (action IN ('archived', 'deleted')),
        from_path TEXT NOT NULL,
        to_path TEXT,
        acted_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX removal_actions_by_job ON removal_actions (job_id);
    `)
  },
}
