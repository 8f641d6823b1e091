import { describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { contractFields, formatErrorOf, parseFixture, tracksOf } from '../../support/importers'

const xspf = (body: string, root = '<playlist version="1" xmlns="http://xspf.org/ns/0/">') =>
  parsePlaylistBuffer('list.xspf', Buffer.from(`<?xml version="1.0"?>\n${root}${body}</playlist>`))

describe('XSPF', () => {
  it('reads the playlist title and identifier, decoding entities', async () => {
    const parsed = await parseFixture('xspf/rainy_afternoon.xspf')
    expect(parsed.playlists[0]).toMatchObject({
      name: 'Rainy Afternoon & Tea',
      sourceId: 'urn:uuid:4b7e3a4c-2f57-4ad0-9a8e-6e1a3f0c9d11',
    })
  })

  it('uses the first location and identifier and keeps the others in the snapshot', async () => {
    const [track] = tracksOf(await parseFixture('xspf/rainy_afternoon.xspf'))
    expect(contractFields(track)).toEqual({
      title: 'Pink Moon',
      artists: ['Nick Drake'],
      album: 'Pink Moon',
      durationMs: 124000,
      location: 'file:///home/sam/Music/Nick%20Drake/Pink%20Moon/01%20Pink%20Moon.flac',
      localPath: '/home/sam/Music/Nick Drake/Pink Moon/01 Pink Moon.flac',
      sourceId: 'https://musicbrainz.org/recording/11111111-2222-4333-8444-555555555501',
    })
    expect(track?.extra).toEqual({
      location: [
        'file:///home/sam/Music/Nick%20Drake/Pink%20Moon/01%20Pink%20Moon.flac',
        'https://media.example.net/nick-drake/pink-moon.ogg',
      ],
      identifier: [
        'https://musicbrainz.org/recording/11111111-2222-4333-8444-555555555501',
        'isrc:GBAAN7200001',
      ],
      trackNum: '1',
      annotation: 'first take',
    })
  })

  it('ignores extension, link and meta content, even a <title> inside an extension', async () => {
    const [track] = tracksOf(await parseFixture('xspf/rainy_afternoon.xspf'))
    expect(track?.title).toBe('Pink Moon')
    expect(JSON.stringify(track)).not.toContain('Not the title')
  })

  it('reads CDATA and trims a location that spans lines', async () => {
    const track = tracksOf(await parseFixture('xspf/rainy_afternoon.xspf'))[1]
    expect(track?.title).toBe('Mrs. Robinson <Live> & More')
    expect(track?.location).toBe(
      'file:///home/sam/Music/Simon%20%26%20Garfunkel/Bookends/Mrs.%20Robinson%21.flac',
    )
    expect(track?.durationMs).toBe(244501)
  })

  it('turns file://localhost/C:/ into a drive path and keeps a decomposed path decomposed', async () => {
    const tracks = tracksOf(await parseFixture('xspf/rainy_afternoon.xspf'))
    expect(tracks[2]?.localPath).toBe(
      'C:/Users/Sam/Music/Sigur Rós/Ágætis byrjun/Svefn-g-englar.flac',
    )
    expect(tracks[4]?.localPath).toBe('/Users/sam/Music/Cafe\u0301 Tacvba/Eres.m4a')
    expect(tracks[4]?.artists).toEqual(['Café Tacvba'])
  })

  it('treats zero or non-numeric durations, and missing fields, as null', async () => {
    const tracks = tracksOf(await parseFixture('xspf/rainy_afternoon.xspf'))
    expect(tracks[2]?.durationMs).toBeNull()
    expect(contractFields(tracks[3])).toEqual({
      title: "Don't Think Twice, It\u2019s All Right",
      artists: ['Bob Dylan'],
      album: null,
      durationMs: null,
      location: null,
      localPath: null,
      sourceId: null,
    })
    expect(contractFields(tracks[5])).toMatchObject({ title: null, artists: [], localPath: null })
  })

  it('accepts an empty trackList as a playlist with no tracks', async () => {
    const parsed = await parseFixture('edge_cases/empty_tracklist.xspf')
    expect(parsed.playlists).toEqual([{ name: 'Nothing Yet', sourceId: null, tracks: [] }])
  })

  it('reads only tracks under playlist/trackList', () => {
    const parsed = xspf(
      '<trackList><track><title>Kept</title></track></trackList><track><title>Stray</title></track>',
    )
    expect(tracksOf(parsed).map((t) => t.title)).toEqual(['Kept'])
  })

  it('ignores elements from other namespaces inside a track', () => {
    const parsed = xspf(
      '<trackList><track xmlns:x="urn:x"><x:title>Other</x:title><title>Own</title></track></trackList>',
    )
    expect(tracksOf(parsed)[0]?.title).toBe('Own')
  })

  it('refuses a playlist root in another namespace', async () => {
    const error = await formatErrorOf(
      () => xspf('<trackList/>', '<playlist xmlns="urn:other">'),
      'list.xspf',
    )
    expect(error.problem).toMatch(/not an XSPF <playlist>/)
  })

  it('refuses truncated XML without keeping the complete tracks before the cut', async () => {
    const text =
      '<playlist xmlns="http://xspf.org/ns/0/">\n<trackList>\n<track><title>One</title></track>\n<track><title>Tw'
    const error = await formatErrorOf(
      () => parsePlaylistBuffer('list.xspf', Buffer.from(text)),
      'list.xspf',
    )
    expect(error.message).toBe('list.xspf: line 4: malformed XML: unclosed tag: title')
    expect(error.line).toBe(4)
  })
})
