/** Random access to a file's bytes; a read past the end returns fewer bytes. */
export interface ByteReader {
  size: number
  read(offset: number, length: number): Promise<Uint8Array>
}

interface Box {
  id: number | string
  /** Where the payload starts and ends. */
  start: number
  end: number
}

/** Enough boxes or elements for any real file's track list; a bound against crafted input. */
const MAX_STEPS = 4096

/**
 * Whether an MP4 or Matroska/WebM file holds at least one audio track and no video track.
 * Decided from the container's own track list (MP4: each trak's hdlr handler type, `soun` or
 * `vide`; Matroska: each TrackEntry's TrackType, 2 audio or 1 video), not from the brand or
 * doctype, which say "video" for audio-only WebM and MP4 too. Subtitle or data tracks beside
 * the audio are allowed; a cover picture is an attachment, not a track. A file whose track
 * list cannot be read is refused.
 */
export async function tracksAreAudioOnly(
  reader: ByteReader,
  container: 'mp4' | 'matroska',
): Promise<boolean> {
  const kinds = container === 'mp4' ? await mp4TrackKinds(reader) : await matroskaTrackKinds(reader)
  return kinds.includes('audio') && !kinds.includes('video')
}

type TrackKind = 'audio' | 'video' | 'other'

async function mp4TrackKinds(reader: ByteReader): Promise<TrackKind[]> {
  const kinds: TrackKind[] = []
  for (const moov of await children(reader, 0, reader.size, mp4Box, 'moov')) {
    for (const trak of await children(reader, moov.start, moov.end, mp4Box, 'trak')) {
      for (const mdia of await children(reader, trak.start, trak.end, mp4Box, 'mdia')) {
        for (const hdlr of await children(reader, mdia.start, mdia.end, mp4Box, 'hdlr')) {
          // FullBox version and flags, pre_defined, then the handler type.
          const handler = latin1(await reader.read(hdlr.start + 8, 4))
          kinds.push(handler === 'soun' ? 'audio' : handler === 'vide' ? 'video' : 'other')
        }
      }
    }
  }
  return kinds
}

const EBML = { segment: 0x18538067, tracks: 0x1654ae6b, trackEntry: 0xae, trackType: 0x83 }

async function matroskaTrackKinds(reader: ByteReader): Promise<TrackKind[]> {
  const kinds: TrackKind[] = []
  for (const segment of await children(reader, 0, reader.size, ebmlElement, EBML.segment)) {
    for (const tracks of await children(
      reader,
      segment.start,
      segment.end,
      ebmlElement,
      EBML.tracks,
    )) {
      const entries = await children(reader, tracks.start, tracks.end, ebmlElement, EBML.trackEntry)
      for (const entry of entries) {
        for (const type of await children(
          reader,
          entry.start,
          entry.end,
          ebmlElement,
          EBML.trackType,
        )) {
          const value = await reader.read(type.start, type.end - type.start)
          const kind = value.reduce((sum, byte) => sum * 256 + byte, 0)
          kinds.push(kind === 2 ? 'audio' : kind === 1 ? 'video' : 'other')
        }
      }
    }
  }
  return kinds
}

type ParseBox = (reader: ByteReader, offset: number, end: number) => Promise<Box | null>

/** The boxes with `id` directly inside [start, end). */
async function children(
  reader: ByteReader,
  start: number,
  end: number,
  parse: ParseBox,
  id: number | string,
): Promise<Box[]> {
  const found: Box[] = []
  let offset = start
  for (let step = 0; step < MAX_STEPS && offset < end; step += 1) {
    const box = await parse(reader, offset, end)
    if (box === null || box.end <= offset) break
    if (box.id === id) found.push(box)
    offset = box.end
  }
  return found
}

/** An ISO-BMFF box header: 32-bit size (1: a 64-bit size follows; 0: to the end), then type. */
async function mp4Box(reader: ByteReader, offset: number, end: number): Promise<Box | null> {
  const header = await reader.read(offset, 16)
  if (header.length < 8) return null
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  const size32 = view.getUint32(0)
  const id = latin1(header.subarray(4, 8))
  if (size32 === 1) {
    if (header.length < 16) return null
    const size = Number(view.getBigUint64(8))
    return size < 16 ? null : { id, start: offset + 16, end: Math.min(end, offset + size) }
  }
  if (size32 === 0) return { id, start: offset + 8, end }
  return size32 < 8 ? null : { id, start: offset + 8, end: Math.min(end, offset + size32) }
}

/** An EBML element header: a variable-length ID (marker kept), then a variable-length size. */
async function ebmlElement(reader: ByteReader, offset: number, end: number): Promise<Box | null> {
  const header = await reader.read(offset, 12)
  const id = readVint(header, 0, true)
  if (id === null || id.length > 4) return null
  const size = readVint(header, id.length, false)
  if (size === null) return null
  const start = offset + id.length + size.length
  // All size bits set means "unknown size" (a live stream's Segment): it runs to the parent's end.
  const unknown = size.value === 2 ** (7 * size.length) - 1
  return { id: id.value, start, end: unknown ? end : Math.min(end, start + size.value) }
}

/** A variable-length integer and its length; an ID keeps its marker bit, a size drops it. */
function readVint(
  bytes: Uint8Array,
  offset: number,
  keepMarker: boolean,
): { value: number; length: number } | null {
  const first = bytes[offset]
  if (first === undefined || first === 0) return null
  const length = Math.clz32(first) - 23
  if (offset + length > bytes.length) return null
  let value = keepMarker ? first : first & (0xff >> length)
  for (let index = 1; index < length; index += 1) value = value * 256 + (bytes[offset + index] ?? 0)
  return { value, length }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1')
}
