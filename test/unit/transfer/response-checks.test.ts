import { describe, expect, it } from 'vitest'
import {
  contentLength,
  ifRangeValidator,
  isNonAudioType,
  parseContentRange,
} from '../../../src/main/core/transfer/response-checks'

describe('response checks', () => {
  it.each([
    'text/html; charset=utf-8',
    'application/json',
    'application/problem+json',
    'text/xml',
    'application/xml',
    'application/atom+xml',
    'application/xhtml+xml',
    'text/javascript',
  ])('treats %s as not audio', (type) => {
    expect(isNonAudioType(type)).toBe(true)
  })

  it.each(['audio/mpeg', 'audio/flac', 'application/octet-stream', 'video/mp4', null])(
    'lets %s through to the magic-byte check',
    (type) => {
      expect(isNonAudioType(type)).toBe(false)
    },
  )

  it('parses Content-Range', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 })
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: null })
    expect(parseContentRange('bytes */1000')).toBeNull()
    expect(parseContentRange(null)).toBeNull()
  })

  it('reads Content-Length only when it is a plain number', () => {
    expect(contentLength({ 'content-length': '42' })).toBe(42)
    expect(contentLength({ 'content-length': '4x' })).toBeNull()
    expect(contentLength({})).toBeNull()
  })

  it('uses a strong ETag for If-Range, else Last-Modified', () => {
    const lastModified = 'Wed, 01 Jan 2026 00:00:00 GMT'
    expect(ifRangeValidator({ etag: '"abc"', lastModified })).toBe('"abc"')
    expect(ifRangeValidator({ etag: 'W/"abc"', lastModified })).toBe(lastModified)
    expect(ifRangeValidator({ etag: null, lastModified: null })).toBeNull()
  })
})
