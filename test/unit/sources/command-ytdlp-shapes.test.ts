import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { CommandSource } from '../../../src/main/core/sources/command/command-source'
import { pickAudioFormat } from '../../../src/main/core/sources/command/pick-format'
import { knownFailure } from '../../../src/main/core/sources/command/extractor-failure'
import { RateLimitedError } from '../../../src/main/core/net'
import { SourceGates } from '../../../src/main/core/sync/source-gates'
import { restIfRateLimited } from '../../../src/main/core/sync/source-policy'
import type { ResolveOutcome } from '../../../src/main/core/sources/types'
import { noAbort, songQuery } from '../../support/peers/song-query'

const extractor = join(__dirname, '..', '..', 'fixtures', 'sources', 'fake-extractor.mjs')
const base = 'http://127.0.0.1:8'

/** The command source over the recorded yt-dlp answers named, in that order. */
function resolveRecorded(...names: string[]): Promise<ResolveOutcome> {
  const source = new CommandSource({
    id: 'ytdlp',
    type: 'command',
    command: [process.execPath, extractor, 'recorded', base, ...names],
    timeoutMs: 10_000,
    maxConcurrency: 1,
  })
  return source.resolve(songQuery('Hello', ['Adele']), { signal: noAbort() })
}

describe('command source: recorded yt-dlp shapes', () => {
  it('takes the audio part of a merged default format from requested_formats', async () => {
    expect(await resolveRecorded('merged-default')).toMatchObject({
      kind: 'match',
      song: {
        trackId: 'YQHsXMglC9A',
        url: `${base}/videoplayback?expire=1800000000&ei=x&itag=251`,
        ext: 'webm',
        sizeBytes: 4194103,
        expiresAt: 1_800_000_000_000,
        headers: { 'User-Agent': expect.stringContaining('Mozilla/5.0') },
        matchedTitle: 'Hello (Official Music Video)',
        matchedArtists: ['Adele'],
      },
    })
  })

  it('takes a top-level 251 with its expiry, its own headers and its cookies', async () => {
    const outcome = await resolveRecorded('audio-251')
    expect(outcome).toMatchObject({
      kind: 'match',
      song: {
        url: `${base}/videoplayback?expire=1800000000&ei=x&itag=251`,
        ext: 'webm',
        expiresAt: 1_800_000_000_000,
        matchedTitle: 'Hello',
        matchedArtists: ['Adele'],
      },
    })
    if (outcome.kind !== 'match') return
    expect(outcome.song.headers).toMatchObject({
      Referer: 'https://www.youtube.com/',
      'X-Format-Header': '251',
      Cookie: 'VISITOR_INFO1_LIVE=abc; PREF=f6=40000000',
    })
  })

  it('takes a top-level m4a 140', async () => {
    expect(await resolveRecorded('m4a-140')).toMatchObject({
      kind: 'match',
      song: { url: `${base}/videoplayback?expire=1800000000&ei=x&itag=140`, ext: 'm4a' },
    })
  })

  it('skips an entry that offers only an m3u8 manifest', async () => {
    expect(await resolveRecorded('m3u8-only')).toEqual({
      kind: 'none',
      reason: expect.stringMatching(/no entry with an http\(s\) url to an audio-only format/),
    })
    expect(await resolveRecorded('m3u8-only', 'm4a-140')).toMatchObject({
      kind: 'match',
      song: { ext: 'm4a' },
    })
  })
})

describe('pickAudioFormat', () => {
  const url = 'https://127.0.0.1:9/f'

  it('takes the highest audio bitrate, never video, combined or manifest formats', () => {
    const picked = pickAudioFormat([
      { format_id: 'video', url, vcodec: 'vp9', acodec: 'none', tbr: 2000 },
      { format_id: 'combined', url, vcodec: 'avc1', acodec: 'mp4a.40.2', tbr: 600 },
      { format_id: 'hls', url, protocol: 'm3u8_native', vcodec: 'none', acodec: 'mp4a', abr: 300 },
      { format_id: 'dash', url: `${url}.mpd`, ext: 'mpd', vcodec: 'none', abr: 300 },
      { format_id: 'low', url, protocol: 'https', vcodec: 'none', acodec: 'opus', abr: 50 },
      { format_id: 'high', url, protocol: 'https', vcodec: 'none', acodec: 'opus', tbr: 160 },
      { format_id: 'mid', url, protocol: 'http', vcodec: 'none', acodec: 'mp4a', abr: 128 },
    ])
    expect(picked?.format_id).toBe('high')
  })

  it('counts a format of unknown codecs as audio, and refuses a non-http url', () => {
    expect(pickAudioFormat([{ format_id: 'bare', url: 'http://127.0.0.1:9/a.mp3' }])).toMatchObject(
      { format_id: 'bare' },
    )
    expect(pickAudioFormat([{ url: 'file:///etc/passwd' }, { url: 'rtmp://x/y' }])).toBeNull()
  })
})

describe('command source: yt-dlp failures', () => {
  it('turns a bot check into a rate limit that cools the source down for a minute', async () => {
    const error = await resolveRecorded('bot-check').then(
      () => new Error('expected a failure'),
      (caught: unknown) => caught as Error,
    )
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error.message).toMatch(
      /met a bot check .*resting the source for 60s: ERROR: \[youtube\]/,
    )
    expect(error.message).not.toContain('WARNING')
    const gates = new SourceGates(() => 1_000)
    restIfRateLimited(error, 'ytdlp', gates)
    // A minute, give or take the policy's 20 % jitter.
    expect(gates.coolingFor('ytdlp')).toBeGreaterThanOrEqual(48_000)
    expect(gates.coolingFor('ytdlp')).toBeLessThanOrEqual(72_000)
  })

  it('says what a known failure is, in our words, and leaves other failures alone', () => {
    const say = (line: string) => knownFailure('yt-dlp', line, '')
    expect(say('ERROR: [youtube] x: HTTP Error 429: Too Many Requests')).toBeInstanceOf(
      RateLimitedError,
    )
    expect(say('ERROR: [youtube] x: Private video. Sign in if you have access')?.message).toBe(
      '"yt-dlp" found the video private',
    )
    expect(say('ERROR: [youtube] x: Sign in to confirm your age')?.message).toMatch(
      /age-restricted/,
    )
    expect(say('ERROR: [youtube] x: Video unavailable')?.message).toBe(
      '"yt-dlp" found the video unavailable',
    )
    expect(say('ERROR: [youtube] x: Requested format is not available')).toBeNull()
  })
})
