import type { FileHandle } from 'node:fs/promises'
import { AUDIO_FORMATS, type AudioFormat } from '../../../shared/audio-formats'
import { tracksAreAudioOnly, type ByteReader } from './container-tracks'

/** file-type's reasonableDetectionSizeInBytes: what it needs to see every format it knows. */
export const DETECTION_BYTES = 4100

type DetectFileType = (head: Uint8Array) => Promise<{ ext: string; mime: string } | undefined>
let detectOnce: Promise<DetectFileType> | null = null

// file-type is ESM only; like music-metadata it is loaded with a dynamic import(), which works
// from our CommonJS CLI build and from Electron's main bundle, and only when a file is checked.
function loadDetector(): Promise<DetectFileType> {
  detectOnce ??= import('file-type').then((module) => module.fileTypeFromBuffer)
  return detectOnce
}

/** file-type's answers that are an audio container whatever they hold. */
const AUDIO_TYPES: Readonly<Record<string, AudioFormat>> = {
  mp1: 'mp3',
  mp2: 'mp3',
  mp3: 'mp3',
  aac: 'aac',
  flac: 'flac',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  spx: 'ogg',
  m4a: 'm4a',
  m4b: 'm4a',
  m4p: 'm4a',
  f4a: 'm4a',
  f4b: 'm4a',
  wav: 'wav',
  aif: 'aiff',
  ape: 'ape',
  wv: 'wv',
  mpc: 'mpc',
  dsf: 'dsf',
  dff: 'dff',
}

/**
 * Containers that hold audio or video: file-type names them by their brand or doctype only, so
 * their track list decides (see container-tracks.ts). An ASF file's stream headers sit in its
 * head, and file-type already tells audio ASF (wma) from video by its MIME type.
 */
const MIXED_TYPES: Readonly<Record<string, AudioFormat>> = {
  mp4: 'm4a',
  mov: 'm4a',
  m4v: 'm4a',
  '3gp': 'm4a',
  '3g2': 'm4a',
  f4v: 'm4a',
  webm: 'webm',
  mkv: 'mka',
}

/**
 * The audio container a file holds, or null for anything else (a page, JSON, XML, an image,
 * a video). `source` is the whole file, open or in memory: MP4 files often keep their track
 * list at the end.
 */
export async function detectAudioFormat(
  source: Uint8Array | FileHandle,
): Promise<AudioFormat | null> {
  const reader = source instanceof Uint8Array ? bufferReader(source) : await fileReader(source)
  const type = await (await loadDetector())(await reader.read(0, DETECTION_BYTES))
  if (type === undefined) return null
  const audio = AUDIO_TYPES[type.ext]
  if (audio !== undefined) return audio
  if (type.ext === 'asf') return type.mime.startsWith('audio/') ? 'wma' : null
  const mixed = MIXED_TYPES[type.ext]
  if (mixed === undefined) return null
  return (await tracksAreAudioOnly(reader, mixed === 'm4a' ? 'mp4' : 'matroska')) ? mixed : null
}

/** The accepted containers, for the message that refuses a file: "mp3, aac, … or dff". */
export const EXPECTED_FORMATS = `${AUDIO_FORMATS.slice(0, -1).join(', ')} or ${AUDIO_FORMATS.at(-1)}`

/** The first bytes as hex, for an error message that shows what arrived instead. */
export function describeHead(head: Uint8Array): string {
  if (head.length === 0) return 'an empty file'
  return `bytes ${Buffer.from(head.subarray(0, 8))
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ')}`
}

function bufferReader(bytes: Uint8Array): ByteReader {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  }
}

async function fileReader(handle: FileHandle): Promise<ByteReader> {
  const { size } = await handle.stat()
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      return buffer.subarray(0, bytesRead)
    },
  }
}
