import type { IndexedFile } from '../../catalog'
import type { Candidate } from '../../matching'
/** An indexed file as a match candidate; its path is its track id. */
export type IndexedCandidate = Candidate & { file: IndexedFile }

export function indexedCandidate(file: IndexedFile): IndexedCandidate {
  const { path, title, artists, album, durationMs, isrc } = file
  return { trackId: path, title, artists, album, durationMs, isrc, file }
}
