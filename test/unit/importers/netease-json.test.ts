import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import {
  contractFields,
  fixture,
  formatErrorOf,
  parseFixture,
  tracksOf,
} from '../../support/importers'

const json = (value: unknown) =>
  parsePlaylistBuffer('detail.json', Buffer.from(JSON.stringify(value)))

describe('NetEase playlist detail', () => {
  it('maps name, ar, al, dt and id, ignoring the alia aliases', async () => {
    const parsed = await parseFixture('netease/playlist_detail_partial.json')
    expect(parsed).toMatchObject({ format: 'netease_json', platform: 'netease' })
    expect(parsed.playlists[0]).toMatchObject({ name: '夜跑 | Night Run', sourceId: '2829883282' })
    const tracks = tracksOf(parsed)
    expect(contractFields(tracks[1])).toEqual({
      title: '夜空中最亮的星',
      artists: ['逃跑计划'],
      album: '世界',
      durationMs: 252000,
      location: null,
      localPath: null,
      sourceId: '25706282',
    })
    expect(tracks[1]?.extra).toHaveProperty('alia', ['The Brightest Star in the Night Sky'])
    expect(tracks[1]?.extra).toHaveProperty('ar')
  })

  it('drops blank artist names', async () => {
    expect(
      tracksOf(await parseFixture('netease/playlist_detail_partial.json'))[2]?.artists,
    ).toEqual(['王力宏', 'Lexie Liu'])
  })

  it('reads the older artists/album/duration keys', async () => {
    const track = tracksOf(await parseFixture('netease/playlist_detail_partial.json'))[3]
    expect(contractFields(track)).toMatchObject({
      title: '旧版字段',
      artists: ['老歌手'],
      album: '老专辑',
      durationMs: 200000,
      sourceId: '186001',
    })
  })

  it('does not count ids listed without track details, but reports them', async () => {
    const parsed = await parseFixture('netease/playlist_detail_partial.json')
    expect(tracksOf(parsed)).toHaveLength(4)
    expect(parsed.playlists[0]?.unresolvedTrackIds).toEqual(['28793140', '437859519'])
  })

  it('refuses an error response from the service', async () => {
    const file = fixture('netease/error_response.json')
    const error = await formatErrorOf(() => parseFixture('netease/error_response.json'), file)
    expect(error.message).toBe(`${file}: the service returned an error (code 404: 歌单不存在)`)
  })

  it('refuses a success code without a playlist, and a non-array tracks', async () => {
    let error = await formatErrorOf(() => json({ code: 200 }), 'detail.json')
    expect(error.field).toBe('playlist')
    error = await formatErrorOf(() => json({ code: 200, playlist: { tracks: 'x' } }), 'detail.json')
    expect(error.field).toBe('playlist.tracks')
  })

  it('refuses a NetEase error code even with a playlist object', async () => {
    const error = await formatErrorOf(
      () => json({ code: 301, playlist: {}, msg: '需要登录' }),
      'detail.json',
    )
    expect(error.problem).toBe('NetEase returned an error (code 301: 需要登录)')
  })
})
