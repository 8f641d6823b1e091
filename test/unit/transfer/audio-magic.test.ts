import { describe, expect, it } from 'vitest'
import { describeHead, detectAudioFormat } from '../../../src/main/core/transfer/audio-magic'
import { fakeAudio } from '../../support/peers/fake-audio'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

describe('detectAudioFormat', () => {
  it.each(['mp3', 'flac', 'ogg', 'm4a', 'wav'] as const)('recognises %s', (format) => {
    expect(detectAudioFormat(fakeAudio(64, format).subarray(0, 12))).toBe(format)
  })

  it('recognises an mp3 without ID3 by its frame sync, and ADTS', () => {
    expect(detectAudioFormat(bytes(0xff, 0xfb, 0x90, 0x64))).toBe('mp3')
    expect(detectAudioFormat(bytes(0xff, 0xf1, 0x50, 0x80))).toBe('mp3')
  })

  it('refuses pages, JSON, zips and empty files', () => {
    for (const text of ['<!doctype html>', '{"subsonic-response"', 'PK\x03\x04', '']) {
      expect(detectAudioFormat(Buffer.from(text, 'latin1'))).toBeNull()
    }
    expect(detectAudioFormat(bytes(0xff, 0xd8, 0xff))).toBeNull()
    expect(detectAudioFormat(Buffer.from('RIFF\0\0\0\0AVI '))).toBeNull()
  })

  it('describes what arrived instead', () => {
    expect(describeHead(Buffer.from('<html>'))).toBe('bytes 3c 68 74 6d 6c 3e')
    expect(describeHead(bytes())).toBe('an empty file')
  })
})
