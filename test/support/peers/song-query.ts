import type { SongQuery } from '../../../src/main/core/matching/candidate'

/** A query as an import would make it, with only the fields a test cares about set. */
export function songQuery(
  title: string,
  artists: string[],
  fields: Partial<SongQuery> = {},
): SongQuery {
  return {
    title,
    artists,
    album: null,
    durationMs: null,
    isrc: null,
    sourceId: null,
    platform: null,
    location: null,
    playlistDir: null,
    ...fields,
  }
}

/** A signal nobody aborts, for calls that must simply finish. */
export const noAbort = (): AbortSignal => new AbortController().signal
