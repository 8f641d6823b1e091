import { randomBytes } from 'node:crypto'

// Each head is what the container detector needs to see: an mp3 is an ID3 tag followed by an
// MPEG frame header, an Ogg page names its codec (Vorbis) at byte 28.
const MAGIC = {
  mp3: Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64', 'latin1'),
  flac: Buffer.from('fLaC', 'latin1'),
  ogg: Buffer.concat([
    Buffer.from('OggS\x00\x02', 'latin1'),
    Buffer.alloc(22),
    Buffer.from('\x01vorbis', 'latin1'),
  ]),
  m4a: Buffer.from('\x00\x00\x00\x20ftypM4A ', 'latin1'),
  wav: Buffer.from('RIFF\x00\x00\x00\x00WAVE', 'latin1'),
}

/** Random bytes behind the right magic: enough for the engine to take them as audio. */
export function fakeAudio(sizeBytes: number, format: keyof typeof MAGIC = 'mp3'): Buffer {
  const magic = MAGIC[format]
  return Buffer.concat([magic, randomBytes(Math.max(0, sizeBytes - magic.length))])
}
