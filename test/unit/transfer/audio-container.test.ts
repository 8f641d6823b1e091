import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  describeHead,
  detectAudioFormat,
  EXPECTED_FORMATS,
} from '../../../src/main/core/transfer/audio-container'
import { AUDIO_EXTENSIONS, AUDIO_FORMAT_EXTENSIONS } from '../../../src/shared/audio-formats'
import { apeFile, dffFile, dsfFile, musepackFile } from '../../support/audio-headers'
import { fakeAudio } from '../../support/peers/fake-audio'

const FIXTURES = join(__dirname, '../../fixtures/audio/containers')
const fixture = (name: string): Promise<Buffer> => readFile(join(FIXTURES, name))
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

describe('detectAudioFormat', () => {
  it.each(['mp3', 'flac', 'ogg', 'm4a', 'wav'] as const)('recognises a fake %s', async (format) => {
    expect(await detectAudioFormat(fakeAudio(64, format))).toBe(format)
  })

  it('recognises an mp3 without ID3 by its frame sync, and ADTS AAC', async () => {
    expect(await detectAudioFormat(bytes(0xff, 0xfb, 0x90, 0x64))).toBe('mp3')
    expect(await detectAudioFormat(bytes(0xff, 0xf1, 0x50, 0x80))).toBe('aac')
  })

  it.each([
    ['mp3.mp3', 'mp3'],
    ['adts.aac', 'aac'],
    ['flac.flac', 'flac'],
    ['vorbis.ogg', 'ogg'],
    ['opus.opus', 'ogg'],
    ['flac.oga', 'ogg'],
    ['aac.m4a', 'm4a'],
    ['aac-isom.mp4', 'm4a'],
    ['opus.webm', 'webm'],
    ['flac.mka', 'mka'],
    ['wav.wav', 'wav'],
    ['aiff.aiff', 'aiff'],
    ['wma.wma', 'wma'],
    ['wavpack.wv', 'wv'],
  ])('recognises %s, made by ffmpeg, as %s', async (name, format) => {
    expect(await detectAudioFormat(await fixture(name))).toBe(format)
  })

  it.each([
    ['ape', apeFile],
    ['mpc', musepackFile],
    ['dsf', dsfFile],
    ['dff', dffFile],
  ] as const)('recognises a hand-built %s header', async (format, build) => {
    expect(await detectAudioFormat(build())).toBe(format)
  })

  it('reads an open file as far as its track list, which MP4 often keeps at the end', async () => {
    const handle = await open(join(FIXTURES, 'aac-isom.mp4'), 'r')
    try {
      expect(await detectAudioFormat(handle)).toBe('m4a')
    } finally {
      await handle.close()
    }
    const video = await open(join(FIXTURES, 'video.mp4'), 'r')
    try {
      expect(await detectAudioFormat(video)).toBeNull()
    } finally {
      await video.close()
    }
  })

  it.each(['video.webm', 'video.mkv', 'video.mp4', 'video-and-audio.webm'])(
    'refuses %s, which holds a video track',
    async (name) => {
      expect(await detectAudioFormat(await fixture(name))).toBeNull()
    },
  )

  it('refuses pages, JSON, XML, zips, images and empty files', async () => {
    const texts = [
      '<!doctype html><html><body>Not found</body></html>',
      '{"subsonic-response":{"status":"failed"}}',
      '<?xml version="1.0" encoding="UTF-8"?><error code="404"/>',
      'PK\x03\x04',
      '',
    ]
    for (const text of texts) {
      expect(await detectAudioFormat(Buffer.from(text, 'latin1'))).toBeNull()
    }
    expect(await detectAudioFormat(bytes(0xff, 0xd8, 0xff))).toBeNull()
    expect(await detectAudioFormat(Buffer.from('RIFF\0\0\0\0AVI '))).toBeNull()
  })

  it('refuses a Matroska file cut before its track list', async () => {
    const webm = await fixture('opus.webm')
    expect(await detectAudioFormat(webm.subarray(0, 64))).toBeNull()
  })

  it('describes what arrived instead', () => {
    expect(describeHead(Buffer.from('<html>'))).toBe('bytes 3c 68 74 6d 6c 3e')
    expect(describeHead(bytes())).toBe('an empty file')
  })

  it('names every accepted container in the refusal', () => {
    expect(EXPECTED_FORMATS).toBe(
      'mp3, aac, flac, ogg, m4a, webm, mka, wav, aiff, wma, ape, wv, mpc, dsf or dff',
    )
  })
})

describe('AUDIO_EXTENSIONS', () => {
  it('holds every extension the local scanner indexed before, and each accepted container', () => {
    const before = ['mp3', 'flac', 'ogg', 'oga', 'opus', 'm4a', 'mp4', 'aac', 'wav', 'aif', 'aiff']
    for (const extension of [...before, 'wma', 'ape', 'wv', 'mpc', 'webm', 'mka', 'dsf', 'dff']) {
      expect(AUDIO_EXTENSIONS.has(extension)).toBe(true)
    }
    expect(AUDIO_EXTENSIONS.size).toBe(Object.values(AUDIO_FORMAT_EXTENSIONS).flat().length)
  })
})
