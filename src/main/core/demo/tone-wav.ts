const SAMPLE_RATE = 22_050

/** A mono 16-bit PCM WAV of a fading sine tone: real audio, made without any tool. */
export function toneWav(frequencyHz: number, durationSec: number): Buffer {
  const samples = Math.round(SAMPLE_RATE * durationSec)
  const wav = Buffer.alloc(44 + samples * 2)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + samples * 2, 4)
  wav.write('WAVE', 8, 'ascii')
  wav.write('fmt ', 12, 'ascii')
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20)
  wav.writeUInt16LE(1, 22)
  wav.writeUInt32LE(SAMPLE_RATE, 24)
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28)
  wav.writeUInt16LE(2, 32)
  wav.writeUInt16LE(16, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 2000, (samples - i) / 2000)
    const value = Math.sin((2 * Math.PI * frequencyHz * i) / SAMPLE_RATE) * 0.4 * fade
    wav.writeInt16LE(Math.round(value * 32767), 44 + i * 2)
  }
  return wav
}
