export type AudioFormat = 'mp3' | 'flac' | 'ogg' | 'm4a' | 'wav'

/** Bytes needed from the start of a file to recognise every format below. */
export const MAGIC_BYTES = 12

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean =>
  bytes.length >= offset + text.length &&
  [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0))

/**
 * The audio container a file starts with, or null. Ogg covers Vorbis and Opus; an MPEG frame
 * sync (11 set bits) covers mp3 without an ID3 tag and ADTS AAC.
 */
export function detectAudioFormat(head: Uint8Array): AudioFormat | null {
  if (ascii(head, 0, 'ID3')) return 'mp3'
  if (ascii(head, 0, 'fLaC')) return 'flac'
  if (ascii(head, 0, 'OggS')) return 'ogg'
  if (ascii(head, 4, 'ftyp')) return 'm4a'
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav'
  const [first, second] = head
  if (first === 0xff && second !== undefined && (second & 0xe0) === 0xe0) return 'mp3'
  return null
}

/** The first bytes as hex, for an error message that shows what arrived instead. */
export function describeHead(head: Uint8Array): string {
  if (head.length === 0) return 'an empty file'
  return `bytes ${Buffer.from(head.subarray(0, 8))
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ')}`
}
