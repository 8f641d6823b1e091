import type * as Taglib from 'node-taglib-sharp'
import { SOURCE_ID_TAG } from '../sources'
import type { AudioFormat } from '../transfer'
import type { CoverImage } from './cover-art'
import type { SongTags } from './song-tags'

export type TaggableFormat = Extract<AudioFormat, 'mp3' | 'flac' | 'ogg' | 'm4a'>

// The container is told, not guessed from the extension: a file named .mp3 may hold FLAC.
const TAGLIB_TYPES: Record<TaggableFormat, string> = {
  mp3: 'taglib/mp3',
  flac: 'taglib/flac',
  ogg: 'taglib/ogg',
  m4a: 'taglib/m4a',
}

let taglibOnce: Promise<typeof Taglib> | null = null

// Loading the library takes about a second: a sync that writes no tags, and the CLI's start, skip it.
function loadTaglib(): Promise<typeof Taglib> {
  taglibOnce ??= import('node-taglib-sharp')
  return taglibOnce
}

export function isTaggable(format: AudioFormat | null): format is TaggableFormat {
  return format !== null && Object.hasOwn(TAGLIB_TYPES, format)
}

function setKnown(tag: Taglib.Tag, tags: SongTags): void {
  if (tags.title) tag.title = tags.title
  if (tags.artists.length > 0) tag.performers = tags.artists
  if (tags.album) tag.album = tags.album
  if (tags.isrc) tag.isrc = tags.isrc
  if (tags.track !== null) tag.track = tags.track
  if (tags.trackCount !== null) tag.trackCount = tags.trackCount
  if (tags.disc !== null) tag.disc = tags.disc
  if (tags.discCount !== null) tag.discCount = tags.discCount
}

/** A user-defined text tag in each container's own form: ID3 TXXX, Vorbis comment, MP4 atom. */
function setSourceTag(
  lib: typeof Taglib,
  file: Taglib.File,
  format: TaggableFormat,
  value: string,
): void {
  const { TagTypes } = lib
  if (format === 'mp3') {
    const id3 = file.getTag(TagTypes.Id3v2, true) as Taglib.Id3v2Tag
    const frames = id3.getFramesByClassType<Taglib.Id3v2UserTextInformationFrame>(
      lib.Id3v2FrameClassType.UserTextInformationFrame,
    )
    const existing = lib.Id3v2UserTextInformationFrame.findUserTextInformationFrame(
      frames,
      SOURCE_ID_TAG,
      false,
    )
    const frame = existing ?? lib.Id3v2UserTextInformationFrame.fromDescription(SOURCE_ID_TAG)
    if (!existing) id3.addFrame(frame)
    frame.text = [value]
  } else if (format === 'm4a') {
    const apple = file.getTag(TagTypes.Apple, true) as Taglib.Mpeg4AppleTag
    apple.setItunesStrings('com.apple.iTunes', SOURCE_ID_TAG, value)
  } else {
    const xiph = file.getTag(TagTypes.Xiph, true) as Taglib.XiphComment
    xiph.setFieldAsStrings(SOURCE_ID_TAG, value)
  }
}

/**
 * Writes the tags (and the cover as the front picture) into the file in place. Only the tag
 * blocks change; the audio frames are left byte for byte. Fields the song does not know keep
 * what the file already says.
 */
export async function writeTags(
  path: string,
  format: TaggableFormat,
  tags: SongTags,
  cover: CoverImage | null,
): Promise<void> {
  const lib = await loadTaglib()
  const { ByteVector, File, Picture, PictureType, ReadStyle } = lib
  const file = File.createFromPath(path, TAGLIB_TYPES[format], ReadStyle.None)
  try {
    setKnown(file.tag, tags)
    if (tags.sourceTag) setSourceTag(lib, file, format, tags.sourceTag)
    if (cover) {
      const data = ByteVector.fromByteArray(cover.data)
      file.tag.pictures = [Picture.fromFullData(data, PictureType.FrontCover, cover.mimeType, '')]
    }
    file.save()
  } finally {
    file.dispose()
  }
}
