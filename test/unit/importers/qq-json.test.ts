import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import {
  contractFields,
  fixture,
  formatErrorOf,
  parseFixture,
  tracksOf,
} from '../../support/importers'

const text = (body: string) => parsePlaylistBuffer('cdinfo.json', Buffer.from(body))

describe('QQ Music playlist', () => {
  it('reads the old song shape: songname as displayed, albumname, songmid', async () => {
    const parsed = await parseFixture('qq/cdinfo_old_shape.json')
    expect(parsed).toMatchObject({ format: 'qq_json', platform: 'qq' })
    expect(parsed.playlists[0]).toMatchObject({ name: '粤语金曲 · 夜晚', sourceId: '7777777777' })
    const tracks = tracksOf(parsed)
    expect(contractFields(tracks[0])).toEqual({
      title: '红日 (《他来自天堂》电视剧主题曲)',
      artists: ['李克勤'],
      album: '红日',
      durationMs: 289000,
      location: null,
      localPath: null,
      sourceId: '001Qu4I30eVFYb',
    })
    expect(tracks[0]?.extra).toHaveProperty('songorig', '红日')
  })

  it('multiplies interval seconds by 1000 and treats 0 as unknown', async () => {
    const tracks = tracksOf(await parseFixture('qq/cdinfo_old_shape.json'))
    expect(tracks.map((t) => t.durationMs)).toEqual([289000, 274500, null])
    expect(tracks[2]?.artists).toEqual(['陈慧娴'])
  })

  it('reads the new shape, JSONP-wrapped, whatever the file is called', async () => {
    const parsed = await parseFixture('qq/cdinfo_new_shape_jsonp.txt')
    expect(parsed.format).toBe('qq_json')
    expect(tracksOf(parsed).map((t) => contractFields(t))).toEqual([
      {
        title: '稻香',
        artists: ['周杰伦'],
        album: '魔杰座',
        durationMs: 223000,
        location: null,
        localPath: null,
        sourceId: '003OUlho2HcRHC',
      },
      {
        title: '光年之外',
        artists: ['G.E.M. 邓紫棋'],
        album: '光年之外',
        durationMs: 235000,
        location: null,
        localPath: null,
        sourceId: '004emQMs09Z1lz',
      },
      {
        title: '只有名字',
        artists: [],
        album: null,
        durationMs: 201000,
        location: null,
        localPath: null,
        sourceId: '000NAMEONLY01',
      },
    ])
  })

  it('accepts JSONP without the trailing semicolon', () => {
    const parsed = text('cb({"code":0,"cdlist":[{"dissname":"X","songlist":[]}]})')
    expect(parsed.playlists).toEqual([{ name: 'X', sourceId: null, tracks: [] }])
  })

  it('refuses an error response from the service', async () => {
    const file = fixture('qq/error_response.json')
    const error = await formatErrorOf(() => parseFixture('qq/error_response.json'), file)
    expect(error.problem).toBe('QQ Music returned an error (code -1: invalid disstid)')
  })

  it('refuses a response without cdlist[0].songlist', async () => {
    const error = await formatErrorOf(() => text('{"code":0,"cdlist":[]}'), 'cdinfo.json')
    expect(error.field).toBe('cdlist[0].songlist')
  })

  it('refuses JSONP that is not closed', async () => {
    const error = await formatErrorOf(() => text('callback({"code":0'), 'cdinfo.json')
    expect(error.problem).toMatch(/JSONP callback is not closed/)
  })
})
