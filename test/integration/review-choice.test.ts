import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { DEMO_SONGS } from '../../src/main/core/demo/demo-catalogue'
import { demoApp, useDemoSync } from '../support/demo-sync'

const context = useDemoSync()

describe('a weak match reviewed by a person', () => {
  it('is downloaded as the candidate chosen, from the source that offered it', async () => {
    const { temp } = context
    const library = join(temp.dir, 'music')
    const app = demoApp(context, library, { downloaders: 1 })
    try {
      const wanted = DEMO_SONGS[3]!
      // The right title by an artist the server does not know: a weak match, not a download.
      const { song } = temp.service.catalog.upsertSong({
        name: wanted.title,
        artists: ['Nobody Known'],
      })
      const playlist = temp.service.playlists.createPlaylist({ name: 'Review me' })
      temp.service.playlists.setSongs(playlist.id, [song.id])

      app.startJob([playlist.id])
      await app.whenIdle()
      const page = app.problems({ kind: 'review', offset: 0, limit: 10 })
      expect(page.total).toBe(1)
      const [item] = page.items
      expect(item).toMatchObject({ songId: song.id, sourceId: 'demo' })
      expect(item!.message).toMatch(/needs review/)
      const choice = item!.candidates.find((c) => c.title === wanted.title)
      expect(choice).toBeDefined()
      expect(choice!.score).toBeLessThan(0.8)

      expect(app.reviewItem(item!.itemId, choice!.trackId)).toEqual({
        itemId: item!.itemId,
        state: 'pending',
      })
      await app.whenIdle()
      expect(temp.service.ops.getItem(item!.itemId)!.state).toBe('succeeded')
      const [row] = app.playlistSongs({ playlistId: playlist.id, offset: 0, limit: 1 }).songs
      expect(row).toMatchObject({ state: 'in_library', source: 'demo' })
      expect(row!.localPath).toContain(wanted.title)
      expect(app.problems({ kind: 'review', offset: 0, limit: 10 }).total).toBe(0)
    } finally {
      await app.shutdown()
    }
  })
})
