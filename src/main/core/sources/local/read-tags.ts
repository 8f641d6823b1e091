import { basename, extname } from 'node:path'
import type { IAudioMetadata } from 'music-metadata'
import type { FileTags } from '../../catalog'

/** A user-defined text tag (ID3 TXXX, Vorbis comment, MP4 freeform atom) of this name. */
export const SOURCE_ID_TAG = 'CATALOGSYNC_SOURCE_ID'

type ParseFile = (path: string, options: { skipCovers: boolean }) => Promise<IAudioMetadata>
let parseFileOnce: Promise<ParseFile> | null = null

// music-metadata is ESM only; loaded on first use, so commands that read no tags never pay
// for it. A dynamic import() works from our CommonJS build, and bundlers keep it as one.
function loadParser(): Promise<ParseFile> {
  parseFileOnce ??= import('music-metadata').then((module) => module.parseFile)
  return parseFileOnce
}

/** "03 - Hello" → "Hello": the title a file without tags most likely has. */
function titleFromName(path: string): string {
  const stem = basename(path, extname(path))
  return stem.replace(/^\d{1,3}\s*[-._)]?\s+/, '').trim() || stem
}

function artistsOf(common: IAudioMetadata['common']): string[] {
  // `artist` is the tag as written ("AC/DC" stays one band); `artists` may split it on "/".
  if (common.artist) return [common.artist]
  return common.artists?.filter(Boolean) ?? []
}

/** The first native tag, in any tag format, whose name ends in SOURCE_ID_TAG. */
function sourceTagOf(native: IAudioMetadata['native'] | undefined): string | null {
  for (const tags of Object.values(native ?? {})) {
    for (const tag of tags) {
      const name = tag.id.slice(tag.id.lastIndexOf(':') + 1).toUpperCase()
      if (name === SOURCE_ID_TAG && typeof tag.value === 'string' && tag.value.trim()) {
        return tag.value.trim()
      }
    }
  }
  return null
}

/** The tags of one file; a file whose tags cannot be read is named by its file name. */
export async function readTags(path: string): Promise<FileTags> {
  const parseFile = await loadParser()
  const metadata = await parseFile(path, { skipCovers: true }).catch(() => null)
  const common = metadata?.common
  const seconds = metadata?.format.duration
  return {
    title: common?.title?.trim() || titleFromName(path),
    artists: common ? artistsOf(common) : [],
    album: common?.album?.trim() || null,
    durationMs: seconds && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
    isrc: common?.isrc?.[0] ?? null,
    sourceTag: sourceTagOf(metadata?.native),
  }
}
