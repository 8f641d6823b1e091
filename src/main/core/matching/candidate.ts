/** What the export said about a song: everything a source may use to find it. */
export interface SongQuery {
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc: string | null
  /** The catalogue id from the export (Spotify URI, NetEase id, …). */
  sourceId: string | null
  platform: string | null
  /** The track's own location from the export (URL or path), if any. */
  location: string | null
  /** Folder of the playlist file, for relative locations. */
  playlistDir: string | null
}

/** One track a source offers for a query. */
export interface Candidate {
  /** The source's own id for the track (Subsonic song id, file path, URL…). */
  trackId: string
  title: string
  artists: string[]
  album: string | null
  durationMs: number | null
  isrc?: string | null
  /**
   * The channel or uploader, for a video site's results. Its presence says that artists are
   * often named only in the title, so a result naming none of the query's is evidence against.
   */
  channel?: string | null
}

export interface ScoredCandidate extends Candidate {
  /** 0..1; 1 is a perfect match. */
  score: number
}
