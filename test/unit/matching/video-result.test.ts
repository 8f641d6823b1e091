import { describe, expect, it } from 'vitest'
import { chooseMatch } from '../../../src/main/core/matching/choose'
import { videoCandidate, videoResultSchema } from '../../../src/main/core/matching/video-result'

describe('videoCandidate', () => {
  it('takes a Topic upload by its track, artists and album tags', () => {
    const result = videoResultSchema.parse({
      id: 'abc',
      title: 'Hello',
      channel: 'Adele - Topic',
      uploader: 'Adele - Topic',
      duration: 295.4,
      track: 'Hello',
      artist: 'Adele, Someone Else',
      album: '25',
      view_count: 10,
    })
    expect(videoCandidate(result)).toEqual({
      trackId: 'abc',
      title: 'Hello',
      artists: ['Adele', 'Someone Else'],
      album: '25',
      durationMs: 295_400,
      channel: 'Adele - Topic',
    })
  })

  it('leaves a plain video title whole and falls back to the uploader', () => {
    const result = videoResultSchema.parse({ id: 'x', title: 'Adele - Hello', uploader: 'Adele' })
    expect(videoCandidate(result)).toMatchObject({
      title: 'Adele - Hello',
      artists: [],
      durationMs: null,
      channel: 'Adele',
    })
  })

  it('takes the official video and its Topic upload for one song, not a coin toss', () => {
    const choice = chooseMatch(
      { title: 'Hello', artists: ['Adele'], durationMs: 295_000, isrc: null },
      [
        videoCandidate({
          id: 'mv',
          title: 'Adele - Hello (Official Music Video)',
          channel: 'AdeleVEVO',
          duration: 296,
        }),
        videoCandidate({
          id: 'topic',
          title: 'Hello',
          channel: 'Adele - Topic',
          duration: 295,
          track: 'Hello',
          artist: 'Adele',
        }),
      ],
    )
    expect(choice.kind).toBe('match')
    expect(choice.kind === 'match' && choice.candidate.trackId).toBe('topic')
  })
})
