import { describe, expect, it, vi } from 'vitest'
import { parsePlaylistBuffer, PlaylistFormatError } from '../../../src/main/core/importers'

// Stands in for a parser bug that some input might trigger.
vi.mock('../../../src/main/core/importers/m3u', () => ({
  parseM3u: () => {
    throw new TypeError('boom')
  },
}))

describe('an unexpected failure inside a parser', () => {
  it('still leaves as a one-line PlaylistFormatError that keeps the cause', () => {
    let caught: unknown
    try {
      parsePlaylistBuffer('x.m3u8', Buffer.from('#EXTM3U\n'))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(PlaylistFormatError)
    const error = caught as PlaylistFormatError
    expect(error.message).toBe('x.m3u8: cannot be parsed: boom')
    expect(error.cause).toBeInstanceOf(TypeError)
  })
})
