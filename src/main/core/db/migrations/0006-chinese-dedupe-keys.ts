import { z } from 'zod'
import { normalizeArtists, normalizeText } from '../../text'
import type { Migration } from '../migration'

const SEPARATOR = '\u001f'
const Artists = z.array(z.string())

interface SongKeyRow {
  id: number
  name: string
  artists_json: string
  dedupe_key: string
}

// `normalizeText` now folds traditional Chinese to simplified (and reads control characters as
// spaces), so every song's dedupe key is recomputed the way catalog/song-identity's
// `songDedupeKey` builds it (the migration test checks the two agree; the db layer may not
// import the catalog layer). Only keys that change are rewritten. Two songs whose keys now collide (愛情 and 爱情 by one artist) both keep their
// rows, ids, files and playlist places: nothing is merged behind the user's back. The
// non-unique key index allows it, and a later import finds the older (lower id) one first.
// A row whose artists do not parse keeps its key rather than failing the whole upgrade.
export const chineseDedupeKeys: Migration = {
  version: 6,
  name: 'chinese dedupe keys',
  up(db) {
    const rows = db
      .prepare<[], SongKeyRow>('SELECT id, name, artists_json, dedupe_key FROM songs')
      .all()
    const update = db.prepare<[string, number]>('UPDATE songs SET dedupe_key = ? WHERE id = ?')
    for (const row of rows) {
      const artists = Artists.safeParse(safeJson(row.artists_json))
      if (!artists.success) continue
      const key = [normalizeText(row.name), ...normalizeArtists(artists.data)].join(SEPARATOR)
      if (key !== row.dedupe_key) update.run(key, row.id)
    }
  },
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
