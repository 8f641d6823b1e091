import type { Migration } from '../migration'

// Tracks a re-import dropped from a playlist: kept so the removal policy can act on them later
// and the window can show them; a file is never deleted just because a track was removed.
export const playlistRemovals: Migration = {
  version: 2,
  name: 'playlist removals',
  up(db) {
    db.exec(`
      CREATE TABLE playlist_song_removals (
        playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
        song_id INTEGER NOT NULL REFERENCES songs (id),
        removed_at INTEGER NOT NULL,
        PRIMARY KEY (playlist_id, song_id)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
