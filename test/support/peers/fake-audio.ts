import { randomBytes } from 'node:crypto'

const MAGIC = {
  mp3: Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
  flac: Buffer.from('fLaC', 'latin1'),
  ogg: Buffer.from('OggS', 'latin1'),
  m4a: Buffer.from('\x00\x00\x00\x20ftypM4A ', 'latin1'),
  wav: Buffer.from('RIFF\x00\x00\x00\x00WAVE', 'latin1'),
}

/** Random bytes behind the right magic: enough for the engine to take them as audio. */
export function fakeAudio(sizeBytes: number, format: keyof typeof MAGIC = 'mp3'): Buffer {
  const magic = MAGIC[format]
  return Buffer.concat([magic, randomBytes(Math.max(0, sizeBytes - magic.length))])
}
