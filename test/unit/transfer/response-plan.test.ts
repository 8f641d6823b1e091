import { describe, expect, it } from 'vitest'
import { HttpStatusError, RateLimitedError } from '../../../src/main/core/net/http-errors'
import { planResponse } from '../../../src/main/core/transfer/response-plan'
import { NotAudioError } from '../../../src/main/core/transfer/transfer-errors'

const url = 'http://127.0.0.1:1/song.mp3?u=alice&p=secret'
const part = { bytes: 100, meta: { etag: '"x"', lastModified: null, totalBytes: 1000 } }
const audio = { 'content-type': 'audio/mpeg' }

describe('planResponse', () => {
  it('starts over on 200, with the length or the expected size as total', () => {
    expect(planResponse(url, 200, { ...audio, 'content-length': '1000' }, part, 5)).toEqual({
      kind: 'body',
      start: 0,
      totalBytes: 1000,
    })
    expect(planResponse(url, 200, audio, null, 5)).toMatchObject({ totalBytes: 5 })
  })

  it('continues the .part only with a 206 from its end to the end of the file', () => {
    const range = (value: string) => ({ ...audio, 'content-range': value })
    expect(planResponse(url, 206, range('bytes 100-999/1000'), part, null)).toEqual({
      kind: 'body',
      start: 100,
      totalBytes: 1000,
    })
    for (const value of ['bytes 0-999/1000', 'bytes 100-499/1000', 'bytes 100-999/*']) {
      expect(planResponse(url, 206, range(value), part, null)).toEqual({ kind: 'restart' })
    }
    expect(planResponse(url, 206, range('bytes 100-999/1000'), null, null)).toEqual({
      kind: 'restart',
    })
    expect(planResponse(url, 416, {}, part, null)).toEqual({ kind: 'restart' })
  })

  it('throws clear, redacted errors for error statuses and non-audio types', () => {
    expect(() => planResponse(url, 416, {}, null, null)).toThrow(HttpStatusError)
    expect(() => planResponse(url, 429, { 'retry-after': '3' }, null, null)).toThrow(
      RateLimitedError,
    )
    expect(() => planResponse(url, 500, {}, null, null)).toThrow(/^HTTP 500 from .*p=\*\*\*$/)
    expect(() => planResponse(url, 200, { 'content-type': 'text/html' }, null, null)).toThrow(
      NotAudioError,
    )
  })
})
