import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { demoApp, useDemoSync } from '../support/demo-sync'

const context = useDemoSync()

const xspf = (indices: number[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/"><title>Order Test</title><trackList>',
    ...indices.map((i) => {
      const song = DEMO_SONGS[i]!
      return `<track><title>${song.title}</title><creator>${song.artist}</creator></track>`
    }),
    '</trackList></playlist>',
  ].join('\n')

const titlesIn = (m3u8: string) =>
  m3u8
    .split('\n')
    .filter((line) => line.startsWith('#EXTINF'))
    .map((line) => line.slice(line.indexOf(' - ') + 3))

describe('a re-import of a synced playlist', () => {
  it('rewrites its playlist file in the new order without waiting for a sync', async () => {
    const { temp } = context
    const library = join(temp.dir, 'music')
    const app = demoApp(context, library)
    try {
      const file = join(temp.dir, 'order.xspf')
      writeFileSync(file, xspf([0, 1, 2]))
      await app.importFile(file)
      app.startJob()
      await app.whenIdle()
      expect(app.playlists()[0]!.lastSyncedAt).toEqual(expect.any(Number))
      const m3u8 = join(library, 'Playlists', 'Order Test.m3u8')
      const titles = (indices: number[]) => indices.map((i) => DEMO_SONGS[i]!.title)
      expect(titlesIn(readFileSync(m3u8, 'utf8'))).toEqual(titles([0, 1, 2]))

      writeFileSync(file, xspf([2, 0]))
      const [result] = (await app.importFile(file)).playlists
      expect(result).toMatchObject({ created: false, removed: 1, moved: expect.any(Number) })
      expect(titlesIn(readFileSync(m3u8, 'utf8'))).toEqual(titles([2, 0]))
    } finally {
      await app.shutdown()
    }
  })
})
