import type { CatalogDatabase } from '../db'
import { systemClock, type Clock } from '../util'
import type { RemovalPolicy } from '../../../shared/removal-policy'

/** A song some playlists dropped, with every policy of a playlist still waiting to act on it. */
export interface PendingRemoval {
  songId: number
  policies: RemovalPolicy[]
}

export type RemovalActionKind = 'archived' | 'deleted'

export interface RemovalAction {
  songId: number
  action: RemovalActionKind
  fromPath: string
  /** Where an archived file went; null for a deletion. */
  toPath: string | null
}

/** The removals re-imports recorded, which of them a policy acted on, and what it did. */
export class RemovalRepository {
  constructor(
    private readonly db: CatalogDatabase,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * Songs dropped (and not yet acted on) by these playlists (all when none are named) that no
   * playlist lists any more, each with the policies of every playlist waiting on it.
   */
  pendingUnlisted(playlistIds: readonly number[] = []): PendingRemoval[] {
    const filter = playlistIds.length
      ? `AND r.song_id IN (SELECT song_id FROM playlist_song_removals
           WHERE applied_at IS NULL AND playlist_id IN (${playlistIds.map(() => '?').join(', ')}))`
      : ''
    return this.db
      .prepare<number[], { songId: number; policies: string }>(
        `SELECT r.song_id AS songId, json_group_array(p.removal_policy) AS policies
         FROM playlist_song_removals r JOIN playlists p ON p.id = r.playlist_id
         WHERE r.applied_at IS NULL ${filter}
           AND NOT EXISTS (SELECT 1 FROM playlist_songs ps WHERE ps.song_id = r.song_id)
         GROUP BY r.song_id ORDER BY r.song_id`,
      )
      .all(...playlistIds)
      .map((row) => ({ songId: row.songId, policies: JSON.parse(row.policies) as RemovalPolicy[] }))
  }

  /** The song's removals are done with: the next sync does not act on them again. */
  markApplied(songId: number): void {
    this.db
      .prepare(
        'UPDATE playlist_song_removals SET applied_at = ? WHERE song_id = ? AND applied_at IS NULL',
      )
      .run(this.now(), songId)
  }

  recordAction(jobId: number | null, action: RemovalAction): void {
    this.db
      .prepare(
        `INSERT INTO removal_actions (job_id, song_id, action, from_path, to_path, acted_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(jobId, action.songId, action.action, action.fromPath, action.toPath, this.now())
  }
}
