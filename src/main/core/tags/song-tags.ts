import type { DownloadRow } from '../ops'
import { exportFields, type ExportFields } from './export-fields'

/** What a downloaded file's tags should say; a null (or empty) field keeps what the file has. */
export interface SongTags extends Omit<ExportFields, 'coverUrl'> {
  title: string | null
  artists: string[]
  album: string | null
  isrc: string | null
  /** `<platform>:<id>` from the export, so a later library check knows the file by its id. */
  sourceTag: string | null
  /** Where the cover picture may be fetched, best first (the export's, then the source's). */
  coverUrls: string[]
}

/** `<platform>:<id>`; an id that already names its platform (a Spotify URI) stays as it is. */
function sourceTagOf(platform: string | null, externalId: string | null): string | null {
  if (!externalId) return null
  if (!platform || externalId.startsWith(`${platform}:`)) return externalId
  return `${platform}:${externalId}`
}

/** The tags for a catalog song, from its columns and the export snapshot. */
export function songTags(row: DownloadRow, sourceCoverUrl: string | null = null): SongTags {
  const { coverUrl, ...numbers } = exportFields(row.metadata)
  return {
    title: row.metadata.titleGuessed === true ? null : row.name,
    artists: row.artists,
    album: row.album,
    isrc: row.isrc,
    sourceTag: sourceTagOf(row.platform, row.externalId),
    ...numbers,
    coverUrls: [coverUrl, sourceCoverUrl].filter((url): url is string => url !== null),
  }
}
