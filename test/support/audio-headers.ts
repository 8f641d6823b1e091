// Minimal valid headers of the containers ffmpeg cannot write, built from each format's spec,
// followed by a little silence.

const u16le = (value: number): Buffer => Buffer.from([value & 0xff, value >> 8])
const u32le = (value: number): Buffer => {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32LE(value)
  return buffer
}
const u64le = (value: number): Buffer => {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64LE(BigInt(value))
  return buffer
}
const u32be = (value: number): Buffer => {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32BE(value)
  return buffer
}
const u64be = (value: number): Buffer => {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64BE(BigInt(value))
  return buffer
}
const text = (value: string): Buffer => Buffer.from(value, 'latin1')

/** Monkey's Audio 3.99: the APE_DESCRIPTOR (52 bytes), then the APE_HEADER (24 bytes). */
export function apeFile(): Buffer {
  const frames = Buffer.alloc(64)
  const descriptor = Buffer.concat([
    text('MAC '),
    u16le(3990),
    u16le(0),
    u32le(52), // descriptor bytes
    u32le(24), // header bytes
    u32le(4), // seek table bytes: one frame
    u32le(0), // WAV header bytes
    u32le(frames.length), // frame data bytes
    u32le(0), // frame data bytes, high word
    u32le(0), // terminating data bytes
    Buffer.alloc(16), // MD5
  ])
  const header = Buffer.concat([
    u16le(2000), // compression level: normal
    u16le(0), // format flags
    u32le(73728), // blocks per frame
    u32le(400), // blocks in the final frame
    u32le(1), // total frames
    u16le(16), // bits per sample
    u16le(1), // channels
    u32le(8000), // sample rate
  ])
  return Buffer.concat([descriptor, header, u32le(52 + 24 + 4), frames])
}

/** Musepack SV8: the "MPCK" magic, a Stream Header packet and the Stream End packet. */
export function musepackFile(): Buffer {
  // Packet: 2-letter key, size (here one byte, counting key and size), payload.
  const streamHeader = Buffer.concat([
    u32be(0), // CRC of the rest, unchecked by readers that only identify
    Buffer.from([8]), // stream version
    Buffer.from([0x82, 0x00]), // sample count: 256, as a variable-length number
    Buffer.from([0]), // beginning silence
    Buffer.from([0b000_00000, 0b0000_0_001]), // 44.1 kHz, one band; mono, no M/S, block power 1
  ])
  const packet = (key: string, payload: Buffer): Buffer =>
    Buffer.concat([text(key), Buffer.from([payload.length + 3]), payload])
  return Buffer.concat([text('MPCK'), packet('SH', streamHeader), packet('SE', Buffer.alloc(0))])
}

/** Sony DSF: the "DSD " chunk, the "fmt " chunk (52 bytes) and a "data" chunk. */
export function dsfFile(): Buffer {
  const samples = Buffer.alloc(4096)
  const total = 28 + 52 + 12 + samples.length
  return Buffer.concat([
    text('DSD '),
    u64le(28),
    u64le(total),
    u64le(0), // no ID3 metadata
    text('fmt '),
    u64le(52),
    u32le(1), // format version
    u32le(0), // format: DSD raw
    u32le(1), // channel type: mono
    u32le(1), // channels
    u32le(2822400), // DSD64
    u32le(1), // bits per sample
    u64le(samples.length * 8), // samples per channel
    u32le(4096), // block size per channel
    u32le(0),
    text('data'),
    u64le(12 + samples.length),
    samples,
  ])
}

/** DSDIFF 1.5: a FRM8 form of type "DSD " with FVER, PROP (SND: FS, CHNL, CMPR) and DSD chunks. */
export function dffFile(): Buffer {
  const chunk = (id: string, body: Buffer): Buffer =>
    Buffer.concat([text(id), u64be(body.length), body])
  const prop = chunk(
    'PROP',
    Buffer.concat([
      text('SND '),
      chunk('FS  ', u32be(2822400)),
      chunk('CHNL', Buffer.concat([Buffer.from([0, 1]), text('C   ')])),
      chunk(
        'CMPR',
        Buffer.concat([text('DSD '), Buffer.from([14]), text('not compressed'), Buffer.from([0])]),
      ),
    ]),
  )
  const body = Buffer.concat([
    text('DSD '),
    chunk('FVER', u32be(0x01050000)),
    prop,
    chunk('DSD ', Buffer.alloc(4096, 0x69)),
  ])
  return Buffer.concat([text('FRM8'), u64be(body.length), body])
}
