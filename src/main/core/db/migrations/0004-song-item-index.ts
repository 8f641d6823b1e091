import type { Migration } from '../migration'

// A song's state is its newest item's state: without this index each lookup scans every item,
// which made a 50,000-song playlist page (and its state filter) quadratic.
export const songItemIndex: Migration = {
  version: 4,
  name: 'song item index',
  up(db) {
    db.exec('CREATE INDEX stage_items_by_song ON stage_items (song_id, id)')
  },
}
