import { FormatProblem } from './errors'
import { isRecord, serviceError } from './json-document'
import type { JsonRecord } from './json-document'
import {
  buildTrack,
  cleanArtists,
  cleanSourceId,
  cleanText,
  durationFromSeconds,
  otherFields,
} from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'

// singer/album stay in the snapshot whole: they carry the ids.
const MAPPED_OLD = new Set(['songname', 'albumname', 'songmid', 'interval'])
const MAPPED_NEW = new Set(['title', 'mid', 'interval'])

function singerNames(value: unknown): string[] {
  const singers = Array.isArray(value) ? value : []
  return cleanArtists(singers.map((singer: unknown) => (isRecord(singer) ? singer.name : null)))
}

/** The old shape (songname/songmid/albumname) and the new one (title/mid/album.name). */
function qqTrack(song: JsonRecord): ParsedTrack {
  const old = 'songname' in song
  const album = song.album
  return buildTrack({
    title: old ? song.songname : (song.title ?? song.name),
    artists: singerNames(song.singer),
    album: old ? song.albumname : isRecord(album) ? album.name : null,
    durationMs: durationFromSeconds(song.interval),
    sourceId: old ? song.songmid : song.mid,
    extra: otherFields(song, old ? MAPPED_OLD : MAPPED_NEW),
  })
}

function firstDisc(document: JsonRecord): { disc: JsonRecord; songs: unknown[] } {
  const cdlist = document.cdlist
  const disc: unknown = Array.isArray(cdlist) ? cdlist[0] : undefined
  if (!isRecord(disc) || !Array.isArray(disc.songlist)) {
    throw new FormatProblem('response has no song list', { field: 'cdlist[0].songlist' })
  }
  return { disc, songs: disc.songlist }
}

/** QQ Music playlist (cdlist) response; JSONP wrapping is removed before this. */
export function parseQqJson(document: JsonRecord): ParsedBody {
  if ('code' in document && document.code !== 0) throw serviceError('QQ Music', document)
  const { disc, songs } = firstDisc(document)
  const tracks = songs.map((song: unknown, i) => {
    if (!isRecord(song)) {
      throw new FormatProblem('is not an object', { field: `cdlist[0].songlist[${i}]` })
    }
    return qqTrack(song)
  })
  return {
    platform: 'qq',
    playlists: [
      {
        name: cleanText(disc.dissname),
        sourceId: cleanSourceId(disc.disstid ?? disc.dissid),
        tracks,
      },
    ],
  }
}
